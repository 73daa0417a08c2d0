package concierge.retrieval;

import io.vertx.core.json.JsonObject;

/** A knowledge chunk found for a question, with its cosine similarity (after collection weighting). */
public record RetrievedChunk(String id, String title, String collection, String text, String sku, double score) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("title", title).put("collection", collection).put("text", text)
        .put("sku", sku).put("score", Math.round(score * 1000) / 1000.0);
  }

  public static RetrievedChunk fromJson(JsonObject json) {
    return new RetrievedChunk(json.getString("id"), json.getString("title"), json.getString("collection"),
        json.getString("text"), json.getString("sku"), json.getDouble("score"));
  }

  /** The source as the API shows it: no text. */
  public JsonObject toSource() {
    return new JsonObject().put("id", id).put("title", title).put("collection", collection)
        .put("score", Math.round(score * 1000) / 1000.0);
  }
}
