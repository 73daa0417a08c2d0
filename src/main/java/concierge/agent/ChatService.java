package concierge.agent;

import concierge.Addresses;
import concierge.cluster.ClusterVerticle;
import concierge.cluster.TurnCustody;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/**
 * Requests to {@code concierge.chat}: the request JSON of the API in, the response JSON out.
 * With a stream address, the turn's frames ({"type":"start"|"delta"|"end"}) are sent there too.
 * On a clustered node the turn is also watched ({@link TurnCustody}): if the node that took it
 * leaves the cluster, the call fails at once with a retryable 503 instead of waiting for the
 * turn's timeout.
 */
public final class ChatService {

  public static final String STREAM_HEADER = "stream";
  public static final String TURN_HEADER = "turnId";
  /** Where the node that takes the turn says so (clustered nodes only). */
  public static final String CUSTODY_HEADER = "custody";

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
    TurnCustody custody = ClusterVerticle.custody(vertx);
    if (custody == null) {
      if (turnId != null) {
        options.addHeader(TURN_HEADER, turnId);
      }
      return vertx.eventBus().<JsonObject>request(Addresses.CHAT, request, options).map(reply -> reply.body());
    }
    String id = turnId != null ? turnId : Ids.turn();
    options.addHeader(TURN_HEADER, id).addHeader(CUSTODY_HEADER, custody.address());
    Context context = vertx.getOrCreateContext();
    Promise<JsonObject> result = Promise.promise();
    custody.watch(id).onFailure(lost -> context.runOnContext(v -> result.tryFail(lost)));
    vertx.eventBus().<JsonObject>request(Addresses.CHAT, request, options)
        .onComplete(reply -> {
          custody.release(id);
          if (reply.succeeded()) {
            result.tryComplete(reply.result().body());
          } else {
            result.tryFail(reply.cause());
          }
        });
    return result.future();
  }
}
