package concierge.retrieval;

import concierge.Addresses;
import concierge.embedding.Vectors;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** Requests to {@code concierge.retrieval}; the only class that writes and reads its JSON. */
public final class RetrievalService {

  private final Vertx vertx;
  private final DeliveryOptions options;

  public RetrievalService(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  /** The top chunks for a question vector; {@code intent} picks the preferred collection (may be null). */
  public Future<List<RetrievedChunk>> retrieve(float[] vector, String intent, int topN) {
    JsonObject body = new JsonObject().put("vector", Vectors.encode(vector)).put("intent", intent).put("topN", topN);
    return vertx.eventBus().<JsonObject>request(Addresses.RETRIEVAL, body, options)
        .map(reply -> decode(reply.body()));
  }

  static JsonObject encode(List<RetrievedChunk> chunks) {
    JsonArray array = new JsonArray();
    chunks.forEach(chunk -> array.add(chunk.toJson()));
    return new JsonObject().put("chunks", array);
  }

  private static List<RetrievedChunk> decode(JsonObject reply) {
    JsonArray array = reply.getJsonArray("chunks");
    List<RetrievedChunk> chunks = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      chunks.add(RetrievedChunk.fromJson(array.getJsonObject(i)));
    }
    return chunks;
  }
}
