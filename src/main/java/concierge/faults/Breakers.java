package concierge.faults;

import concierge.metrics.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Shareable;
import io.vertx.micrometer.backends.BackendRegistries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The circuit breakers of one node, by name ({@link #CHROMA}, {@link #LLM}, {@link #DATABASE}): one
 * breaker per dependency, shared by every verticle instance that calls it, so that all of them
 * stop waiting on a dependency that is down as soon as one breaker has seen enough failures. The
 * breakers have no timeout of their own: every call already has one. Their states are in
 * {@code /health} and in the {@code concierge_breaker_state} gauge (0 closed, 1 half-open, 2 open).
 */
public final class Breakers implements Shareable {

  public static final String CHROMA = "chroma";
  public static final String LLM = "llm";
  public static final String DATABASE = "database";

  private static final Logger LOG = LoggerFactory.getLogger(Breakers.class);

  private final Vertx vertx;
  private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

  private Breakers(Vertx vertx) {
    this.vertx = vertx;
  }

  /** The breakers of this Vert.x instance (one node). */
  public static Breakers of(Vertx vertx) {
    return (Breakers) vertx.sharedData().<String, Breakers>getLocalMap("concierge.faults")
        .computeIfAbsent("breakers", key -> new Breakers(vertx));
  }

  /**
   * The breaker called {@code name}, created on first use with the settings of {@code root}. Only the
   * failures {@code counts} accepts count against the dependency (a cancelled call or a request the
   * dependency rightly refused says nothing about its health); the others are passed on untouched.
   */
  public Breaker breaker(String name, JsonObject root, Predicate<Throwable> counts) {
    return new Breaker(breakers.computeIfAbsent(name, key -> create(key, BreakerSettings.from(root, key), counts)));
  }

  /** {name: "closed" | "half_open" | "open"} for every breaker created so far. */
  public JsonObject states() {
    JsonObject states = new JsonObject();
    new TreeMap<>(breakers).forEach((name, breaker) -> states.put(name, label(breaker.state())));
    return states;
  }

  private CircuitBreaker create(String name, BreakerSettings settings, Predicate<Throwable> counts) {
    CircuitBreaker breaker = CircuitBreaker.create(name, vertx, new CircuitBreakerOptions()
        .setMaxFailures(settings.maxFailures()).setFailuresRollingWindow(settings.windowMs())
        .setResetTimeout(settings.resetMs()).setTimeout(-1).setMaxRetries(0).setNotificationAddress(null));
    breaker.failurePolicy(done -> done.failed() && counts.test(done.cause()));
    breaker.openHandler(v -> LOG.warn("circuit breaker '{}' opened: calls fail fast for {} ms", name,
            settings.resetMs()))
        .halfOpenHandler(v -> LOG.info("circuit breaker '{}' half-open: trying one call", name))
        .closeHandler(v -> LOG.info("circuit breaker '{}' closed", name));
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    if (registry != null) {
      Gauge.builder(MetricNames.BREAKER_STATE, breaker, b -> level(b.state())).tag("breaker", name)
          .description("0 closed, 1 half-open, 2 open").register(registry);
    }
    return breaker;
  }

  static String label(CircuitBreakerState state) {
    return switch (state) {
      case CLOSED -> "closed";
      case HALF_OPEN -> "half_open";
      case OPEN -> "open";
    };
  }

  private static double level(CircuitBreakerState state) {
    return switch (state) {
      case CLOSED -> 0;
      case HALF_OPEN -> 1;
      case OPEN -> 2;
    };
  }

  /** One breaker as its callers use it. */
  public static final class Breaker {

    private final CircuitBreaker breaker;

    Breaker(CircuitBreaker breaker) {
      this.breaker = breaker;
    }

    /** Runs {@code call} unless the breaker is open; then fails at once with an {@link OpenCircuitException}. */
    public <T> Future<T> call(Supplier<Future<T>> call) {
      return breaker.execute(call);
    }

    public String state() {
      return label(breaker.state());
    }

    public boolean open() {
      return breaker.state() == CircuitBreakerState.OPEN;
    }
  }

  /** True for the failure a breaker answers with while it is open. */
  public static boolean isOpenCircuit(Throwable failure) {
    return failure instanceof OpenCircuitException;
  }
}
