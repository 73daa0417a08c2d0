package concierge.bench;

import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a replay's turns say about the cache: turns by cache result, overall and for the tail. */
public record ReplayTally(int turns, int exact, int semantic, int failures, Map<String, Integer> byIntent,
                          int tailTurns, int tailHits) {

  /** {@code replies.get(i)} answers {@code workload.get(i)}; null for a failed turn. */
  public static ReplayTally of(List<ReplayWorkload.Turn> workload, List<JsonObject> replies) {
    int exact = 0;
    int semantic = 0;
    int failures = 0;
    int tailTurns = 0;
    int tailHits = 0;
    Map<String, Integer> byIntent = new TreeMap<>();
    for (int i = 0; i < workload.size(); i++) {
      JsonObject reply = replies.get(i);
      boolean tail = ReplayWorkload.TAIL.equals(workload.get(i).topic());
      tailTurns += tail ? 1 : 0;
      if (reply == null) {
        failures++;
        continue;
      }
      String cache = reply.getString("cache", "miss");
      exact += "exact".equals(cache) ? 1 : 0;
      semantic += "semantic".equals(cache) ? 1 : 0;
      tailHits += tail && !"miss".equals(cache) ? 1 : 0;
      byIntent.merge(reply.getJsonObject("intent").getString("name"), 1, Integer::sum);
    }
    return new ReplayTally(workload.size(), exact, semantic, failures, byIntent, tailTurns, tailHits);
  }

  public int hits() {
    return exact + semantic;
  }

  public int misses() {
    return turns - hits() - failures;
  }

  public double rate(int count) {
    return turns == 0 ? 0 : (double) count / turns;
  }
}
