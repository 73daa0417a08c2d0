package concierge.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The node's door for turns during a graceful stop: counts the turns in flight on every gateway
 * instance, and once {@link #drain()} is called refuses new ones (a fast 503 / error frame) while
 * those in flight finish.
 */
public final class ShutdownGate implements Shareable {

  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();

  private ShutdownGate() {
  }

  public static ShutdownGate of(Vertx vertx) {
    return (ShutdownGate) vertx.sharedData().<String, ShutdownGate>getLocalMap("concierge.gateway")
        .computeIfAbsent("shutdown-gate", key -> new ShutdownGate());
  }

  /** Takes a place for a new turn; false once the node is draining. Every true must be followed by {@link #done()}. */
  public boolean admit() {
    if (draining.get()) {
      return false;
    }
    inFlight.incrementAndGet();
    if (draining.get()) {
      inFlight.decrementAndGet();
      return false;
    }
    return true;
  }

  public void done() {
    inFlight.decrementAndGet();
  }

  public void drain() {
    draining.set(true);
  }

  public boolean draining() {
    return draining.get();
  }

  public int inFlight() {
    return inFlight.get();
  }
}
