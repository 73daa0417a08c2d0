package concierge.cli;

import concierge.llmsim.LlmSimOptions;
import concierge.llmsim.LlmSimulator;
import concierge.llmsim.Outcome;
import concierge.llmsim.RequestRecord;
import concierge.llmsim.TailRates;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code concierge bench llm-sim}: the simulator's own scheduling error. It starts the simulator
 * in-process on a Vert.x of its own, opens many concurrent streaming requests from a second
 * Vert.x, and compares when tokens arrived with when they were planned.
 */
@Command(name = "llm-sim", mixinStandardHelpOptions = true,
    description = "Measure how closely the LLM simulator keeps its planned delays under concurrency.")
public final class LlmSimBenchCommand implements Callable<Integer> {

  @Option(names = "--requests", defaultValue = "500", description = "concurrent streaming requests (default: ${DEFAULT-VALUE})")
  int requests;

  @Option(names = "--model", defaultValue = "gpt-4o-mini", description = "model preset (default: ${DEFAULT-VALUE})")
  String model;

  @Option(names = "--seed", defaultValue = "42", description = "seed of the draws (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--speed", defaultValue = "1.0", description = "delay factor (default: ${DEFAULT-VALUE})")
  double speed;

  @Option(names = "--instances", defaultValue = "1", description = "simulator event loops (default: ${DEFAULT-VALUE})")
  int instances;

  @Option(names = "--chunk-interval-ms", defaultValue = "0", description = "least time between two chunks of a "
      + "stream; 0 = a chunk per token (default: ${DEFAULT-VALUE})")
  double chunkIntervalMs;

  /** One streamed request as the client saw it, in nanoseconds of System.nanoTime(). */
  private record Observation(String id, long sent, long firstContent, long ended) {
  }

  @Override
  public Integer call() {
    Vertx serverVertx = Vertx.vertx();
    Vertx clientVertx = Vertx.vertx();
    try {
      HttpClient client = clientVertx.createHttpClient(new HttpClientOptions().setTcpNoDelay(true),
          new PoolOptions().setHttp1MaxSize(requests).setMaxWaitQueueSize(-1));
      warmUp(serverVertx, client);
      measure(serverVertx, client);
      return 0;
    } finally {
      clientVertx.close().await();
      serverVertx.close().await();
    }
  }

  private void measure(Vertx serverVertx, HttpClient client) {
    LlmSimulator simulator = LlmSimulator.start(serverVertx, options(speed)).await();
    // the log says when each request arrived in wall-clock time; this maps it onto System.nanoTime()
    long wallMinusNanos = Instant.now().toEpochMilli() * 1_000_000 - System.nanoTime();
    long cpuBefore = simulator.eventLoopCpuNanos();
    long processCpuBefore = processCpuNanos();
    long started = System.nanoTime();
    List<Future<Observation>> calls = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      calls.add(stream(client, simulator.port()));
    }
    Future.join(calls).await();
    double wallSeconds = (System.nanoTime() - started) / 1e9;
    long serverCpu = simulator.eventLoopCpuNanos() - cpuBefore;
    long processCpu = processCpuNanos() - processCpuBefore;
    report(calls, simulator.requests(), wallMinusNanos, wallSeconds, serverCpu, processCpu);
    simulator.close().await();
  }

  private LlmSimOptions options(double delayFactor) {
    return LlmSimOptions.defaults().withSeed(seed).withSpeed(delayFactor).withTails(TailRates.OFF)
        .withInstances(instances).withKeptRecords(requests).withChunkIntervalMs(chunkIntervalMs);
  }

  /** Fast rounds on a simulator of its own, so that class loading and the JIT are not measured. */
  private void warmUp(Vertx serverVertx, HttpClient client) {
    LlmSimulator warm = LlmSimulator.start(serverVertx, options(0.05)).await();
    for (int round = 0; round < 3; round++) {
      List<Future<Observation>> calls = new ArrayList<>();
      for (int i = 0; i < Math.min(requests, 200); i++) {
        calls.add(stream(client, warm.port()));
      }
      Future.join(calls).await();
    }
    warm.close().await();
  }

  private Future<Observation> stream(HttpClient client, int port) {
    JsonObject body = new JsonObject().put("model", model).put("stream", true)
        .put("stream_options", new JsonObject().put("include_usage", true))
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user")
            .put("content", "How long does standard delivery take?")));
    long sent = System.nanoTime();
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
        .setURI("/v1/chat/completions").setIdleTimeout(120_000);
    return client.request(options)
        .compose(request -> request.send(body.encode()))
        .compose(response -> {
          long[] firstContent = {-1};
          response.handler(chunk -> {
            if (firstContent[0] < 0 && hasContent(chunk)) {
              firstContent[0] = System.nanoTime();
            }
          });
          return response.end().map(ignored -> new Observation(response.getHeader("x-llmsim-request-id"), sent,
              firstContent[0], System.nanoTime()));
        });
  }

  private static boolean hasContent(Buffer chunk) {
    return chunk.toString().contains("\"delta\":{\"content\":\"");
  }

  private void report(List<Future<Observation>> calls, List<RequestRecord> log, long wallMinusNanos,
                      double wallSeconds, long serverCpu, long processCpu) {
    Map<String, RequestRecord> byId = log.stream().collect(Collectors.toMap(RequestRecord::id, Function.identity()));
    Map<String, List<Double>> rows = new LinkedHashMap<>();
    for (Future<Observation> call : calls) {
      RequestRecord record = call.succeeded() ? byId.get(call.result().id()) : null;
      if (record != null && record.outcome() == Outcome.OK && call.result().firstContent() >= 0) {
        Observation seen = call.result();
        long arrived = record.arrivedAt().getEpochSecond() * 1_000_000_000 + record.arrivedAt().getNano()
            - wallMinusNanos;
        add(rows, "client TTFT - drawn TTFT", (seen.firstContent() - seen.sent()) / 1e6 - record.drawnTtftMs());
        add(rows, "client total - planned total", (seen.ended() - seen.sent()) / 1e6 - record.plannedTotalMs());
        add(rows, "server TTFT - drawn TTFT", record.ttftMs() - record.drawnTtftMs());
        add(rows, "server total - planned total", record.totalMs() - record.plannedTotalMs());
        add(rows, "client sent -> server arrival", (arrived - seen.sent()) / 1e6);
      }
    }
    int ok = rows.isEmpty() ? 0 : rows.values().iterator().next().size();
    System.out.printf("llm-sim scheduling error: %d concurrent streaming requests, model %s, seed %d, speed %s, "
        + "%d serving event loop(s), chunk interval %s ms, %d cores%n", requests, model, seed, speed, instances,
        chunkIntervalMs, Runtime.getRuntime().availableProcessors());
    System.out.printf("wall %.1f s, %d ok, %d other%n%n", wallSeconds, ok, requests - ok);
    System.out.printf("%-34s %8s %8s %8s %8s%n", "error (ms)", "P50", "P95", "P99", "max");
    rows.forEach((label, values) -> System.out.println(
        Percentiles.of(values.stream().mapToDouble(Double::doubleValue).toArray()).row(label)));
    System.out.printf("%nsimulator CPU (its event loops): %.0f ms, %.2f ms per request; whole process (with the "
        + "client): %.0f ms%n", serverCpu / 1e6, serverCpu / 1e6 / requests, processCpu / 1e6);
  }

  private static void add(Map<String, List<Double>> rows, String label, double value) {
    rows.computeIfAbsent(label, ignored -> new ArrayList<>()).add(value);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
