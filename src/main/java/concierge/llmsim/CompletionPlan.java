package concierge.llmsim;

/**
 * Everything drawn for one request before it is answered: what happens, when the first token
 * is due, how fast the rest follow, and the answer itself. Times are in milliseconds of real
 * time, already scaled by the speed factor.
 *
 * @param ttftMs          when the first token is due, after arrival (slow tail included)
 * @param tokenIntervalMs time between two tokens (1000 / decode rate, scaled)
 * @param cutAfterTokens  for a {@link Outcome#CUT}: tokens sent before the connection is closed
 * @param finishReason    "stop", or "length" when max_tokens shortened the drawn answer
 */
public record CompletionPlan(String id, String model, Outcome outcome, boolean slow, double ttftMs,
                             double decodeRate, double tokenIntervalMs, int promptTokens,
                             AnswerComposer.Answer answer, String finishReason, int cutAfterTokens) {

  /** The same plan with another answer of at most as many tokens (a fault forced at run time). */
  public CompletionPlan withAnswer(AnswerComposer.Answer value) {
    return new CompletionPlan(id, model, outcome, slow, ttftMs, decodeRate, tokenIntervalMs, promptTokens, value,
        finishReason, cutAfterTokens);
  }

  /** The same plan ending otherwise (a fault forced at run time). */
  public CompletionPlan withOutcome(Outcome value) {
    return new CompletionPlan(id, model, value, slow, ttftMs, decodeRate, tokenIntervalMs, promptTokens, answer,
        finishReason, cutAfterTokens);
  }

  public int completionTokens() {
    return answer.tokens().length;
  }

  /** When token {@code index} (from 0) is due, after arrival. */
  public double tokenDueMs(int index) {
    return ttftMs + index * tokenIntervalMs;
  }

  /** When the last token is due: the planned duration of a complete answer. */
  public double plannedTotalMs() {
    return tokenDueMs(completionTokens() - 1);
  }
}
