package concierge.faults;

import concierge.orders.DatabaseConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM under load: Concierge started from the jar as a separate JVM (on the drill's Chroma and
 * LLM simulator, with its own H2 orders database), loaded by real clients, sent SIGTERM; then its
 * database is opened to look for every order that was confirmed to a client.
 */
final class SigtermCase {

  private static final Logger LOG = LoggerFactory.getLogger(SigtermCase.class);

  private final Vertx vertx;
  private final Path jar;
  private final Path dataDir;
  private final String llmUrl;
  private final String chromaUrl;
  private final FaultDrill.Timing timing;

  SigtermCase(Vertx vertx, Path jar, Path work, String llmUrl, String chromaUrl, FaultDrill.Timing timing) {
    this.vertx = vertx;
    this.jar = jar;
    this.dataDir = work.resolve("sigterm");
    this.llmUrl = llmUrl;
    this.chromaUrl = chromaUrl;
    this.timing = timing;
  }

  FaultCase run() throws IOException, InterruptedException {
    Files.createDirectories(dataDir);
    int port = FaultDrill.freePort();
    Process child = start(port);
    try {
      awaitReady(child, port);
      DrillClients clients = new DrillClients(vertx, "127.0.0.1", port)
          .start(timing.restClients(), timing.socketClients(), timing.orderClients());
      FaultDrill.sleep(timing.beforeMs() + timing.faultMs());
      clients.serverStopping();
      long signalled = System.nanoTime();
      child.destroy();
      boolean exited = child.waitFor(90, TimeUnit.SECONDS);
      long stopMs = (System.nanoTime() - signalled) / 1_000_000;
      FaultDrill.sleep(300);
      clients.stop();
      List<String> confirmed = List.copyOf(clients.confirmedOrders);
      int lost = FaultDrill.missingOrders(DatabaseConfig.from(new JsonObject().put("data-dir",
          dataDir.toString())), confirmed);
      List<TurnOutcome> all = new ArrayList<>(clients.outcomes);
      all.addAll(clients.orderOutcomes);
      String note = String.format("exit %s after %d ms; %d WebSockets closed with 1001",
          exited ? String.valueOf(child.exitValue()) : "none (killed)", stopMs, clients.goingAwayCloses.get());
      FaultCase result = FaultCase.of("SIGTERM during load (separate JVM from the jar)", all, true, -1,
          confirmed.size(), lost, note);
      LOG.info("fault case: {}", result.row());
      return result;
    } finally {
      if (child.isAlive()) {
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private Process start(int port) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString(), "serve",
        "--port", String.valueOf(port))
        .redirectErrorStream(true).redirectOutput(dataDir.resolve("server.log").toFile());
    Map<String, String> env = builder.environment();
    env.put("CONCIERGE_DATA_DIR", dataDir.toString());
    env.put("CHROMA_URL", chromaUrl);
    env.put("CONCIERGE_LLM_URL", llmUrl);
    env.put("CONCIERGE_CACHE_ENABLED", "false");
    env.put("CONCIERGE_SHUTDOWN_DRAIN_TIMEOUT_MS", "20000");
    return builder.start();
  }

  private void awaitReady(Process child, int port) {
    WebClient web = WebClient.create(vertx);
    try {
      long started = System.nanoTime();
      while (System.nanoTime() - started < 240_000_000_000L) {
        if (!child.isAlive()) {
          throw new IllegalStateException("the server exited at start; see " + dataDir.resolve("server.log"));
        }
        boolean ready = web.get(port, "127.0.0.1", "/health").timeout(2000).send()
            .map(r -> r.statusCode() == 200).otherwise(false).await();
        if (ready) {
          LOG.info("separate server ready in {} ms", (System.nanoTime() - started) / 1_000_000);
          return;
        }
        FaultDrill.sleep(250);
      }
      throw new IllegalStateException("the server was not ready within 240 s");
    } finally {
      web.close();
    }
  }
}
