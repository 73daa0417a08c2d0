package concierge.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.backends.BackendRegistries;

import java.time.Duration;

/**
 * Records every finished turn: turns by intent and cache result, a timer per pipeline stage, time
 * to first token, LLM tokens and cost, what cache hits saved, and degradations. Totals for
 * {@code /admin/costs} are read back from the same meters, so the two always agree.
 */
public final class TurnMetrics {

  private final MeterRegistry registry;

  public TurnMetrics() {
    MeterRegistry shared = BackendRegistries.getDefaultNow();
    this.registry = shared != null ? shared : new SimpleMeterRegistry();
  }

  public void record(JsonObject turn) {
    String intent = turn.getJsonObject("intent").getString("name");
    String cache = turn.getString("cache", "miss");
    registry.counter(MetricNames.TURNS, "intent", intent, "cache", cache).increment();
    JsonObject timings = turn.getJsonObject("timings", new JsonObject());
    for (String field : timings.fieldNames()) {
      if (field.endsWith("Ms") && !field.equals("firstTokenMs")) {
        stage(field.substring(0, field.length() - 2)).record(Duration.ofMillis(timings.getLong(field)));
      }
    }
    if (timings.containsKey("firstTokenMs")) {
      Timer.builder(MetricNames.FIRST_TOKEN).publishPercentileHistogram().register(registry)
          .record(Duration.ofMillis(timings.getLong("firstTokenMs")));
    }
    JsonObject usage = turn.getJsonObject("usage", new JsonObject());
    JsonArray calls = usage.getJsonArray("calls");
    if (calls == null) {
      llmCall(usage);
    } else {
      calls.forEach(call -> llmCall((JsonObject) call));
    }
    registry.counter(MetricNames.SAVED).increment(usage.getDouble("savedUsd", 0.0));
    String opinion = turn.getJsonObject("intent", new JsonObject()).getString("secondOpinion");
    if (opinion != null) {
      registry.counter(MetricNames.SECOND_OPINIONS, "outcome", opinion).increment();
    }
    turn.getJsonArray("degraded").forEach(reason -> registry.counter(MetricNames.DEGRADED, "reason",
        String.valueOf(reason)).increment());
  }

  /** Tokens and cost of one LLM call (or of a turn's only one), under its own model. */
  private void llmCall(JsonObject usage) {
    String model = usage.getString("model", "embedded");
    registry.counter(MetricNames.TOKENS, "model", model, "kind", "prompt").increment(usage.getLong("promptTokens", 0L));
    registry.counter(MetricNames.TOKENS, "model", model, "kind", "completion")
        .increment(usage.getLong("completionTokens", 0L));
    registry.counter(MetricNames.COST, "model", model).increment(usage.getDouble("costUsd", 0.0));
  }

  private Timer stage(String name) {
    return Timer.builder(MetricNames.STAGE).tag("stage", name).publishPercentileHistogram()
        .maximumExpectedValue(Duration.ofSeconds(60)).register(registry);
  }

  /** Totals: turns, cost, cost per 1,000 turns, savings by the cache, hit ratio. */
  public JsonObject costs() {
    double turns = sum(MetricNames.TURNS);
    double hits = registry.find(MetricNames.TURNS).counters().stream()
        .filter(c -> !"miss".equals(c.getId().getTag("cache"))).mapToDouble(Counter::count).sum();
    double cost = sum(MetricNames.COST);
    double saved = sum(MetricNames.SAVED);
    JsonObject byModel = new JsonObject();
    registry.find(MetricNames.COST).counters().forEach(c -> byModel.put(c.getId().getTag("model"),
        byModel.getDouble(c.getId().getTag("model"), 0.0) + c.count()));
    return new JsonObject().put("turns", (long) turns).put("costUsd", round(cost))
        .put("costPer1000TurnsUsd", turns == 0 ? 0 : round(cost * 1000 / turns))
        .put("savedByCacheUsd", round(saved)).put("cacheHitRatio", turns == 0 ? 0 : round(hits / turns))
        .put("costByModelUsd", byModel);
  }

  private double sum(String name) {
    return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
  }

  private static double round(double value) {
    return Math.round(value * 1_000_000) / 1_000_000.0;
  }
}
