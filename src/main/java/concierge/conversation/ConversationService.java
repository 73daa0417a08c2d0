package concierge.conversation;

import concierge.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/** Requests to {@code concierge.conversations}; the only class that writes and reads its JSON. */
public final class ConversationService {

  static final String ACTION = "action";

  private final Vertx vertx;
  private final long timeoutMs;

  public ConversationService(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
  }

  public Future<Conversation> get(String conversationId) {
    return request("get", new JsonObject().put("conversationId", conversationId))
        .map(reply -> Conversation.fromJson(conversationId, reply.getJsonObject("conversation")));
  }

  /** Appends a finished turn; the first turn fixes the conversation's customer. */
  public Future<Void> append(String conversationId, String customerId, JsonObject turn) {
    return request("append", new JsonObject().put("conversationId", conversationId).put("customerId", customerId)
        .put("turn", turn)).mapEmpty();
  }

  private Future<JsonObject> request(String action, JsonObject body) {
    return vertx.eventBus().<JsonObject>request(Addresses.CONVERSATIONS, body,
        new DeliveryOptions().addHeader(ACTION, action).setSendTimeout(timeoutMs)).map(m -> m.body());
  }
}
