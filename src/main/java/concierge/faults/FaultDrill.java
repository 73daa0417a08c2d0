package concierge.faults;

import concierge.ConciergeServer;
import concierge.config.ConfigLoader;
import concierge.llmsim.ForcedFault;
import concierge.llmsim.LlmSimOptions;
import concierge.llmsim.LlmSimulator;
import concierge.orders.DatabaseConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The fault-injection drill: a whole Concierge (its own Chroma, the LLM simulator as its LLM, the
 * orders database behind an H2 TCP server that can be stopped) under steady load from real REST,
 * WebSocket and order clients, while one fault at a time is injected and ended. A last case starts
 * Concierge as a separate JVM from the jar and stops it with SIGTERM under load. Used by
 * {@code concierge bench faults} and by FaultsIT. Blocking: run it from a plain thread.
 */
public final class FaultDrill {

  private static final Logger LOG = LoggerFactory.getLogger(FaultDrill.class);

  /** How long each phase lasts: load before the fault, the fault, load after it. */
  public record Timing(long beforeMs, long faultMs, long afterMs, int restClients, int socketClients,
                       int orderClients, int idleSockets) {
    public static Timing quick() {
      return new Timing(1500, 3000, 4000, 3, 2, 1, 1000);
    }
  }

  private final Timing timing;
  private final Path jar;
  private final Vertx clientVertx = Vertx.vertx();
  private Path work;
  private LlmSimulator sim;
  private Vertx simVertx;
  private Server database;
  private int databasePort;
  private ConciergeServer server;

  public FaultDrill(Timing timing, Path jar) {
    this.timing = timing;
    this.jar = jar;
  }

  /** Runs every case, in-process ones first; the SIGTERM case only when the jar exists. */
  public List<FaultCase> run() throws Exception {
    List<FaultCase> cases = new ArrayList<>();
    work = Files.createTempDirectory("concierge-faults-");
    try {
      startDependencies();
      cases.add(chromaKilled());
      for (ForcedFault fault : List.of(ForcedFault.HANG, ForcedFault.SERVER_ERROR, ForcedFault.RATE_LIMITED,
          ForcedFault.CUT)) {
        cases.add(llmFault(fault));
      }
      cases.add(databaseStopped());
      cases.add(idleSockets());
      cases.add(slowReader());
      if (jar != null && Files.exists(jar)) {
        cases.add(new SigtermCase(clientVertx, jar, work, sim.baseUrl(), server.chromaUrl(), timing).run());
      }
      server.shutdown();
      boolean chromaStopped = server.sidecar() == null || !server.sidecar().running();
      LOG.info("in-process server stopped gracefully; Chroma stopped: {}", chromaStopped);
      server = null;
      return cases;
    } finally {
      stopAll();
    }
  }

  private void startDependencies() throws Exception {
    simVertx = Vertx.vertx();
    sim = LlmSimulator.start(simVertx, LlmSimOptions.defaults().withSpeed(0.1).withSeed(11L)).await();
    databasePort = freePort();
    startDatabase();
    Vertx vertx = ConciergeServer.newVertx();
    JsonObject config = ConfigLoader.applyOverrides(ConfigLoader.load(vertx, null).await(), Map.of(), new Properties());
    JsonObject breaker = new JsonObject().put("max-failures", 3).put("reset-ms", 1000);
    config.mergeIn(new JsonObject()
        .put("data-dir", work.resolve("server").toString())
        .put("http", new JsonObject().put("port", 0))
        .put("chroma", new JsonObject().put("url", "").put("request-timeout-ms", 10_000))
        .put("retrieval", new JsonObject().put("timeout-ms", 3000))
        .put("llm", new JsonObject().put("url", sim.baseUrl()).put("first-token-timeout-ms", 1500)
            .put("max-retries", 1))
        .put("cache", new JsonObject().put("enabled", false))
        .put("breakers", new JsonObject().put("chroma", breaker).put("llm", breaker).put("database", breaker))
        .put("database", new JsonObject().put("url", "jdbc:h2:tcp://127.0.0.1:" + databasePort + "/orders"
            + DatabaseConfig.H2_OPTIONS).put("connect-timeout-ms", 5000).put("query-timeout-seconds", 5)
            .put("request-timeout-ms", 4000)), true);
    server = ConciergeServer.start(vertx, config);
  }

  private void startDatabase() throws SQLException {
    database = Server.createTcpServer("-tcpPort", String.valueOf(databasePort), "-ifNotExists",
        "-baseDir", work.resolve("db").toString()).start();
  }

  private FaultCase chromaKilled() {
    DrillClients clients = load();
    sleep(timing.beforeMs());
    long killed = System.nanoTime();
    server.sidecar().killForTest();
    long restarted = awaitChroma(killed);
    sleep(timing.afterMs());
    clients.stop();
    long recovery = FaultCase.recovery(clients.outcomes, restarted,
        o -> o.kind() == TurnOutcome.Kind.ANSWERED && !o.degraded().contains("retrieval_unavailable"));
    long degraded = clients.outcomes.stream().filter(o -> o.degraded().contains("retrieval_unavailable")).count();
    return result("Chroma killed (kill -9), restarted by the sidecar", clients, false, recovery,
        String.format("Chroma back after %d ms; %d turns answered degraded (apology with contacts)",
            (restarted - killed) / 1_000_000, degraded));
  }

  private FaultCase llmFault(ForcedFault fault) {
    DrillClients clients = load();
    sleep(timing.beforeMs());
    sim.force(fault);
    sleep(timing.faultMs());
    sim.force(ForcedFault.NONE);
    long ended = System.nanoTime();
    sleep(timing.afterMs());
    clients.stop();
    long recovery = FaultCase.recovery(clients.outcomes, ended,
        o -> o.kind() == TurnOutcome.Kind.ANSWERED && !o.degraded().contains("llm_fallback"));
    long fallbacks = clients.outcomes.stream().filter(o -> o.degraded().contains("llm_fallback")).count();
    String what = switch (fault) {
      case HANG -> "LLM hangs (no first token)";
      case SERVER_ERROR -> "LLM answers 500";
      case RATE_LIMITED -> "LLM answers 429";
      default -> "LLM stream cut mid-answer";
    };
    return result(what, clients, false, recovery, fallbacks + " turns answered by the embedded generator (llm_fallback)");
  }

  private FaultCase databaseStopped() {
    DrillClients clients = load();
    sleep(timing.beforeMs());
    database.stop();
    sleep(timing.faultMs());
    try {
      startDatabase();
    } catch (SQLException e) {
      throw new IllegalStateException("could not restart the database server", e);
    }
    long ended = System.nanoTime();
    sleep(timing.afterMs());
    clients.stop();
    long recovery = FaultCase.recovery(clients.orderOutcomes, ended,
        o -> o.kind() == TurnOutcome.Kind.ANSWERED && !o.degraded().contains("orders_unavailable"));
    long refused = clients.orderOutcomes.stream().filter(o -> o.degraded().contains("orders_unavailable")).count();
    return result("Database stopped (H2 TCP server down)", clients, false, recovery,
        refused + " order turns refused (orders_unavailable, action refused)");
  }

  private FaultCase idleSockets() {
    WebSocketClient client = clientVertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(timing.idleSockets() + 1));
    List<Future<WebSocket>> opening = new ArrayList<>();
    for (int i = 0; i < timing.idleSockets(); i++) {
      opening.add(client.connect(server.httpPort(), "127.0.0.1", "/v1/chat/ws"));
    }
    Future.join(opening).otherwiseEmpty().await();
    long opened = opening.stream().filter(Future::succeeded).count();
    DrillClients clients = load();
    sleep(timing.beforeMs() + timing.faultMs());
    clients.stop();
    long open = opening.stream().filter(f -> f.succeeded() && !f.result().isClosed()).count();
    client.close().await();
    return result(timing.idleSockets() + " idle WebSockets held open", clients, false, -1,
        opened + " opened, " + open + " still open at the end");
  }

  private FaultCase slowReader() {
    WebSocketClient client = clientVertx.createWebSocketClient();
    WebSocket slow = client.connect(server.httpPort(), "127.0.0.1", "/v1/chat/ws").await();
    AtomicInteger ends = new AtomicInteger();
    slow.textMessageHandler(text -> {
      if ("end".equals(new JsonObject(text).getString("type"))) {
        ends.incrementAndGet();
      }
    });
    slow.pause();
    int asked = 30;
    for (int i = 0; i < asked; i++) {
      slow.writeTextMessage(new JsonObject().put("type", "message").put("clientMessageId", "slow-" + i)
          .put("message", DrillClients.QUESTIONS.get(i % DrillClients.QUESTIONS.size())).encode());
    }
    DrillClients clients = load();
    sleep(timing.beforeMs() + timing.faultMs());
    slow.resume();
    long resumed = System.nanoTime();
    while (ends.get() < asked && System.nanoTime() - resumed < 30_000_000_000L) {
      sleep(50);
    }
    clients.stop();
    client.close().await();
    return result("A client that stops reading (30 turns asked)", clients, false, -1,
        ends.get() + "/" + asked + " of its answers delivered once it read again");
  }

  private DrillClients load() {
    return new DrillClients(clientVertx, "127.0.0.1", server.httpPort())
        .start(timing.restClients(), timing.socketClients(), timing.orderClients());
  }

  private FaultCase result(String name, DrillClients clients, boolean connectionLossExpected, long recoveryMs,
                           String note) {
    List<String> confirmed = List.copyOf(clients.confirmedOrders);
    int lost = missingOrders(DatabaseConfig.from(server.config()), confirmed);
    List<TurnOutcome> all = new ArrayList<>(clients.outcomes);
    all.addAll(clients.orderOutcomes);
    FaultCase result = FaultCase.of(name, all, connectionLossExpected, recoveryMs, confirmed.size(), lost, note);
    LOG.info("fault case: {}", result.row());
    return result;
  }

  /**
   * Confirmed orders that the database does not have with their lines and their audit row; read with
   * a connection of its own (not the server's pool), as an auditor would.
   */
  static int missingOrders(DatabaseConfig database, List<String> confirmed) {
    if (confirmed.isEmpty()) {
      return 0;
    }
    try (Connection connection = database.user().isEmpty() ? DriverManager.getConnection(database.jdbcUrl())
        : DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
         PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM orders o WHERE o.id = ? AND "
             + "EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id) AND "
             + "EXISTS (SELECT 1 FROM order_audit a WHERE a.order_id = o.id)")) {
      int missing = 0;
      for (String id : confirmed) {
        query.setString(1, id);
        try (ResultSet rows = query.executeQuery()) {
          rows.next();
          missing += rows.getLong(1) == 1 ? 0 : 1;
        }
      }
      return missing;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the orders database: " + e.getMessage(), e);
    }
  }

  private long awaitChroma(long since) {
    WebClient web = WebClient.create(clientVertx);
    try {
      String heartbeat = server.chromaUrl() + "/api/v2/heartbeat";
      while (System.nanoTime() - since < 120_000_000_000L) {
        sleep(100);
        boolean up = web.getAbs(heartbeat).timeout(1000).send().map(r -> r.statusCode() == 200)
            .otherwise(false).await();
        if (up && server.sidecar().running()) {
          return System.nanoTime();
        }
      }
      throw new IllegalStateException("Chroma was not restarted within 120 s");
    } finally {
      web.close();
    }
  }

  private void stopAll() {
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.stop();
    }
    if (simVertx != null) {
      simVertx.close().await();
    }
    clientVertx.close().await();
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

}
