package concierge.faults;

import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * What one client saw of one turn: answered (with what degraded), an error response (its code, and
 * whether it had the API's error shape), a refusal because the server was stopping, or a broken
 * connection. Times are {@code System.nanoTime()}.
 */
public record TurnOutcome(long startedNanos, long endedNanos, Kind kind, String errorCode, boolean wellFormed,
                          List<String> degraded) {

  public enum Kind { ANSWERED, ERROR, STOPPING, CONNECTION }

  public static TurnOutcome answered(long started, JsonObject turn) {
    List<String> degraded = turn.getJsonArray("degraded", new io.vertx.core.json.JsonArray()).stream()
        .map(String::valueOf).toList();
    String answer = turn.getString("answer", "");
    return answer.isBlank() ? error(started, "empty_answer", false)
        : new TurnOutcome(started, System.nanoTime(), Kind.ANSWERED, null, true, degraded);
  }

  /** An error body: well formed when it is {"error": {"code": "...", "message": "..."}}. */
  public static TurnOutcome errorBody(long started, String body, boolean stopping) {
    JsonObject error = null;
    try {
      error = new JsonObject(body).getJsonObject("error");
    } catch (RuntimeException notJson) {
      // counted as malformed below
    }
    boolean wellFormed = error != null && error.getValue("code") instanceof String
        && error.getValue("message") instanceof String;
    String code = wellFormed ? error.getString("code") : "malformed";
    return new TurnOutcome(started, System.nanoTime(), stopping && "unavailable".equals(code) ? Kind.STOPPING
        : Kind.ERROR, code, wellFormed, List.of());
  }

  public static TurnOutcome error(long started, String code, boolean wellFormed) {
    return new TurnOutcome(started, System.nanoTime(), Kind.ERROR, code, wellFormed, List.of());
  }

  public static TurnOutcome connection(long started, String what) {
    return new TurnOutcome(started, System.nanoTime(), Kind.CONNECTION, what, true, List.of());
  }
}
