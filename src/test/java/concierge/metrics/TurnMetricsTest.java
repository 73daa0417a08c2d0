package concierge.metrics;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayName("Turn metrics: the cost of every LLM call of a turn, under its own model")
class TurnMetricsTest {

  private static JsonObject turn(JsonObject usage) {
    return new JsonObject().put("intent", new JsonObject().put("name", "policy_question")).put("cache", "miss")
        .put("usage", usage).put("timings", new JsonObject().put("totalMs", 5)).put("degraded", new JsonArray());
  }

  private static JsonObject call(String purpose, String model, long prompt, long completion, double cost) {
    return new JsonObject().put("purpose", purpose).put("model", model).put("promptTokens", prompt)
        .put("completionTokens", completion).put("costUsd", cost);
  }

  @Test
  @DisplayName("a turn with calls is counted call by call; a turn without them under its one model")
  void callsCountedByModel() {
    TurnMetrics metrics = new TurnMetrics();
    metrics.record(turn(new JsonObject().put("model", "gpt-4").put("promptTokens", 830).put("completionTokens", 102)
        .put("costUsd", 0.0312).put("calls", new JsonArray()
            .add(call("answer", "gpt-4", 700, 100, 0.027))
            .add(call("intent", "gpt-3.5-turbo", 110, 2, 0.000058))
            .add(call("dropped_answer", "gpt-4", 20, 0, 0.0006)))));
    metrics.record(turn(new JsonObject().put("model", "gpt-4").put("promptTokens", 600).put("completionTokens", 90)
        .put("costUsd", 0.0234)));

    JsonObject costs = metrics.costs();
    assertThat(costs.getLong("turns")).isEqualTo(2);
    assertThat(costs.getDouble("costUsd")).isEqualTo(0.051058);
    assertThat(costs.getJsonObject("costByModelUsd").getDouble("gpt-4")).isEqualTo(0.051, within(1e-9));
    assertThat(costs.getJsonObject("costByModelUsd").getDouble("gpt-3.5-turbo")).isEqualTo(0.000058, within(1e-9));
  }
}
