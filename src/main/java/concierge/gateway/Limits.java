package concierge.gateway;

import concierge.ErrorCode;
import concierge.security.ClientKey;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.shareddata.Shareable;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Token buckets per client address and per client key (429 with Retry-After), and a node-wide
 * cap on turns in flight (a fast 503 instead of an unbounded queue). Shared by all gateway
 * instances of a node. The address is checked before the key, so guessing keys is rate-limited.
 */
final class Limits implements Shareable {

  /** A refusal by rate, with the seconds after which a retry may pass. */
  static final class RateLimited extends ApiError {
    private final long retryAfterSeconds;

    RateLimited(String what, long retryAfterSeconds) {
      super(ErrorCode.RATE_LIMITED, "too many requests from this " + what + "; retry after " + retryAfterSeconds + " s");
      this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  private final TokenBuckets perAddress;
  private final TokenBuckets perKey;
  private final int maxInFlight;
  private final AtomicInteger inFlight = new AtomicInteger();

  Limits(JsonObject root) {
    JsonObject c = root.getJsonObject("limits", new JsonObject());
    this.perAddress = new TokenBuckets(c.getDouble("rate-per-second", 0.0), c.getInteger("burst", 20));
    this.perKey = new TokenBuckets(c.getDouble("key-rate-per-second", 0.0), c.getInteger("key-burst", 50));
    this.maxInFlight = c.getInteger("max-in-flight", 2000);
  }

  /** Route handler: refuses a request over its address's rate. */
  void rateByAddress(RoutingContext ctx) {
    checkAddress(ctx.request().remoteAddress());
    ctx.next();
  }

  /** Route handler, after {@link Access#authorize}: refuses a request over its key's rate. */
  void rateByKey(RoutingContext ctx) {
    checkKey(Access.key(ctx));
    ctx.next();
  }

  void checkAddress(SocketAddress address) {
    long wait = perAddress.take(address == null ? "?" : address.hostAddress());
    if (wait > 0) {
      throw new RateLimited("address", wait);
    }
  }

  void checkKey(ClientKey key) {
    if (key.open()) {
      return;
    }
    long wait = perKey.take(key.name());
    if (wait > 0) {
      throw new RateLimited("key", wait);
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
