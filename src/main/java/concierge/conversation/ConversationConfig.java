package concierge.conversation;

import io.vertx.core.json.JsonObject;

/** The conversation.* settings. */
public record ConversationConfig(int maxTurns, long ttlMs, int maxConversations) {

  public static ConversationConfig from(JsonObject root) {
    JsonObject c = root.getJsonObject("conversation", new JsonObject());
    return new ConversationConfig(Math.max(1, c.getInteger("max-turns", 3)),
        c.getLong("ttl-minutes", 120L) * 60_000L, Math.max(1, c.getInteger("max-conversations", 20_000)));
  }
}
