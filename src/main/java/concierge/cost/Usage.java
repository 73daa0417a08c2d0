package concierge.cost;

import io.vertx.core.json.JsonObject;

/** Tokens and cost of one turn's LLM calls (zero for the embedded generator). */
public record Usage(String model, long promptTokens, long completionTokens, double costUsd) {

  public static Usage none(String model) {
    return new Usage(model, 0, 0, 0);
  }

  /** Whether any tokens were billed (an LLM call was made and reached the model). */
  public boolean hasTokens() {
    return promptTokens + completionTokens > 0;
  }

  public Usage plus(Usage other) {
    if (other == null) {
      return this;
    }
    return new Usage(model, promptTokens + other.promptTokens, completionTokens + other.completionTokens,
        costUsd + other.costUsd);
  }

  public JsonObject toJson() {
    return new JsonObject().put("promptTokens", promptTokens).put("completionTokens", completionTokens)
        .put("costUsd", Math.round(costUsd * 1_000_000) / 1_000_000.0).put("model", model);
  }

  public static Usage fromJson(JsonObject json) {
    if (json == null) {
      return none("embedded");
    }
    return new Usage(json.getString("model"), json.getLong("promptTokens", 0L), json.getLong("completionTokens", 0L),
        json.getDouble("costUsd", 0.0));
  }
}
