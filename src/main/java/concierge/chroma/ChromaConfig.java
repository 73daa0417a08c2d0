package concierge.chroma;

import io.vertx.core.json.JsonObject;

/** The chroma.* settings. An empty url means: start a local server. */
public record ChromaConfig(String url, String npmVersion, String bindingsVersion,
                           int startTimeoutSeconds, int requestTimeoutMs, boolean restartWhenDead) {

  public static ChromaConfig from(JsonObject root) {
    JsonObject c = root.getJsonObject("chroma", new JsonObject());
    return new ChromaConfig(
        c.getString("url", ""),
        c.getString("npm-version", "3.5.0"),
        c.getString("bindings-version", "1.3.4"),
        c.getInteger("start-timeout-seconds", 60),
        c.getInteger("request-timeout-ms", 3000),
        c.getBoolean("restart-when-dead", true));
  }

  public boolean external() {
    return url != null && !url.isBlank();
  }
}
