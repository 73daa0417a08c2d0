package concierge.testing;

import concierge.chroma.ChromaConfig;
import concierge.chroma.ChromaSidecar;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real Chroma server per test JVM, started by the project's own sidecar (installed from npm
 * into the shared cache on first use) and stopped when the JVM exits. Tests never mock Chroma.
 */
public final class TestChroma {

  private static ChromaSidecar sidecar;
  private static String url;

  private TestChroma() {
  }

  public static synchronized String url() {
    if (url == null) {
      try {
        Path data = Files.createTempDirectory("concierge-chroma-");
        sidecar = new ChromaSidecar(ChromaConfig.from(new JsonObject()), data, cacheDir());
        url = sidecar.start();
      } catch (Exception e) {
        throw new IllegalStateException("could not start Chroma for the tests: " + e.getMessage(), e);
      }
    }
    return url;
  }

  public static Path cacheDir() {
    String property = System.getProperty("concierge.cache.dir");
    return property != null ? Path.of(property) : Path.of(System.getProperty("user.home"), ".cache", "concierge");
  }
}
