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
 * Keeps the last turns of every conversation (whole turns, oldest dropped first) with a TTL. On a
 * single node they live in {@link RecentConversations}, bounded in number
 * ({@code conversation.max-conversations}, least recently active forgotten first); on a clustered
 * node in a cluster-wide shared-data map, so that a customer's next turn may land anywhere.
 * Appends to one conversation are applied in order.
 */
public final class ConversationVerticle extends VerticleBase {

  public static final String MAP = "concierge.conversations";

  private ConversationConfig settings;
  private AsyncMap<String, JsonObject> shared;
  private RecentConversations recent;
  private final Map<String, Future<?>> appending = new HashMap<>();

  @Override
  public Future<?> start() {
    settings = ConversationConfig.from(config());
    Future<?> store;
    if (vertx.isClustered()) {
      store = vertx.sharedData().<String, JsonObject>getAsyncMap(MAP).onSuccess(map -> shared = map);
    } else {
      recent = new RecentConversations(settings.maxConversations(), settings.ttlMs(), System::currentTimeMillis);
      vertx.setPeriodic(60_000, id -> recent.expire());
      store = Future.succeededFuture();
    }
    return store.compose(ready -> vertx.eventBus().<JsonObject>consumer(Addresses.CONVERSATIONS, this::handle).completion());
  }

  private Future<JsonObject> read(String id) {
    return recent != null ? Future.succeededFuture(recent.get(id)) : shared.get(id);
  }

  private Future<Void> write(String id, JsonObject conversation) {
    if (recent != null) {
      recent.put(id, conversation);
      return Future.succeededFuture();
    }
    return shared.put(id, conversation, settings.ttlMs());
  }

  private void handle(Message<JsonObject> message) {
    String action = String.valueOf(message.headers().get(ConversationService.ACTION));
    Replies.answer(message, body -> {
      String id = body.getString("conversationId");
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("conversationId is required");
      }
      return switch (action) {
        case "get" -> read(id).map(json -> new JsonObject().put("conversation", json));
        case "append" -> append(id, body.getString("customerId"), body.getJsonObject("turn"));
        default -> throw new IllegalArgumentException("unknown conversation action '" + action + "'");
      };
    });
  }

  private Future<JsonObject> append(String id, String customerId, JsonObject turn) {
    Future<?> previous = appending.getOrDefault(id, Future.succeededFuture());
    Future<JsonObject> next = previous.transform(ignored -> read(id))
        .compose(existing -> {
          JsonObject conversation = existing != null ? existing
              : new JsonObject().put("customerId", customerId).put("turns", new JsonArray());
          JsonArray turns = conversation.getJsonArray("turns");
          turns.add(turn);
          while (turns.size() > settings.maxTurns()) {
            turns.remove(0);
          }
          return write(id, conversation).map(v -> new JsonObject());
        });
    appending.put(id, next);
    next.onComplete(done -> appending.remove(id, next));
    return next;
  }
}
