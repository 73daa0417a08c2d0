package concierge.retrieval;

import io.vertx.core.json.JsonObject;

/** The retrieval.* settings. */
public record RetrievalConfig(int topN, long timeoutMs, double otherCollectionPenalty) {

  public static RetrievalConfig from(JsonObject root) {
    JsonObject c = root.getJsonObject("retrieval", new JsonObject());
    return new RetrievalConfig(c.getInteger("top-n", 3), c.getLong("timeout-ms", 2000L),
        c.getDouble("other-collection-penalty", 0.04));
  }
}
