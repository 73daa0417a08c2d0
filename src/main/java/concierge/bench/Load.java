package concierge.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Drives calls closed-loop (N callers, each starts its next call when the last ends) or paced (open loop). */
public final class Load {

  public record Result(Latencies latencies, int failures, double perSecond) {
  }

  private Load() {
  }

  /** {@code callers} concurrent callers make {@code total} calls in all. */
  public static Result closed(Vertx vertx, int callers, int total, IntFunction<Future<?>> call) {
    Latencies latencies = new Latencies();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    Promise<Void> done = Promise.promise();
    AtomicInteger active = new AtomicInteger(callers);
    long started = System.nanoTime();
    vertx.runOnContext(v -> {
      for (int c = 0; c < callers; c++) {
        loop(call, next, total, latencies, failures, () -> {
          if (active.decrementAndGet() == 0) {
            done.complete();
          }
        });
      }
    });
    done.future().await();
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Result(latencies, failures.get(), total / seconds);
  }

  private static void loop(IntFunction<Future<?>> call, AtomicInteger next, int total, Latencies latencies,
                           AtomicInteger failures, Runnable finished) {
    int i = next.getAndIncrement();
    if (i >= total) {
      finished.run();
      return;
    }
    long started = System.nanoTime();
    call.apply(i).onComplete(result -> {
      latencies.add(System.nanoTime() - started);
      if (result.failed()) {
        failures.incrementAndGet();
      }
      loop(call, next, total, latencies, failures, finished);
    });
  }

  /** {@code total} calls started at a steady {@code perSecond}, whatever the answers' speed. */
  public static Result paced(Vertx vertx, double perSecond, int total, IntFunction<Future<?>> call) {
    Latencies latencies = new Latencies();
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger remaining = new AtomicInteger(total);
    Promise<Void> done = Promise.promise();
    long started = System.nanoTime();
    long intervalNanos = (long) (1e9 / perSecond);
    vertx.runOnContext(v -> schedule(vertx, 0, total, started, intervalNanos, call, latencies, failures, remaining, done));
    done.future().await();
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Result(latencies, failures.get(), total / seconds);
  }

  private static void schedule(Vertx vertx, int i, int total, long started, long intervalNanos,
                               IntFunction<Future<?>> call, Latencies latencies, AtomicInteger failures,
                               AtomicInteger remaining, Promise<Void> done) {
    long now = System.nanoTime();
    while (i < total && started + i * intervalNanos <= now) {
      long planned = started + i * intervalNanos;
      call.apply(i).onComplete(result -> {
        latencies.add(System.nanoTime() - planned);
        if (result.failed()) {
          failures.incrementAndGet();
        }
        if (remaining.decrementAndGet() == 0) {
          done.complete();
        }
      });
      i++;
    }
    if (i < total) {
      long waitMs = Math.max(1, (started + i * intervalNanos - System.nanoTime()) / 1_000_000);
      int nextIndex = i;
      vertx.setTimer(waitMs, id -> schedule(vertx, nextIndex, total, started, intervalNanos, call, latencies,
          failures, remaining, done));
    }
  }
}
