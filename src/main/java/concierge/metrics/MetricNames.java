package concierge.metrics;

/** Every metric name of Concierge, in one place (Prometheus adds the unit suffixes). */
public final class MetricNames {

  public static final String TURNS = "concierge.turns";
  public static final String STAGE = "concierge.stage";
  public static final String FIRST_TOKEN = "concierge.first.token";
  public static final String TOKENS = "concierge.llm.tokens";
  public static final String COST = "concierge.llm.cost.usd";
  public static final String SAVED = "concierge.cache.saved.usd";
  public static final String DEGRADED = "concierge.degraded";
  public static final String SECOND_OPINIONS = "concierge.intent.second.opinions";
  public static final String CACHE_ENTRIES = "concierge.cache.entries";
  public static final String BREAKER_STATE = "concierge.breaker.state";

  private MetricNames() {
  }
}
