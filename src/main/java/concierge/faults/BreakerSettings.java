package concierge.faults;

import io.vertx.core.json.JsonObject;

/**
 * The breakers.&lt;name&gt;.* settings of one circuit breaker: it opens after {@code maxFailures}
 * counted failures within {@code windowMs}, answers at once while open, and lets one trial call
 * through after {@code resetMs}.
 */
public record BreakerSettings(int maxFailures, long windowMs, long resetMs) {

  public static BreakerSettings from(JsonObject root, String name) {
    JsonObject all = root.getJsonObject("breakers", new JsonObject());
    JsonObject c = all.getJsonObject(name, new JsonObject());
    return new BreakerSettings(c.getInteger("max-failures", 5), c.getLong("window-ms", 10_000L),
        c.getLong("reset-ms", 5_000L));
  }
}
