package concierge.intent;

import concierge.Addresses;
import concierge.embedding.Vectors;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Requests to {@code concierge.intent}; the only class that writes and reads its JSON.
 * <pre>
 * request: {"message": "where is my order?", "vector": "&lt;Base64 of Vectors.encode, optional&gt;"}
 * reply:   {"name": "order_status", "confidence": 0.93,
 *           "scores": {"order_status": 0.93, "complaint": 0.04, "policy_question": 0.01}}
 * </pre>
 * Without a vector the service embeds the message itself (one more embedding call).
 */
public final class IntentService {

  /** A request as the verticle reads it; {@code vector} is null when the caller sent none. */
  record Request(String message, float[] vector) {
  }

  private final Vertx vertx;
  private final DeliveryOptions options;

  public IntentService(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  /** The intent of a message whose embedding the caller already has (may be null). */
  public Future<IntentPrediction> classify(String message, float[] vector) {
    JsonObject body = new JsonObject().put("message", message);
    if (vector != null) {
      body.put("vector", Vectors.encode(vector));
    }
    return vertx.eventBus().<JsonObject>request(Addresses.INTENT, body, options).map(reply -> decode(reply.body()));
  }

  static Request request(JsonObject body) {
    Object message = body.getValue("message");
    if (!(message instanceof String text) || concierge.InputRules.readsAsEmpty(text)) {
      throw new IllegalArgumentException("message must be a non-empty string");
    }
    Object vector = body.getValue("vector");
    if (vector == null) {
      return new Request(text, null);
    }
    if (!(vector instanceof String base64)) {
      throw new IllegalArgumentException("vector must be a Base64 string (Vectors.encode)");
    }
    try {
      return new Request(text, Vectors.decode(base64));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("vector is not valid Base64");
    }
  }

  static JsonObject encode(IntentPrediction prediction) {
    JsonObject scores = new JsonObject();
    prediction.scores().entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(score -> scores.put(score.getKey(), round(score.getValue())));
    return new JsonObject().put("name", prediction.name()).put("confidence", round(prediction.confidence()))
        .put("scores", scores);
  }

  static IntentPrediction decode(JsonObject reply) {
    Map<String, Double> scores = new LinkedHashMap<>();
    reply.getJsonObject("scores", new JsonObject())
        .forEach(score -> scores.put(score.getKey(), ((Number) score.getValue()).doubleValue()));
    return new IntentPrediction(reply.getString("name"), reply.getDouble("confidence"), scores);
  }

  private static double round(double probability) {
    return Math.round(probability * 1000) / 1000.0;
  }
}
