package concierge.gateway;

import io.vertx.core.json.JsonObject;

/** The http.* settings. */
public record HttpConfig(String host, int port, int instances, int maxBodyBytes, int idleTimeoutSeconds,
                         int maxMessageChars) {

  public static HttpConfig from(JsonObject root) {
    JsonObject c = root.getJsonObject("http", new JsonObject());
    int instances = c.getInteger("instances", 0);
    return new HttpConfig(c.getString("host", "127.0.0.1"), c.getInteger("port", 8080),
        instances > 0 ? instances : Runtime.getRuntime().availableProcessors(),
        c.getInteger("max-body-bytes", 65536), c.getInteger("idle-timeout-seconds", 120),
        c.getInteger("max-message-chars", 4000));
  }
}
