package concierge.cli;

import concierge.ConciergeServer;
import concierge.bench.ResidentMemory;
import concierge.config.ConfigLoader;
import concierge.faults.DrillClients;
import concierge.llmsim.LlmSimOptions;
import concierge.llmsim.LlmSimulator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * {@code concierge bench soak}: a steady number of concurrent users (REST and WebSocket, a few placing
 * orders) against a whole Concierge with the LLM simulator as its LLM, for minutes; prints heap
 * after a full GC and RSS at intervals, and the success rate.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
    description = "Steady concurrent users for minutes; prints heap after GC, RSS and success rate over time.")
public final class SoakBenchCommand implements Callable<Integer> {

  @Option(names = "--minutes", defaultValue = "30", description = "how long (default: ${DEFAULT-VALUE})")
  double minutes;

  @Option(names = "--users", defaultValue = "50", description = "concurrent users (default: ${DEFAULT-VALUE})")
  int users;

  @Option(names = "--sample-seconds", defaultValue = "60", description = "time between samples (default: ${DEFAULT-VALUE})")
  int sampleSeconds;

  @Option(names = "--llm-speed", defaultValue = "1.0",
      description = "simulator speed factor: 1 = real LLM latencies (default: ${DEFAULT-VALUE})")
  double llmSpeed;

  @Override
  public Integer call() throws Exception {
    Vertx simVertx = Vertx.vertx();
    Vertx clientVertx = Vertx.vertx();
    LlmSimulator sim = LlmSimulator.start(simVertx, LlmSimOptions.defaults().withSpeed(llmSpeed).withSeed(3L)).await();
    Vertx vertx = ConciergeServer.newVertx();
    JsonObject config = ConfigLoader.applyOverrides(ConfigLoader.load(vertx, null).await(), Map.of(), new Properties());
    config.mergeIn(new JsonObject().put("data-dir", Files.createTempDirectory("concierge-soak-").toString())
        .put("http", new JsonObject().put("port", 0)).put("llm", new JsonObject().put("url", sim.baseUrl())), true);
    ConciergeServer server = ConciergeServer.start(vertx, config);
    int orders = Math.max(1, users / 10);
    int sockets = (users - orders) / 2;
    DrillClients clients = new DrillClients(clientVertx, "127.0.0.1", server.httpPort())
        .start(users - orders - sockets, sockets, orders);
    System.out.printf("Soak: %d users (%d REST, %d WebSocket, %d placing orders), LLM simulator at speed %s, %s min%n%n",
        users, users - orders - sockets, sockets, orders, llmSpeed, minutes);
    System.out.println("| minute | turns | success | heap after GC (MB) | RSS (MB) |");
    System.out.println("|---|---|---|---|---|");
    long started = System.nanoTime();
    long end = started + (long) (minutes * 60e9);
    long turns = 0;
    long answered = 0;
    try {
      while (System.nanoTime() < end) {
        Thread.sleep(Math.min(sampleSeconds * 1000L, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        long[] tally = clients.drainTally();
        turns += tally[0];
        answered += tally[1];
        System.out.printf("| %.1f | %d | %.2f%% | %d | %d |%n", (System.nanoTime() - started) / 60e9, turns,
            turns == 0 ? 100.0 : answered * 100.0 / turns, heapAfterGcMb(), ResidentMemory.currentKb() / 1024);
      }
    } finally {
      clients.stop();
      long[] tally = clients.drainTally();
      turns += tally[0];
      answered += tally[1];
      server.close();
      simVertx.close().await();
      clientVertx.close().await();
    }
    System.out.printf("%nturns %d, answered %d (%.3f%%)%n", turns, answered, turns == 0 ? 100.0 : answered * 100.0 / turns);
    return answered == turns ? 0 : 1;
  }

  private static long heapAfterGcMb() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }
}
