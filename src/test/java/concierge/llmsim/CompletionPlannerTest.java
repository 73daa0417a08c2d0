package concierge.llmsim;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CompletionPlannerTest {

  private static ChatRequest request(String model, Integer maxTokens) {
    JsonObject body = SimClient.chat(model, "How long does delivery take?", true);
    if (maxTokens != null) {
      body.put("max_tokens", maxTokens);
    }
    return ChatRequest.parse(Buffer.buffer(body.encode()));
  }

  private static List<CompletionPlan> plans(CompletionPlanner planner, String model, int count) {
    ChatRequest request = request(model, null);
    return IntStream.range(0, count).mapToObj(i -> planner.plan(request)).toList();
  }

  private static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  }

  @Test
  @DisplayName("the same seed gives the same delays and answers, another seed different ones")
  void seeded() {
    List<CompletionPlan> first = plans(new CompletionPlanner(42L, 1, TailRates.LOAD_TEST), "gpt-4", 50);
    List<CompletionPlan> again = plans(new CompletionPlanner(42L, 1, TailRates.LOAD_TEST), "gpt-4", 50);
    List<CompletionPlan> other = plans(new CompletionPlanner(43L, 1, TailRates.LOAD_TEST), "gpt-4", 50);
    assertThat(again).extracting(CompletionPlan::ttftMs).containsExactlyElementsOf(first.stream().map(CompletionPlan::ttftMs).toList());
    assertThat(again).extracting(CompletionPlan::decodeRate).containsExactlyElementsOf(first.stream().map(CompletionPlan::decodeRate).toList());
    assertThat(again).extracting(p -> p.answer().text()).containsExactlyElementsOf(first.stream().map(p -> p.answer().text()).toList());
    assertThat(other).extracting(CompletionPlan::ttftMs).doesNotContainAnyElementsOf(first.stream().map(CompletionPlan::ttftMs).toList());
  }

  @Test
  @DisplayName("TTFT follows the preset's lognormal: the median near the preset's, the decode rate inside its range")
  void presetTiming() {
    for (String model : ModelPreset.names()) {
      ModelPreset preset = ModelPreset.of(model);
      List<CompletionPlan> plans = plans(new CompletionPlanner(1L, 1, TailRates.OFF), model, 1000);
      double[] ttft = plans.stream().mapToDouble(CompletionPlan::ttftMs).toArray();
      assertThat(percentile(ttft, 0.5)).as(model).isCloseTo(preset.ttftMedianMs(), within(preset.ttftMedianMs() * 0.06));
      double expectedP95 = preset.ttftMedianMs() * Math.exp(1.645 * preset.ttftSigma());
      assertThat(percentile(ttft, 0.95)).as(model).isCloseTo(expectedP95, within(expectedP95 * 0.12));
      assertThat(plans).allSatisfy(plan -> assertThat(plan.decodeRate())
          .isBetween(preset.decodeMinPerSecond(), preset.decodeMaxPerSecond()));
      assertThat(plans).allSatisfy(plan -> assertThat(plan.tokenIntervalMs()).isCloseTo(1000 / plan.decodeRate(), within(1e-9)));
    }
  }

  @Test
  @DisplayName("answer length is lognormal with median 150 tokens and p95 400 tokens")
  void answerLength() {
    double[] lengths = plans(new CompletionPlanner(2L, 1, TailRates.OFF), "gpt-4o", 2000).stream()
        .mapToDouble(CompletionPlan::completionTokens).toArray();
    assertThat(percentile(lengths, 0.5)).isBetween(138.0, 162.0);
    assertThat(percentile(lengths, 0.95)).isBetween(350.0, 450.0);
  }

  @Test
  @DisplayName("max_tokens caps the drawn length and makes the finish reason 'length'")
  void maxTokens() {
    CompletionPlanner planner = new CompletionPlanner(3L, 1, TailRates.OFF);
    List<CompletionPlan> plans = IntStream.range(0, 200).mapToObj(i -> planner.plan(request("gpt-4o", 40))).toList();
    assertThat(plans).allSatisfy(plan -> assertThat(plan.completionTokens()).isLessThanOrEqualTo(40));
    assertThat(plans).filteredOn(plan -> plan.completionTokens() == 40)
        .allSatisfy(plan -> assertThat(plan.finishReason()).isEqualTo("length")).isNotEmpty();
    assertThat(plans).filteredOn(plan -> plan.completionTokens() < 40)
        .allSatisfy(plan -> assertThat(plan.finishReason()).isEqualTo("stop"));
  }

  @Test
  @DisplayName("an unknown model name gets gpt-4o-mini's timing")
  void unknownModel() {
    List<CompletionPlan> unknown = plans(new CompletionPlanner(4L, 1, TailRates.OFF), "my-fine-tune", 20);
    List<CompletionPlan> mini = plans(new CompletionPlanner(4L, 1, TailRates.OFF), "gpt-4o-mini", 20);
    assertThat(unknown).extracting(CompletionPlan::ttftMs).containsExactlyElementsOf(mini.stream().map(CompletionPlan::ttftMs).toList());
    assertThat(unknown.get(0).model()).isEqualTo("my-fine-tune");
  }

  @Test
  @DisplayName("speed scales every delay and nothing else")
  void speed() {
    List<CompletionPlan> real = plans(new CompletionPlanner(6L, 1, TailRates.OFF), "gpt-4", 30);
    List<CompletionPlan> fast = plans(new CompletionPlanner(6L, 0.01, TailRates.OFF), "gpt-4", 30);
    for (int i = 0; i < real.size(); i++) {
      assertThat(fast.get(i).ttftMs()).isCloseTo(real.get(i).ttftMs() * 0.01, within(1e-9));
      assertThat(fast.get(i).plannedTotalMs()).isCloseTo(real.get(i).plannedTotalMs() * 0.01, within(1e-6));
      assertThat(fast.get(i).answer().text()).isEqualTo(real.get(i).answer().text());
    }
  }

  @Test
  @DisplayName("the slow tail multiplies the same request's TTFT by 3 to 6")
  void slowTail() {
    List<CompletionPlan> normal = plans(new CompletionPlanner(7L, 1, TailRates.OFF), "gpt-4o", 100);
    List<CompletionPlan> slow = plans(new CompletionPlanner(7L, 1, TailRates.OFF.withSlowRate(1)), "gpt-4o", 100);
    for (int i = 0; i < normal.size(); i++) {
      assertThat(slow.get(i).slow()).isTrue();
      assertThat(slow.get(i).ttftMs() / normal.get(i).ttftMs()).isBetween(3.0, 6.0);
      assertThat(slow.get(i).decodeRate()).isEqualTo(normal.get(i).decodeRate());
    }
  }

  @Test
  @DisplayName("the load-test tails hit about 2% slow, 0.25% hang and 0.3% errors")
  void tailRates() {
    // expected 200, 25 and 30 of 10,000; the bounds are about three standard deviations
    List<CompletionPlan> plans = plans(new CompletionPlanner(8L, 1, TailRates.LOAD_TEST), "gpt-4o-mini", 10_000);
    assertThat(plans.stream().filter(CompletionPlan::slow).count()).isBetween(158L, 242L);
    assertThat(plans.stream().filter(p -> p.outcome() == Outcome.HANG).count()).isBetween(10L, 40L);
    assertThat(plans.stream().filter(p -> p.outcome() == Outcome.SERVER_ERROR).count()).isBetween(14L, 46L);
    assertThat(plans.stream().filter(p -> p.outcome() == Outcome.CUT).count()).isZero();
  }
}
