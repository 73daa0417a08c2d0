package concierge.agent;

import concierge.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/**
 * Requests to {@code concierge.chat}: the request JSON of the API in, the response JSON out.
 * With a stream address, the turn's frames ({"type":"start"|"delta"|"end"}) are sent there too.
 */
public final class ChatService {

  public static final String STREAM_HEADER = "stream";
  public static final String TURN_HEADER = "turnId";

  private final Vertx vertx;
  private final long timeoutMs;

  public ChatService(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
  }

  public Future<JsonObject> chat(JsonObject request) {
    return chat(request, null, null);
  }

  public Future<JsonObject> chat(JsonObject request, String turnId, String streamAddress) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeoutMs);
    if (streamAddress != null) {
      options.addHeader(STREAM_HEADER, streamAddress);
    }
    if (turnId != null) {
      options.addHeader(TURN_HEADER, turnId);
    }
    return vertx.eventBus().<JsonObject>request(Addresses.CHAT, request, options).map(reply -> reply.body());
  }
}
