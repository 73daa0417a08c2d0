package concierge.knowledge;

import io.vertx.core.json.JsonObject;

/** The knowledge.* settings. */
public record KnowledgeConfig(String dir, boolean ingestOnStart, int chunkTokens) {

  public static KnowledgeConfig from(JsonObject root) {
    JsonObject c = root.getJsonObject("knowledge", new JsonObject());
    return new KnowledgeConfig(c.getString("dir", ""), c.getBoolean("ingest-on-start", true),
        c.getInteger("chunk-tokens", 200));
  }
}
