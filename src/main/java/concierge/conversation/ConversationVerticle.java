package concierge.conversation;

import concierge.Addresses;
import concierge.Replies;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps the last turns of every conversation (whole turns, oldest dropped first) in a Vert.x
 * shared-data map with a TTL: local in one JVM, cluster-wide when the node is clustered, so a
 * customer's next turn may land anywhere. Appends to one conversation are applied in order.
 */
public final class ConversationVerticle extends VerticleBase {

  public static final String MAP = "concierge.conversations";

  private ConversationConfig settings;
  private AsyncMap<String, JsonObject> conversations;
  private final Map<String, Future<?>> appending = new HashMap<>();

  @Override
  public Future<?> start() {
    settings = ConversationConfig.from(config());
    return vertx.sharedData().<String, JsonObject>getAsyncMap(MAP)
        .onSuccess(map -> conversations = map)
        .compose(map -> vertx.eventBus().<JsonObject>consumer(Addresses.CONVERSATIONS, this::handle).completion());
  }

  private void handle(Message<JsonObject> message) {
    String action = String.valueOf(message.headers().get(ConversationService.ACTION));
    Replies.answer(message, body -> {
      String id = body.getString("conversationId");
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("conversationId is required");
      }
      return switch (action) {
        case "get" -> conversations.get(id).map(json -> new JsonObject().put("conversation", json));
        case "append" -> append(id, body.getString("customerId"), body.getJsonObject("turn"));
        default -> throw new IllegalArgumentException("unknown conversation action '" + action + "'");
      };
    });
  }

  private Future<JsonObject> append(String id, String customerId, JsonObject turn) {
    Future<?> previous = appending.getOrDefault(id, Future.succeededFuture());
    Future<JsonObject> next = previous.transform(ignored -> conversations.get(id))
        .compose(existing -> {
          JsonObject conversation = existing != null ? existing
              : new JsonObject().put("customerId", customerId).put("turns", new JsonArray());
          JsonArray turns = conversation.getJsonArray("turns");
          turns.add(turn);
          while (turns.size() > settings.maxTurns()) {
            turns.remove(0);
          }
          return conversations.put(id, conversation, settings.ttlMs()).map(v -> new JsonObject());
        });
    appending.put(id, next);
    next.onComplete(done -> appending.remove(id, next));
    return next;
  }
}
