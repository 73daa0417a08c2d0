package concierge.cli;

import concierge.Addresses;
import concierge.cluster.ClusterConfig;
import concierge.cluster.ClusterJoin;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code concierge tail-turns --cluster --members host:port,...}: joins the cluster as a lite
 * member (it holds no data, so it may come and go) and prints every turn any node finishes, one
 * line each: time, ids, intent, cache, action, duration, degradations. The customer's message and
 * the answer are printed only with {@code --json} (the whole event, as published).
 */
@Command(name = "tail-turns", mixinStandardHelpOptions = true,
    description = "Print the turns of every node of a cluster as they happen (a clustered event-bus consumer).")
public final class TailTurnsCommand implements Callable<Integer> {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  @Mixin
  ConfigOption config;

  @Option(names = "--cluster", description = "join the cluster (the only mode; accepted for symmetry with serve)")
  boolean cluster;

  @Option(names = "--members", description = "Hazelcast members of the cluster, host:port,... (cluster.members)")
  String members;

  @Option(names = "--host", description = "this process's address for the cluster (default: cluster.host)")
  String host;

  @Option(names = "--json", description = "print each turn event whole, as published (includes message and answer)")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Vertx reader = Vertx.vertx();
    JsonObject settings;
    try {
      settings = config.load(reader);
    } finally {
      reader.close().await();
    }
    JsonObject c = settings.getJsonObject("cluster");
    if (members != null) {
      c.put("members", members);
    }
    if (host != null) {
      c.put("host", host);
    }
    c.put("hazelcast-port", freePort()).put("event-bus-port", 0);
    Vertx vertx = ClusterJoin.join(ClusterConfig.from(settings), new VertxOptions(), null,
        Addresses.PUBLISHED::contains, true).await().vertx();
    vertx.eventBus().<JsonObject>consumer(Addresses.TURNS, message -> {
      System.out.println(json ? message.body().encode() : line(message.body()));
      System.out.flush();
    }).completion().await();
    System.err.println("tail-turns: listening on " + Addresses.TURNS + " (Ctrl-C to stop)");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      vertx.close().await();
      stopped.countDown();
    }, "tail-turns-stop"));
    stopped.await();
    return 0;
  }

  /** One turn, one line, no customer text. */
  static String line(JsonObject turn) {
    JsonObject intent = turn.getJsonObject("intent", new JsonObject());
    JsonObject action = turn.getJsonObject("action", new JsonObject());
    JsonObject timings = turn.getJsonObject("timings", new JsonObject());
    JsonArray degraded = turn.getJsonArray("degraded", new JsonArray());
    return String.format("%s turn=%s conversation=%s customer=%s intent=%s(%.2f) cache=%s action=%s/%s%s total=%dms%s",
        TIME.format(Instant.now()), turn.getString("turnId"), turn.getString("conversationId"),
        turn.getString("customerId", "-"), intent.getString("name"), intent.getDouble("confidence", 0.0),
        turn.getString("cache"), action.getString("type", "none"), action.getString("status", "none"),
        action.getString("orderId") == null ? "" : " order=" + action.getString("orderId"),
        timings.getLong("totalMs", 0L), degraded.isEmpty() ? "" : " degraded=" + degraded.encode());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
