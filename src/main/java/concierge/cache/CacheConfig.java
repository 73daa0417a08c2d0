package concierge.cache;

import io.vertx.core.json.JsonObject;

/** The cache.* settings. */
public record CacheConfig(boolean enabled, int maxEntries, long maxBytes, long ttlMs, double similarityThreshold,
                          long coalesceTimeoutMs) {

  /** Tuned with {@code concierge bench cache-pairs}: see CacheBenchCommand. */
  public static final double DEFAULT_THRESHOLD = 0.62;

  public CacheConfig {
    if (maxEntries < 1 || maxBytes < 1 || ttlMs < 1 || coalesceTimeoutMs < 1) {
      throw new IllegalArgumentException("cache sizes and times must be positive");
    }
    if (similarityThreshold <= 0 || similarityThreshold > 1) {
      throw new IllegalArgumentException("cache.similarity-threshold must be in (0, 1]");
    }
  }

  public static CacheConfig defaults() {
    return from(new JsonObject());
  }

  public static CacheConfig from(JsonObject root) {
    JsonObject c = root.getJsonObject("cache", new JsonObject());
    return new CacheConfig(c.getBoolean("enabled", true), c.getInteger("max-entries", 5000),
        c.getLong("max-bytes", 32L * 1024 * 1024), c.getLong("ttl-minutes", 1440L) * 60_000L,
        c.getDouble("similarity-threshold", DEFAULT_THRESHOLD), c.getLong("coalesce-timeout-ms", 20_000L));
  }

  public CacheConfig withThreshold(double threshold) {
    return new CacheConfig(enabled, maxEntries, maxBytes, ttlMs, threshold, coalesceTimeoutMs);
  }
}
