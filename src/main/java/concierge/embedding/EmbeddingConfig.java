package concierge.embedding;

import io.vertx.core.json.JsonObject;

/** The embedding.* settings. */
public record EmbeddingConfig(String model, int workers, int batchMax, int queueMax, int cacheEntries, long timeoutMs) {

  public static EmbeddingConfig from(JsonObject root) {
    JsonObject c = root.getJsonObject("embedding", new JsonObject());
    return new EmbeddingConfig(
        c.getString("model", "all-minilm-l6-v2-q"),
        Math.max(1, c.getInteger("workers", 2)),
        Math.max(1, c.getInteger("batch-max", 16)),
        Math.max(1, c.getInteger("queue-max", 1000)),
        Math.max(0, c.getInteger("cache-entries", 5000)),
        c.getLong("timeout-ms", 2000L));
  }
}
