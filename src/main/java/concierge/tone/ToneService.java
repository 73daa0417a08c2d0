package concierge.tone;

import concierge.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/** Requests to {@code concierge.tone}; the only class that writes and reads its JSON. */
public final class ToneService {

  private final Vertx vertx;
  private final DeliveryOptions options;

  public ToneService(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  /** The guideline for a turn; a failure of the tone stage falls back to the default guideline. */
  public Future<ToneGuideline> guideline(String intent, String message, String customerName) {
    JsonObject body = new JsonObject().put("intent", intent).put("message", message).put("customerName", customerName);
    return vertx.eventBus().<JsonObject>request(Addresses.TONE, body, options)
        .map(reply -> ToneGuideline.fromJson(reply.body()));
  }
}
