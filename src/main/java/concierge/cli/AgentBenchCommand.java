package concierge.cli;

import concierge.ConciergeServer;
import concierge.agent.ChatService;
import concierge.bench.Latencies;
import concierge.bench.Load;
import concierge.bench.ResidentMemory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code concierge bench agent}: uncached turns through {@code concierge.chat} with the embedded
 * generator: per-stage P50/P99 for one caller, P95 at a paced rate, throughput with 100 callers
 * next to the raw embedding model's throughput (one embedding per turn is the floor of the cost).
 */
@Command(name = "agent", mixinStandardHelpOptions = true, description = "Benchmark uncached turns, per stage.")
public final class AgentBenchCommand implements Callable<Integer> {

  private static final List<String> STAGES = List.of("embedMs", "intentMs", "retrievalMs", "toneMs", "generationMs",
      "validationMs", "firstTokenMs", "totalMs");

  @Mixin
  ConfigOption config;

  @Option(names = "--turns", defaultValue = "1000")
  int turns;

  @Option(names = "--rate", defaultValue = "50", description = "paced turns per second (default ${DEFAULT-VALUE})")
  double rate;

  @Override
  public Integer call() throws Exception {
    Vertx vertx = ConciergeServer.newVertx();
    JsonObject settings = config.load(vertx);
    settings.getJsonObject("http").put("port", 0);
    settings.put("cache", settings.getJsonObject("cache", new JsonObject()).put("enabled", false));
    try (ConciergeServer server = ConciergeServer.start(vertx, settings); ResidentMemory rss = new ResidentMemory()) {
      ChatService chat = new ChatService(vertx, 60_000);
      AtomicInteger unique = new AtomicInteger();
      Map<String, Latencies> stages = new LinkedHashMap<>();
      STAGES.forEach(stage -> stages.put(stage, new Latencies()));
      java.util.function.IntFunction<Future<?>> turn = i -> chat.chat(new JsonObject().put("message",
              SocketBenchCommand.QUESTIONS.get(i % SocketBenchCommand.QUESTIONS.size()) + " " + unique.incrementAndGet()))
          .onSuccess(response -> record(stages, response.getJsonObject("timings")));

      Load.closed(vertx, 1, 100, turn);
      STAGES.forEach(stage -> stages.put(stage, new Latencies()));
      Load.Result single = Load.closed(vertx, 1, Math.min(turns, 500), turn);
      System.out.println("== one caller, per stage (ms, from each turn's timings)");
      stages.forEach((stage, latencies) -> System.out.printf("%-14s p50 %6.2f  p99 %6.2f%n", stage.replace("Ms", ""),
          latencies.percentileMs(50), latencies.percentileMs(99)));
      System.out.println("client-side:   " + single.latencies().summary());

      Load.Result paced = Load.paced(vertx, rate, (int) (rate * 20), turn);
      System.out.printf("== paced at %.0f turns/s (open loop): %s  failures %d%n", rate, paced.latencies().summary(),
          paced.failures());

      Load.Result closed = Load.closed(vertx, 100, turns, turn);
      double raw = RetrievalBenchCommand.rawThroughput(server.embedder(),
          i -> "raw embedding throughput probe " + unique.incrementAndGet(), 1000);
      System.out.printf("== 100 concurrent callers: %.0f turns/s, %s, failures %d%n", closed.perSecond(),
          closed.latencies().summary(), closed.failures());
      System.out.printf("raw embedding model: %.0f embeddings/s -> turns/s = %.0f%% of it%n", raw,
          100 * closed.perSecond() / raw);
      System.out.printf("peak RSS of this JVM (server and load generator): %d MB%n", rss.peakMb());
    }
    return 0;
  }

  private static void record(Map<String, Latencies> stages, JsonObject timings) {
    stages.forEach((stage, latencies) -> {
      Long ms = timings.getLong(stage);
      if (ms != null) {
        latencies.add(ms * 1_000_000);
      }
    });
  }
}
