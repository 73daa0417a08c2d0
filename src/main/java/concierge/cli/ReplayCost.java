package concierge.cli;

import concierge.cost.Pricing;
import concierge.llmsim.RequestRecord;

import java.util.List;
import java.util.Locale;

/**
 * The LLM calls of one replay, as the simulator served them (its {@code usage}: prompt tokens of
 * the whole prompt, completion tokens of the answer, both cl100k_base), split into generation
 * calls and the rest (intent second opinions), priced per model class.
 */
record ReplayCost(List<RequestRecord> generation, List<RequestRecord> other) {

  static ReplayCost of(List<RequestRecord> calls, String generationModel) {
    return new ReplayCost(calls.stream().filter(call -> generationModel.equals(call.model())).toList(),
        calls.stream().filter(call -> !generationModel.equals(call.model())).toList());
  }

  /** Generation calls priced as {@code model}, other calls at their own model's prices. */
  double per1000(Pricing pricing, String model, int turns) {
    double cost = 0;
    for (RequestRecord call : generation) {
      cost += pricing.cost(model, call.promptTokens(), call.completionTokens());
    }
    for (RequestRecord call : other) {
      cost += pricing.cost(call.model(), call.promptTokens(), call.completionTokens());
    }
    return turns == 0 ? 0 : cost * 1000 / turns;
  }

  String describe() {
    return String.format(Locale.ROOT, "%d generation calls (mean %.0f prompt + %.0f completion tokens), %d other calls",
        generation.size(), generation.stream().mapToInt(RequestRecord::promptTokens).average().orElse(0),
        generation.stream().mapToInt(RequestRecord::completionTokens).average().orElse(0), other.size());
  }
}
