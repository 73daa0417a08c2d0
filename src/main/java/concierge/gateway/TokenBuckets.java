package concierge.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One token bucket per caller (an address, a key): {@code rate} per second, up to {@code burst} at once. */
final class TokenBuckets {

  private static final int MAX_CALLERS = 100_000;

  private static final class Bucket {
    private double tokens;
    private long refilledNanos = System.nanoTime();

    Bucket(double tokens) {
      this.tokens = tokens;
    }
  }

  private final double ratePerSecond;
  private final int burst;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  TokenBuckets(double ratePerSecond, int burst) {
    this.ratePerSecond = ratePerSecond;
    this.burst = Math.max(1, burst);
  }

  boolean enabled() {
    return ratePerSecond > 0;
  }

  /** Takes a token for {@code caller}: 0 when taken, else the whole seconds until one is there (Retry-After). */
  long take(String caller) {
    if (!enabled()) {
      return 0;
    }
    if (buckets.size() > MAX_CALLERS) {
      buckets.clear();
    }
    Bucket bucket = buckets.computeIfAbsent(caller, a -> new Bucket(burst));
    synchronized (bucket) {
      long now = System.nanoTime();
      bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledNanos) / 1e9 * ratePerSecond);
      bucket.refilledNanos = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / ratePerSecond));
    }
  }
}
