package concierge.cli;

import concierge.orders.DatabaseConfig;
import concierge.orders.OrderAnswer;
import concierge.orders.OrdersService;
import concierge.orders.OrdersVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code concierge bench orders}: order-status turns through the event bus from many customers at
 * once, each asking about their own order. Runs on a fresh H2 database in a temporary folder unless
 * database.url (DATABASE_URL) names one; prints P50/P95/P99 latency and turns per second.
 */
@Command(name = "orders", mixinStandardHelpOptions = true,
    description = "Benchmark order-status turns through the bus (orders verticle + database).")
public final class OrdersBenchCommand implements Callable<Integer> {

  @Mixin
  ConfigOption config;

  @Option(names = "--customers", description = "concurrent customers (default: ${DEFAULT-VALUE})", defaultValue = "100")
  int customers;

  @Option(names = "--turns", description = "measured turns in all (default: ${DEFAULT-VALUE})", defaultValue = "20000")
  int turns;

  @Option(names = "--warmup", description = "turns before measuring (default: ${DEFAULT-VALUE})", defaultValue = "5000")
  int warmup;

  @Override
  public Integer call() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      JsonObject settings = config.load(vertx);
      if (DatabaseConfig.from(settings).h2()) {
        settings.put("data-dir", Files.createTempDirectory("concierge-bench").toString());
      }
      vertx.deployVerticle(new OrdersVerticle(), new DeploymentOptions().setConfig(settings)).await();
      OrdersService orders = new OrdersService(vertx, 30_000);
      List<String> orderIds = placeOrders(orders);
      run(vertx, orders, orderIds, warmup);
      long started = System.nanoTime();
      long[] latencies = run(vertx, orders, orderIds, turns);
      double seconds = (System.nanoTime() - started) / 1e9;
      report(settings, latencies, seconds);
      return 0;
    } finally {
      vertx.close().await();
    }
  }

  /** Each bench customer places and confirms one order, the one it then asks about; ten at a time. */
  private List<String> placeOrders(OrdersService orders) {
    List<String> orderIds = new ArrayList<>();
    for (int first = 0; first < customers; first += 10) {
      List<Future<String>> batch = new ArrayList<>();
      for (int i = first; i < Math.min(customers, first + 10); i++) {
        String customer = "bench-" + i;
        batch.add(orders.turn("order_place", customer, customer, "2 merino socks to Oregon")
            .compose(quote -> orders.confirm(customer, customer, "yes"))
            .map(OrderAnswer::orderId));
      }
      Future.all(batch).await();
      batch.forEach(placed -> orderIds.add(placed.result()));
    }
    return orderIds;
  }

  /** {@code total} status turns from {@code customers} concurrent loops; the latency of each in nanoseconds. */
  private long[] run(Vertx vertx, OrdersService orders, List<String> orderIds, int total) {
    long[] latencies = new long[total];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger running = new AtomicInteger(customers);
    Promise<Void> finished = Promise.promise();
    for (int i = 0; i < customers; i++) {
      int customer = i;
      vertx.runOnContext(ignored -> loop(orders, customer, orderIds.get(customer), latencies, next, running, finished));
    }
    finished.future().await();
    return latencies;
  }

  private void loop(OrdersService orders, int customer, String orderId, long[] latencies, AtomicInteger next,
                    AtomicInteger running, Promise<Void> finished) {
    int turn = next.getAndIncrement();
    if (turn >= latencies.length) {
      if (running.decrementAndGet() == 0) {
        finished.complete();
      }
      return;
    }
    long start = System.nanoTime();
    orders.turn("order_status", "bench-" + customer, "bench-" + customer, "Where is my order " + orderId + "?")
        .onComplete(answer -> {
          latencies[turn] = answer.succeeded() && orderId.equals(answer.result().orderId())
              ? System.nanoTime() - start : -1;
          loop(orders, customer, orderId, latencies, next, running, finished);
        });
  }

  private void report(JsonObject settings, long[] latencies, double seconds) {
    long failed = Arrays.stream(latencies).filter(latency -> latency < 0).count();
    long[] sorted = Arrays.stream(latencies).filter(latency -> latency >= 0).sorted().toArray();
    String database = DatabaseConfig.from(settings).h2() ? "embedded H2 (temporary folder)" : "database.url";
    System.out.printf(Locale.US, "orders bench: order_status turns through the bus, %d concurrent customers, %s%n",
        customers, database);
    System.out.printf(Locale.US, "turns %d (failed %d) in %.1f s = %.0f turns/s%n", latencies.length, failed, seconds,
        latencies.length / seconds);
    System.out.printf(Locale.US, "latency ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n", percentile(sorted, 50),
        percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100));
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
