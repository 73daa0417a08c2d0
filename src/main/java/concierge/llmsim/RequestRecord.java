package concierge.llmsim;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * One line of the request log: what was planned for a request and what happened. A load test
 * subtracts these times from its own to see what the server under test added on top of the LLM.
 *
 * @param drawnTtftMs    the first token's planned delay (scaled by speed); -1 when nothing was planned
 * @param ttftMs         arrival to the first content byte written (for a non-streamed answer: the whole
 *                       answer); -1 when no token was sent
 * @param totalMs        arrival to the end of the exchange (response ended, connection closed)
 * @param plannedTotalMs arrival to the last token as planned; -1 when nothing was planned
 * @param sentTokens     completion tokens actually written
 */
public record RequestRecord(String id, String model, boolean stream, Instant arrivedAt, boolean slow,
                            double drawnTtftMs, double ttftMs, double totalMs, double plannedTotalMs,
                            int promptTokens, int completionTokens, int sentTokens, Outcome outcome) {

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("model", model).put("stream", stream)
        .put("arrivedAt", arrivedAt.toString()).put("slow", slow)
        .put("drawnTtftMs", round(drawnTtftMs)).put("ttftMs", round(ttftMs)).put("totalMs", round(totalMs))
        .put("plannedTotalMs", round(plannedTotalMs)).put("promptTokens", promptTokens)
        .put("completionTokens", completionTokens).put("sentTokens", sentTokens).put("outcome", outcome.label());
  }

  private static double round(double ms) {
    return Math.round(ms * 1000) / 1000.0;
  }
}
