package concierge.knowledge;

import io.vertx.core.json.JsonObject;

/**
 * One retrievable piece of the knowledge base: a section of a document under one heading.
 * {@code id} is {@code <collection>/<document>#<heading-slug>}; {@code sku} is set for products.
 */
public record KnowledgeChunk(String id, String collection, String title, String heading, String source,
                             String sku, String text, String hash) {

  /** What is embedded: the heading gives the section's topic, the text its facts. */
  public String embeddingText() {
    return heading + ". " + text;
  }

  public JsonObject metadata() {
    JsonObject metadata = new JsonObject().put("collection", collection).put("title", title).put("heading", heading)
        .put("source", source).put("hash", hash);
    if (sku != null) {
      metadata.put("sku", sku);
    }
    return metadata;
  }
}
