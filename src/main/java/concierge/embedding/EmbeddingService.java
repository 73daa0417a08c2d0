package concierge.embedding;

import concierge.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** Requests to {@code concierge.embedding}; the only class that writes and reads its JSON. */
public final class EmbeddingService {

  private final Vertx vertx;
  private final DeliveryOptions options;

  public EmbeddingService(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  public Future<float[]> embed(String text) {
    return embedAll(List.of(text)).map(vectors -> vectors.get(0));
  }

  public Future<List<float[]>> embedAll(List<String> texts) {
    JsonObject body = new JsonObject().put("texts", new JsonArray(new ArrayList<>(texts)));
    return vertx.eventBus().<JsonObject>request(Addresses.EMBEDDING, body, options)
        .map(reply -> decode(reply.body()));
  }

  static List<String> texts(JsonObject request) {
    JsonArray texts = request.getJsonArray("texts");
    if (texts == null || texts.isEmpty()) {
      throw new IllegalArgumentException("texts must be a non-empty array of strings");
    }
    List<String> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      Object text = texts.getValue(i);
      if (!(text instanceof String s)) {
        throw new IllegalArgumentException("texts must be strings");
      }
      if (concierge.InputRules.readsAsEmpty(s)) {
        // one such text would fail the whole micro-batch it joins, other callers' texts with it
        throw new IllegalArgumentException("texts must not be empty");
      }
      out.add(s);
    }
    return out;
  }

  static JsonObject encode(List<float[]> vectors) {
    JsonArray array = new JsonArray(new ArrayList<>(vectors.size()));
    for (float[] vector : vectors) {
      array.add(Vectors.encode(vector));
    }
    return new JsonObject().put("vectors", array);
  }

  private static List<float[]> decode(JsonObject reply) {
    JsonArray array = reply.getJsonArray("vectors");
    List<float[]> vectors = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      vectors.add(Vectors.decode(array.getString(i)));
    }
    return vectors;
  }
}
