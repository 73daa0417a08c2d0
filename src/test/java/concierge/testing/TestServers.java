package concierge.testing;

import concierge.ConciergeServer;
import concierge.config.ConfigLoader;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Starts a whole Concierge for a test: the real configuration defaults, a fresh data folder, the
 * shared test Chroma (unless the test wants its own), a free HTTP port.
 */
public final class TestServers {

  private TestServers() {
  }

  public static JsonObject config() {
    Vertx vertx = Vertx.vertx();
    try {
      JsonObject config = ConfigLoader.load(vertx, null).await();
      return ConfigLoader.applyOverrides(config, java.util.Map.of(), new Properties());
    } finally {
      vertx.close().await();
    }
  }

  /** A server on the shared Chroma, with {@code overrides} merged into the defaults. */
  public static ConciergeServer start(JsonObject overrides) throws Exception {
    JsonObject config = config().mergeIn(overrides, true);
    config.getJsonObject("chroma").put("url", TestChroma.url());
    return boot(config);
  }

  /** A server that starts and owns its own Chroma (for tests that stop and restart it). */
  public static ConciergeServer startWithOwnChroma(JsonObject overrides) throws Exception {
    JsonObject config = config().mergeIn(overrides, true);
    config.getJsonObject("chroma").put("url", "");
    return boot(config);
  }

  private static ConciergeServer boot(JsonObject config) throws Exception {
    Path data = Files.createTempDirectory("concierge-test-");
    config.put("data-dir", data.toString()).put("cache-dir", TestChroma.cacheDir().toString());
    config.getJsonObject("http").put("port", 0);
    return ConciergeServer.start(ConciergeServer.newVertx(), config);
  }

  public static ConciergeServer start() throws Exception {
    return start(new JsonObject());
  }
}
