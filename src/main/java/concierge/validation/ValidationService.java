package concierge.validation;

import concierge.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** Requests to {@code concierge.validation}; the only class that writes and reads its JSON. */
public final class ValidationService {

  private final Vertx vertx;
  private final DeliveryOptions options;

  public ValidationService(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  public Future<Verdict> check(String sentence, List<String> grounding) {
    JsonObject body = new JsonObject().put("sentence", sentence).put("grounding", new JsonArray(new ArrayList<>(grounding)));
    return vertx.eventBus().<JsonObject>request(Addresses.VALIDATION, body, options)
        .map(reply -> Verdict.fromJson(reply.body()));
  }

  static String sentence(JsonObject body) {
    if (!(body.getValue("sentence") instanceof String sentence)) {
      throw new IllegalArgumentException("sentence must be a string");
    }
    return sentence;
  }

  static List<String> grounding(JsonObject body) {
    Object value = body.getValue("grounding");
    if (value != null && !(value instanceof JsonArray)) {
      throw new IllegalArgumentException("grounding must be an array of strings");
    }
    JsonArray array = value == null ? new JsonArray() : (JsonArray) value;
    List<String> grounding = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      grounding.add(String.valueOf(array.getValue(i)));
    }
    return grounding;
  }
}
