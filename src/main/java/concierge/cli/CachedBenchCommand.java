package concierge.cli;

import concierge.ConciergeServer;
import concierge.bench.Load;
import concierge.bench.ResidentMemory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code concierge bench cached}: cache hits over REST, end to end. Starts a server in this
 * process (or uses {@code --url}), warms the cache with a set of questions, then (a) paces turns
 * at a steady rate (open loop) and prints P50/P95/P99, and (b) runs closed-loop clients and
 * prints turns/s. The client runs on its own Vert.x instance, on the same cores.
 */
@Command(name = "cached", mixinStandardHelpOptions = true, description = "Benchmark cached turns over REST.")
public final class CachedBenchCommand implements Callable<Integer> {

  @Mixin
  ConfigOption config;

  @Option(names = "--url", description = "a running server, e.g. http://127.0.0.1:8080 (default: start one here)")
  String url;

  @Option(names = "--rate", defaultValue = "500", description = "paced turns per second (default: ${DEFAULT-VALUE})")
  double rate;

  @Option(names = "--seconds", defaultValue = "25", description = "length of the paced run (default: ${DEFAULT-VALUE})")
  int seconds;

  @Option(names = "--clients", defaultValue = "100", description = "closed-loop clients (default: ${DEFAULT-VALUE})")
  int clients;

  @Option(names = "--turns", defaultValue = "50000", description = "turns of the closed-loop run (default: ${DEFAULT-VALUE})")
  int turns;

  @Option(names = "--warmup", defaultValue = "20000",
      description = "closed-loop turns before measuring, so the JIT has compiled the path (default: ${DEFAULT-VALUE})")
  int warmup;

  @Override
  public Integer call() throws Exception {
    Vertx serverVertx = url == null ? ConciergeServer.newVertx() : null;
    ConciergeServer server = null;
    if (serverVertx != null) {
      JsonObject settings = config.load(serverVertx);
      settings.getJsonObject("http").put("port", 0);
      settings.put("cache", settings.getJsonObject("cache", new JsonObject()).put("enabled", true));
      server = ConciergeServer.start(serverVertx, settings);
    }
    Vertx vertx = Vertx.vertx();
    try (ResidentMemory rss = new ResidentMemory()) {
      String base = url != null ? url : "http://127.0.0.1:" + server.httpPort();
      HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(Math.max(clients, 64) + 16));
      RequestOptions post = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(base + "/v1/chat")
          .putHeader("content-type", "application/json");
      List<Buffer> bodies = warm(http, post);
      System.out.printf(Locale.ROOT, "cached: %s, %d questions that hit the cache%n", base, bodies.size());
      AtomicInteger misses = new AtomicInteger();
      java.util.function.IntFunction<Future<?>> turn = i -> ask(http, post, bodies.get(i % bodies.size()))
          .onSuccess(reply -> {
            if ("miss".equals(reply.getString("cache"))) {
              misses.incrementAndGet();
            }
          });
      Load.closed(vertx, 10, warmup, turn);
      Load.Result paced = Load.paced(vertx, rate, (int) (rate * seconds), turn);
      System.out.printf(Locale.ROOT, "== paced at %.0f turns/s for %d s (open loop, end to end): %s  failures %d%n",
          rate, seconds, paced.latencies().summary(), paced.failures());
      Load.Result closed = Load.closed(vertx, clients, turns, turn);
      System.out.printf(Locale.ROOT, "== %d concurrent clients, closed loop: %.0f turns/s  %s  failures %d%n", clients,
          closed.perSecond(), closed.latencies().summary(), closed.failures());
      System.out.printf(Locale.ROOT, "turns that missed the cache: %d; peak RSS of this JVM: %d MB%n", misses.get(),
          rss.peakMb());
      return paced.failures() + closed.failures() == 0 ? 0 : 1;
    } finally {
      vertx.close().await();
      if (server != null) {
        server.close();
      }
    }
  }

  /** Asks each question twice and keeps those whose second answer came from the cache. */
  private static List<Buffer> warm(HttpClient http, RequestOptions post) {
    List<Buffer> hits = new ArrayList<>();
    for (String question : SocketBenchCommand.QUESTIONS) {
      Buffer body = new JsonObject().put("message", question).toBuffer();
      ask(http, post, body).await();
      if (!"miss".equals(ask(http, post, body).await().getString("cache"))) {
        hits.add(body);
      }
    }
    if (hits.isEmpty()) {
      throw new IllegalStateException("no question hit the cache: is cache.enabled false?");
    }
    return hits;
  }

  private static Future<JsonObject> ask(HttpClient http, RequestOptions post, Buffer body) {
    return http.request(post)
        .compose(request -> request.send(body))
        .compose(response -> response.body().map(buffer -> {
          if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
          }
          return buffer.toJsonObject();
        }));
  }
}
