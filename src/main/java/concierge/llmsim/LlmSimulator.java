package concierge.llmsim;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

/**
 * An OpenAI-compatible chat-completions server that answers as slowly as a real model, for
 * tests and load tests. Start it on a Vert.x instance, point a client at {@link #baseUrl()},
 * read what happened in {@link #requests()}.
 */
public final class LlmSimulator {

  private static final Logger LOG = LoggerFactory.getLogger(LlmSimulator.class);

  private final Vertx vertx;
  private final SimulatorRun run;
  private final String deploymentId;

  private LlmSimulator(Vertx vertx, SimulatorRun run, String deploymentId) {
    this.vertx = vertx;
    this.run = run;
    this.deploymentId = deploymentId;
  }

  public static Future<LlmSimulator> start(Vertx vertx, LlmSimOptions given) {
    // several instances listening on port 0 would each get a port of their own
    LlmSimOptions options = given.instances() > 1 && given.port() == 0 ? given.withPort(freePort()) : given;
    // the first plan loads the tokenizer and warms the code: not on the first request's clock, nor on an event loop
    return vertx.executeBlocking(LlmSimulator::warmUp)
        .compose(ignored -> RequestLog.open(vertx, options.logFile(), options.keptRecords()))
        .compose(log -> {
          SimulatorRun run = new SimulatorRun(options, log);
          return vertx.deployVerticle(() -> new LlmSimVerticle(run), new DeploymentOptions()
                  .setInstances(options.instances()))
              .map(id -> new LlmSimulator(vertx, run, id))
              .onSuccess(sim -> LOG.info("LLM simulator at {} (seed {}, speed {}, tails {})", sim.baseUrl(),
                  run.planner.seed(), options.speed(), options.tails()))
              .onFailure(failure -> log.close());
        });
  }

  public int port() {
    return run.port.get();
  }

  /** The base URL an OpenAI client takes, e.g. {@code http://127.0.0.1:8090/v1}. */
  public String baseUrl() {
    return "http://" + run.options.host() + ":" + port() + "/v1";
  }

  /** The seed of the draws: the one given, or the one taken from the clock. */
  public long seed() {
    return run.planner.seed();
  }

  public LlmSimOptions options() {
    return run.options;
  }

  /** The request log, oldest first (the last {@link LlmSimOptions#keptRecords()} requests). */
  public List<RequestRecord> requests() {
    return run.log.records();
  }

  /** Forces a failure on every request from now on ({@link ForcedFault#NONE} ends it). */
  public void force(ForcedFault fault) {
    run.force(fault);
  }

  /**
   * From now on every non-streamed completion (what a client asks a classifier) answers {@code label},
   * as a model that picked that label would; null goes back to drawn prose.
   */
  public void label(String label) {
    run.label(label);
  }

  /**
   * The label of each known message: a non-streamed completion whose question is one of them
   * answers its label, as an accurate classifier would ({@link #label} comes first); the others
   * answer drawn prose. Replaces the labels given before.
   */
  public void labels(java.util.Map<String, String> byMessage) {
    run.labels(byMessage);
  }

  public ForcedFault forced() {
    return run.forced.get();
  }

  /** Requests admitted and not yet finished. */
  public int inFlight() {
    return run.inFlight.get();
  }

  /** CPU time the serving event-loop threads have used so far (they may serve other verticles too). */
  public long eventLoopCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return run.eventLoops.stream().mapToLong(thread -> Math.max(0, threads.getThreadCpuTime(thread.getId()))).sum();
  }

  /** Stops serving (open connections are closed, hung requests logged as hangs) and closes the log file. */
  public Future<Void> close() {
    return vertx.undeploy(deploymentId).eventually(() -> run.log.close());
  }

  private static CompletionPlan warmUp() {
    ChatRequest sample = new ChatRequest(ModelPreset.FALLBACK, List.of(new ChatRequest.Message("system", null,
        "<<<chunk id=warm-up>>>Parcels are delivered on working days only.<<<end>>>"),
        new ChatRequest.Message("user", null, "When are parcels delivered?")), true, true, null);
    return new CompletionPlanner(0L, 1, TailRates.OFF).plan(sample);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
