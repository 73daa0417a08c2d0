package concierge.cli;

import concierge.ConciergeServer;
import concierge.fuzz.FuzzInputs;
import concierge.fuzz.FuzzRun;
import concierge.fuzz.FuzzTally;
import concierge.security.KeyHash;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code concierge bench fuzz}: starts a server with client keys in this JVM and sends it
 * {@code --inputs} seeded random and mutated inputs (raw HTTP, API requests, WebSocket upgrades
 * and frames, bus requests to intent, validation and chat). Prints what came back; exits 1 on
 * any 500, any input left unanswered past the deadline, or a server that no longer answers.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true, description = "Fuzz the HTTP, WebSocket and pipeline parsers.")
public final class FuzzBenchCommand implements Callable<Integer> {

  public static final String FRONT_KEY = "fuzz-front-end-key";
  public static final String CUSTOMER_KEY = "fuzz-customer-key";

  @Mixin
  ConfigOption config;

  @Option(names = "--inputs", defaultValue = "100000")
  int inputs;

  @Option(names = "--seed", defaultValue = "20261126")
  long seed;

  @Option(names = "--workers", defaultValue = "8", description = "inputs in flight at once (default ${DEFAULT-VALUE})")
  int workers;

  @Option(names = "--deadline-ms", defaultValue = "30000", description = "an input unanswered after this is a hang")
  long deadlineMs;

  @Override
  public Integer call() throws Exception {
    Vertx vertx = ConciergeServer.newVertx();
    JsonObject settings = fuzzSettings(config.load(vertx));
    try (ConciergeServer server = ConciergeServer.start(vertx, settings)) {
      FuzzRun run = new FuzzRun(Vertx.vertx(), vertx.eventBus(), "127.0.0.1", server.httpPort(), CUSTOMER_KEY, deadlineMs);
      long started = System.nanoTime();
      FuzzTally tally = run.run(new FuzzInputs(seed, List.of(FRONT_KEY, CUSTOMER_KEY)), inputs, workers).await();
      double seconds = (System.nanoTime() - started) / 1e9;
      boolean healthy = stillAnswers(vertx, server.httpPort());
      run.close();
      print(tally, seconds, healthy);
      return tally.serverErrors() == 0 && tally.hangs() == 0 && healthy ? 0 : 1;
    }
  }

  /** The server under fuzz: keys (so authentication is fuzzed too), a turn deadline below the input deadline. */
  public static JsonObject fuzzSettings(JsonObject settings) {
    settings.getJsonObject("http").put("port", 0);
    settings.getJsonObject("agent").put("turn-timeout-ms", 15_000);
    settings.getJsonObject("security").put("client-keys", new JsonArray()
        .add(new JsonObject().put("name", "fuzz-front").put("sha256", KeyHash.hex(FRONT_KEY)).put("customers", new JsonArray().add("*")))
        .add(new JsonObject().put("name", "fuzz-customer").put("sha256", KeyHash.hex(CUSTOMER_KEY))
            .put("customers", new JsonArray().add("c-1002"))));
    return settings;
  }

  /** After the run: health is UP and an ordinary question gets its ordinary answer. */
  public static boolean stillAnswers(Vertx vertx, int port) {
    WebClient web = WebClient.create(vertx);
    try {
      int health = web.get(port, "127.0.0.1", "/health").timeout(10_000).send().await().statusCode();
      var turn = web.post(port, "127.0.0.1", "/v1/chat").putHeader("authorization", "Bearer " + CUSTOMER_KEY)
          .timeout(30_000).sendJsonObject(new JsonObject().put("message", "Can I return opened fuel canisters?")).await();
      return health == 200 && turn.statusCode() == 200 && turn.bodyAsJsonObject().getString("answer").contains("final sale");
    } catch (RuntimeException e) {
      return false;
    } finally {
      web.close();
    }
  }

  static void print(FuzzTally tally, double seconds, boolean healthy) {
    System.out.printf("== %d inputs in %.0f s (%.0f/s)%n", tally.inputs(), seconds, tally.inputs() / seconds);
    tally.counts().forEach((outcome, count) -> System.out.printf("%-45s %8d%n", outcome, count));
    System.out.printf("500s: %d   hangs: %d   server healthy after the run: %s%n", tally.serverErrors(), tally.hangs(),
        healthy ? "yes" : "NO");
    tally.firstFailures().forEach((outcome, input) -> System.out.printf("first %s: %s%n", outcome, input));
  }
}
