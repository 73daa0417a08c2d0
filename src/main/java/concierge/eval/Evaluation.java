package concierge.eval;

import concierge.bench.Latencies;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs labeled lines through the agent, each message in a fresh conversation as its customer,
 * and labeled pairs through the cache (first asked, then second, on an emptied cache).
 */
public final class Evaluation {

  private final Function<JsonObject, Future<JsonObject>> chat;
  private final Supplier<Future<?>> clearCache;
  private AnswerJudge judge;

  public Evaluation(Function<JsonObject, Future<JsonObject>> chat, Supplier<Future<?>> clearCache) {
    this.chat = chat;
    this.clearCache = clearCache;
  }

  /** Also grade every answer with an LLM (optional; the regex checks stand on their own). */
  public Evaluation judgedBy(AnswerJudge judge) {
    this.judge = judge;
    return this;
  }

  public void messages(List<LabeledLine> lines, EvalReport report) {
    for (LabeledLine line : lines) {
      clearCache.get().await();
      long started = System.nanoTime();
      JsonObject turn = chat.apply(new JsonObject().put("message", line.message()).put("customerId", line.customerId()))
          .await();
      long took = System.nanoTime() - started;
      String predicted = turn.getJsonObject("intent").getString("name");
      String answer = turn.getString("answer", "");
      report.intent(line, predicted);
      report.latency.computeIfAbsent(line.intent(), k -> new Latencies()).add(took);
      report.costUsd += turn.getJsonObject("usage", new JsonObject()).getDouble("costUsd", 0.0);
      if (line.hasFactChecks()) {
        report.factLines++;
        if (line.factsRight(answer)) {
          report.factRight++;
        } else {
          report.factMisses.add(line.id() + " '" + line.message() + "' -> " + answer);
        }
      }
      if (judge != null) {
        report.judged(line, judge.grade(line.message(), answer).await());
      }
      List<String> leaks = LeakDetector.leaks(answer, line.customerId());
      if (!leaks.isEmpty()) {
        report.leaks.add(line.id() + " " + leaks);
      }
    }
  }

  public void pairs(List<JsonObject> pairs, EvalReport report) {
    for (JsonObject pair : pairs) {
      clearCache.get().await();
      chat.apply(new JsonObject().put("message", pair.getString("first"))).await();
      JsonObject second = chat.apply(new JsonObject().put("message", pair.getString("second"))).await();
      boolean hit = !"miss".equals(second.getString("cache"));
      String label = pair.getString("id") + " '" + pair.getString("first") + "' / '" + pair.getString("second") + "'";
      if (pair.getBoolean("sameAnswer")) {
        report.pairsSame++;
        if (hit) {
          report.pairsSameHit++;
        } else {
          report.pairMisses.add(label);
        }
      } else {
        report.pairsDifferent++;
        if (hit) {
          report.wrongHits.add(label + " (" + second.getString("cache") + ")");
        }
      }
    }
  }
}
