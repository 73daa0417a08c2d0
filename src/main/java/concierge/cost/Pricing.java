package concierge.cost;

import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;

/** Prices per model (USD per 1M tokens, input and output), from configuration. */
public final class Pricing {

  private record Price(double input, double output) {
  }

  private final Map<String, Price> prices = new HashMap<>();

  public Pricing(JsonObject root) {
    JsonObject configured = root.getJsonObject("prices", new JsonObject());
    for (String model : configured.fieldNames()) {
      JsonObject price = configured.getJsonObject(model);
      prices.put(model, new Price(price.getDouble("input", 0.0), price.getDouble("output", 0.0)));
    }
  }

  /** The cost of a call; an unknown model costs what its closest known prefix costs, else nothing. */
  public double cost(String model, long promptTokens, long completionTokens) {
    Price price = lookup(model);
    return (promptTokens * price.input() + completionTokens * price.output()) / 1_000_000.0;
  }

  private Price lookup(String model) {
    if (model == null) {
      return new Price(0, 0);
    }
    Price exact = prices.get(model);
    if (exact != null) {
      return exact;
    }
    String best = null;
    for (String known : prices.keySet()) {
      if (model.startsWith(known) && (best == null || known.length() > best.length())) {
        best = known;
      }
    }
    return best == null ? new Price(0, 0) : prices.get(best);
  }
}
