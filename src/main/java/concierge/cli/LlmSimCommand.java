package concierge.cli;

import concierge.llmsim.LlmSimOptions;
import concierge.llmsim.LlmSimulator;
import concierge.llmsim.ModelPreset;
import concierge.llmsim.TailRates;
import io.vertx.core.Vertx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code concierge llm-sim}: the OpenAI-compatible LLM simulator, serving until stopped. Its tails
 * are on by default because it exists for load tests; tests that want clean answers pass
 * {@code --tails off}.
 */
@Command(name = "llm-sim", mixinStandardHelpOptions = true,
    description = "Serve an OpenAI-compatible chat-completions API that answers as slowly as a real model.")
public final class LlmSimCommand implements Callable<Integer> {

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--port", defaultValue = "8090", description = "port (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--seed", description = "seed of the per-request draws: the same seed gives the same delays "
      + "(default: from the clock, printed at start)")
  Long seed;

  @Option(names = "--speed", defaultValue = "1.0", description = "factor on every delay, e.g. 0.01 for tests "
      + "(default: ${DEFAULT-VALUE})")
  double speed;

  /** The tails switch. */
  enum Tails { on, off }

  @Option(names = "--tails", defaultValue = "on", description = "on: 2% slow first token (x3-6), 0.25% hang, "
      + "0.3% HTTP 500; off: none (default: ${DEFAULT-VALUE})")
  Tails tails;

  @Option(names = "--slow-rate", description = "share of requests with a slow first token (overrides --tails)")
  Double slowRate;

  @Option(names = "--hang-rate", description = "share of requests that never answer (overrides --tails)")
  Double hangRate;

  @Option(names = "--error-rate", description = "share of requests failing with HTTP 500 (overrides --tails)")
  Double errorRate;

  @Option(names = "--cut-rate", defaultValue = "0", description = "share of requests whose connection is closed "
      + "after some tokens (default: ${DEFAULT-VALUE})")
  double cutRate;

  @Option(names = "--max-concurrency", defaultValue = "0", description = "answer 429 with Retry-After above this "
      + "many requests in flight; 0 = no limit (default: ${DEFAULT-VALUE})")
  int maxConcurrency;

  @Option(names = "--retry-after", defaultValue = "1", description = "Retry-After seconds of a 429 (default: ${DEFAULT-VALUE})")
  int retryAfter;

  @Option(names = "--api-key", description = "require 'Authorization: Bearer KEY' (default: no check)")
  String apiKey;

  @Option(names = "--log", description = "append one JSON line per request to this file")
  Path log;

  @Option(names = "--chunk-interval-ms", defaultValue = "0", description = "least time between two content chunks "
      + "of a stream; tokens due meanwhile go together, the first and last on time; 0 = a chunk per token "
      + "(default: ${DEFAULT-VALUE})")
  double chunkIntervalMs;

  @Option(names = "--instances", defaultValue = "1", description = "serving event loops; 1 keeps draws in exact "
      + "arrival order (default: ${DEFAULT-VALUE})")
  int instances;

  @Override
  public Integer call() throws Exception {
    Vertx vertx = Vertx.vertx();
    LlmSimulator simulator = LlmSimulator.start(vertx, options()).await();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      simulator.close().await();
      vertx.close().await();
    }, "llm-sim-stop"));
    System.out.printf("LLM simulator: %s  models %s, seed %d, speed %s, tails %s%s  (Ctrl-C to stop)%n",
        simulator.baseUrl(), ModelPreset.names(), simulator.seed(), speed, tails, log == null ? "" : ", log " + log);
    Thread.currentThread().join();
    return 0;
  }

  LlmSimOptions options() {
    TailRates rates = (tails == Tails.on ? TailRates.LOAD_TEST : TailRates.OFF).withCutRate(cutRate);
    rates = slowRate == null ? rates : rates.withSlowRate(slowRate);
    rates = hangRate == null ? rates : rates.withHangRate(hangRate);
    rates = errorRate == null ? rates : rates.withErrorRate(errorRate);
    return LlmSimOptions.defaults().withHost(host).withPort(port).withSeed(seed).withSpeed(speed).withTails(rates)
        .withMaxConcurrency(maxConcurrency).withRetryAfterSeconds(retryAfter).withApiKey(apiKey).withLogFile(log)
        .withInstances(instances).withChunkIntervalMs(chunkIntervalMs);
  }
}
