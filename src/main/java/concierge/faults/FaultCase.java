package concierge.faults;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The figures of one fault case: turns that could be answered and were, the errors clients saw
 * (by code, and how many were not in the API's error shape), the time from the end of the fault
 * until turns were answered normally again, and confirmed orders missing from the database.
 */
public record FaultCase(String name, int turns, int answerable, int answered, Map<String, Integer> errors,
                        int malformed, long recoveryMs, int confirmedOrders, int ordersLost, String note) {

  public double successRate() {
    return answerable == 0 ? 1.0 : (double) answered / answerable;
  }

  static FaultCase of(String name, Collection<TurnOutcome> outcomes, boolean connectionLossExpected,
                      long recoveryMs, int confirmed, int lost, String note) {
    int answerable = 0;
    int answered = 0;
    int malformed = 0;
    Map<String, Integer> errors = new TreeMap<>();
    for (TurnOutcome outcome : outcomes) {
      boolean excused = outcome.kind() == TurnOutcome.Kind.STOPPING
          || outcome.kind() == TurnOutcome.Kind.CONNECTION && connectionLossExpected;
      if (!excused) {
        answerable++;
      }
      switch (outcome.kind()) {
        case ANSWERED -> answered++;
        case ERROR, STOPPING -> errors.merge(outcome.errorCode(), 1, Integer::sum);
        case CONNECTION -> errors.merge("connection: " + outcome.errorCode(), 1, Integer::sum);
      }
      if (!outcome.wellFormed()) {
        malformed++;
      }
    }
    return new FaultCase(name, outcomes.size(), answerable, answered, errors, malformed, recoveryMs, confirmed, lost,
        note);
  }

  /**
   * Milliseconds from {@code faultEndedNanos} until the first turn started after it that {@code healthy}
   * accepts ended; -1 when none did.
   */
  static long recovery(Collection<TurnOutcome> outcomes, long faultEndedNanos, Predicate<TurnOutcome> healthy) {
    return outcomes.stream().filter(o -> o.startedNanos() >= faultEndedNanos && healthy.test(o))
        .mapToLong(TurnOutcome::endedNanos).min()
        .stream().map(ended -> (ended - faultEndedNanos) / 1_000_000).findFirst().orElse(-1);
  }

  /** One row of the README's table. */
  public String row() {
    String errorText = errors.isEmpty() ? "none" : errors.entrySet().stream()
        .map(e -> e.getKey() + " ×" + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
    return String.format("| %s | %d | %.1f%% (%d/%d) | %s | %d | %s | %d / %d | %s |", name, turns,
        successRate() * 100, answered, answerable, errorText, malformed,
        recoveryMs < 0 ? "–" : recoveryMs + " ms", ordersLost, confirmedOrders, note);
  }

  public static String header() {
    return "| case | turns | answered (of answerable) | errors seen by clients | malformed | recovery after the fault "
        + "| orders lost / confirmed | notes |\n|---|---|---|---|---|---|---|---|";
  }
}
