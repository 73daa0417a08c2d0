package concierge.gateway;

import concierge.ErrorCode;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Shareable;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-address token buckets (429 with Retry-After) and a node-wide cap on turns in flight (a fast
 * 503 instead of an unbounded queue). Shared by all gateway instances of a node.
 */
final class Limits implements Shareable {

  private static final class Bucket {
    private double tokens;
    private long refilledNanos = System.nanoTime();

    Bucket(double tokens) {
      this.tokens = tokens;
    }
  }

  private final double ratePerSecond;
  private final int burst;
  private final int maxInFlight;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();

  Limits(JsonObject root) {
    JsonObject c = root.getJsonObject("limits", new JsonObject());
    this.ratePerSecond = c.getDouble("rate-per-second", 0.0);
    this.burst = Math.max(1, c.getInteger("burst", 20));
    this.maxInFlight = c.getInteger("max-in-flight", 2000);
  }

  /** Route handler: refuses a request over its address's rate. */
  void rate(RoutingContext ctx) {
    if (ratePerSecond > 0) {
      String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
      if (!take(address)) {
        ctx.response().putHeader("retry-after", String.valueOf((long) Math.ceil(1 / ratePerSecond)));
        throw new ApiError(ErrorCode.RATE_LIMITED, "too many requests; slow down");
      }
    }
    ctx.next();
  }

  boolean take(String address) {
    if (buckets.size() > 100_000) {
      buckets.clear();
    }
    Bucket bucket = buckets.computeIfAbsent(address, a -> new Bucket(burst));
    synchronized (bucket) {
      long now = System.nanoTime();
      bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledNanos) / 1e9 * ratePerSecond);
      bucket.refilledNanos = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return true;
      }
      return false;
    }
  }

  /** Takes a place for a turn, or refuses at once when the node is at its cap. */
  boolean enter() {
    if (inFlight.incrementAndGet() > maxInFlight) {
      inFlight.decrementAndGet();
      return false;
    }
    return true;
  }

  void leave() {
    inFlight.decrementAndGet();
  }
}
