package concierge.agent;

import io.vertx.core.json.JsonObject;

/** The agent.* settings, and the message limit shared with the gateway. */
public record AgentConfig(long turnTimeoutMs, boolean publishTurns, int maxMessageChars) {

  public static AgentConfig from(JsonObject root) {
    JsonObject a = root.getJsonObject("agent", new JsonObject());
    return new AgentConfig(a.getLong("turn-timeout-ms", 30000L), a.getBoolean("publish-turns", true),
        root.getJsonObject("http", new JsonObject()).getInteger("max-message-chars", 4000));
  }
}
