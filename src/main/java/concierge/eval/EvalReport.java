package concierge.eval;

import concierge.bench.Latencies;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** What an evaluation found: accuracy overall and per intent, confusions, facts, leaks, cache pairs, latency, cost. */
public final class EvalReport {

  final Map<String, int[]> perIntent = new TreeMap<>();
  final Map<String, Map<String, Integer>> confusion = new TreeMap<>();
  final Map<String, Latencies> latency = new TreeMap<>();
  final List<String> intentMisses = new ArrayList<>();
  final List<String> factMisses = new ArrayList<>();
  final List<String> leaks = new ArrayList<>();
  final List<String> pairMisses = new ArrayList<>();
  final List<String> wrongHits = new ArrayList<>();
  final Map<String, Integer> grades = new TreeMap<>();
  final List<String> gradedBelowCorrect = new ArrayList<>();
  int lines;
  int intentRight;
  int factLines;
  int factRight;
  int pairsSame;
  int pairsSameHit;
  int pairsDifferent;
  double costUsd;

  void intent(LabeledLine line, String predicted) {
    lines++;
    int[] counts = perIntent.computeIfAbsent(line.intent(), k -> new int[2]);
    counts[1]++;
    confusion.computeIfAbsent(line.intent(), k -> new TreeMap<>()).merge(predicted, 1, Integer::sum);
    if (line.intentRight(predicted)) {
      intentRight++;
      counts[0]++;
    } else {
      intentMisses.add(line.id() + " '" + line.message() + "' -> " + predicted + " (expected " + line.intent() + ")");
    }
  }

  void judged(LabeledLine line, AnswerJudge.Grade grade) {
    grades.merge(grade.grade(), 1, Integer::sum);
    if (!"correct".equals(grade.grade())) {
      gradedBelowCorrect.add(line.id() + " '" + line.message() + "' -> " + grade.grade() + ": " + grade.reason());
    }
  }

  public double intentAccuracy() {
    return lines == 0 ? 0 : (double) intentRight / lines;
  }

  public double factAccuracy() {
    return factLines == 0 ? 1 : (double) factRight / factLines;
  }

  public double cacheRecall() {
    return pairsSame == 0 ? 1 : (double) pairsSameHit / pairsSame;
  }

  public int leakCount() {
    return leaks.size();
  }

  public int wrongHitCount() {
    return wrongHits.size();
  }

  public JsonObject toJson() {
    JsonObject intents = new JsonObject();
    perIntent.forEach((intent, c) -> intents.put(intent, new JsonObject().put("right", c[0]).put("total", c[1])
        .put("accuracy", round((double) c[0] / c[1]))
        .put("latencyP50Ms", round(latency.get(intent).percentileMs(50)))
        .put("latencyP95Ms", round(latency.get(intent).percentileMs(95)))));
    JsonObject matrix = new JsonObject();
    confusion.forEach((expected, row) -> {
      JsonObject r = new JsonObject();
      row.forEach(r::put);
      matrix.put(expected, r);
    });
    return new JsonObject().put("lines", lines).put("intentAccuracy", round(intentAccuracy()))
        .put("factLines", factLines).put("factAccuracy", round(factAccuracy())).put("leaks", new JsonArray(leaks))
        .put("pairs", new JsonObject().put("sameAnswer", pairsSame).put("hits", pairsSameHit)
            .put("recall", round(cacheRecall())).put("differentAnswer", pairsDifferent)
            .put("wrongHits", new JsonArray(wrongHits)).put("missed", new JsonArray(pairMisses)))
        .put("costUsd", round(costUsd)).put("perIntent", intents).put("confusion", matrix)
        .put("intentMisses", new JsonArray(intentMisses)).put("factMisses", new JsonArray(factMisses))
        .put("judge", grades.isEmpty() ? null : new JsonObject(new java.util.LinkedHashMap<>(grades))
            .put("belowCorrect", new JsonArray(gradedBelowCorrect)));
  }

  public String toMarkdown(String title) {
    StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
    md.append("| measure | value |\n|---|---|\n");
    md.append(String.format("| intent accuracy | %.1f%% (%d/%d) |%n", 100 * intentAccuracy(), intentRight, lines));
    md.append(String.format("| fact accuracy | %.1f%% (%d/%d lines with fact checks) |%n", 100 * factAccuracy(), factRight, factLines));
    md.append(String.format("| leaks | %d |%n", leakCount()));
    if (pairsSame + pairsDifferent > 0) {
      md.append(String.format("| cache hit recall (sameAnswer pairs) | %.1f%% (%d/%d) |%n", 100 * cacheRecall(), pairsSameHit, pairsSame));
      md.append(String.format("| wrong cache hits (near-miss pairs) | %d of %d |%n", wrongHitCount(), pairsDifferent));
    }
    grades.forEach((grade, count) -> md.append(String.format("| LLM judge: %s | %d |%n", grade, count)));
    md.append(String.format("| total cost | $%.4f |%n%n", costUsd));
    md.append("## Per intent\n\n| intent | accuracy | right/total | latency P50 | latency P95 |\n|---|---|---|---|---|\n");
    perIntent.forEach((intent, c) -> md.append(String.format("| %s | %.1f%% | %d/%d | %.1f ms | %.1f ms |%n", intent,
        100.0 * c[0] / c[1], c[0], c[1], latency.get(intent).percentileMs(50), latency.get(intent).percentileMs(95))));
    TreeSet<String> predicted = new TreeSet<>();
    confusion.values().forEach(row -> predicted.addAll(row.keySet()));
    md.append("\n## Confusion matrix (rows: expected, columns: predicted)\n\n| expected |");
    predicted.forEach(p -> md.append(' ').append(p).append(" |"));
    md.append("\n|---|").append("---|".repeat(predicted.size())).append('\n');
    confusion.forEach((expected, row) -> {
      md.append("| ").append(expected).append(" |");
      predicted.forEach(p -> md.append(' ').append(row.getOrDefault(p, 0) == 0 ? "" : row.get(p)).append(" |"));
      md.append('\n');
    });
    section(md, "Intent misses", intentMisses);
    section(md, "Fact misses", factMisses);
    section(md, "Leaks", leaks);
    section(md, "Wrong cache hits", wrongHits);
    section(md, "Missed cache reuses", pairMisses);
    if (!grades.isEmpty()) {
      section(md, "Graded below correct by the LLM judge", gradedBelowCorrect);
    }
    return md.toString();
  }

  private static void section(StringBuilder md, String title, List<String> items) {
    md.append("\n## ").append(title).append(" (").append(items.size()).append(")\n\n");
    items.forEach(item -> md.append("- ").append(item.replace("|", "\\|").replace("\n", " ")).append('\n'));
  }

  private static double round(double value) {
    return Math.round(value * 10000) / 10000.0;
  }
}
