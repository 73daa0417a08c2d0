package concierge.chroma;

import io.vertx.core.json.JsonObject;

/** One result of a query: cosine distance is 1 - similarity. */
public record ChromaHit(String id, String document, JsonObject metadata, double distance) {

  public double similarity() {
    return 1.0 - distance;
  }
}
