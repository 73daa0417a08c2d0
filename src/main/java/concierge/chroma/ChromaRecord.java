package concierge.chroma;

import io.vertx.core.json.JsonObject;

/** One stored item of a collection: id, vector, document text and metadata. */
public record ChromaRecord(String id, float[] vector, String document, JsonObject metadata) {
}
