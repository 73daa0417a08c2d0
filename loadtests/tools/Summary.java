import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Summarizes one load-test run (single-file program: {@code java Summary.java --turns ... --out DIR}).
 *
 * <p>Inputs: the simulation's per-turn CSV (send time, first-delta and end times as the client saw
 * them, and the end frame's cache / usage / timings), the LLM simulator's request log (each
 * request's own TTFT and total time), the 1-second samples of the server's and Chroma's RSS and CPU,
 * and {@code /admin/costs} before and after.
 *
 * <p>Measured window: turns sent from (first send + ramp + warm-up) for {@code duration} seconds
 * (all turns when warm-up is 0). Throughput counts turns that finished inside the window.
 *
 * <p>Concierge's overhead: each LLM turn (cache miss, usage model not "embedded") is matched to the
 * simulator request that produced its answer: same model, same prompt and completion token counts
 * (the turn's usage is the simulator's usage), arrival inside the client's [send, end] interval,
 * unused so far; among several, the one whose end is closest to the client's end. Overhead =
 * client full-answer time minus the simulator's logged total time; first-token overhead = client
 * first delta minus the simulator's logged TTFT. A retried LLM call counts the failed attempt as
 * overhead (it is time Concierge spent).
 */
public class Summary {

  record Turn(long sentAtMs, String kind, boolean ok, String error, double firstMs, double fullMs, String cache,
              String intent, String model, int promptTokens, int completionTokens, double costUsd,
              String degraded, String secondOpinion) {}

  record Sim(long arrivedMs, String model, boolean stream, double ttftMs, double totalMs, int promptTokens,
             int completionTokens, String outcome) {}

  /** simTicks, machineBusyTicks and machineTicks are -1 in samples written before they were recorded. */
  record Sample(long ms, long serverRss, long serverTicks, long chromaRss, long chromaTicks, double load1, long simTicks,
                long machineBusyTicks, long machineTicks) {}

  public static void main(String[] argv) throws IOException {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) {
      a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
    }
    Path out = Path.of(a.get("out"));
    List<Turn> all = readTurns(Path.of(a.get("turns")));
    List<Sim> sims = a.containsKey("sim") && Files.exists(Path.of(a.get("sim"))) ? readSims(Path.of(a.get("sim"))) : List.of();
    List<Sample> samples = readSamples(Path.of(a.get("samples")));
    int ramp = Integer.parseInt(a.getOrDefault("ramp", "0"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "0"));
    int duration = Integer.parseInt(a.getOrDefault("duration", "0"));

    long firstSent = all.stream().mapToLong(Turn::sentAtMs).min().orElse(0);
    long lastEnd = all.stream().mapToLong(t -> t.sentAtMs + (long) Math.max(0, t.fullMs)).max().orElse(firstSent);
    long w0 = warmup == 0 ? firstSent : firstSent + (ramp + warmup) * 1000L;
    long w1 = warmup == 0 ? lastEnd : w0 + duration * 1000L;
    double windowS = Math.max(1, (w1 - w0) / 1000.0);
    List<Turn> turns = all.stream().filter(t -> t.sentAtMs >= w0 && t.sentAtMs < w1).toList();
    List<Turn> ok = turns.stream().filter(Turn::ok).toList();
    long finishedInWindow = all.stream().filter(Turn::ok)
        .filter(t -> t.sentAtMs + t.fullMs >= w0 && t.sentAtMs + t.fullMs < w1).count();

    Map<String, Object> s = new LinkedHashMap<>();
    s.put("scenario", a.get("scenario"));
    s.put("llm", a.get("llm"));
    s.put("model", a.get("model"));
    s.put("cache", a.get("cache"));
    s.put("mix", a.get("mix"));
    s.put("transport", a.get("transport"));
    s.put("users", Integer.parseInt(a.getOrDefault("users", "0")));
    s.put("rampS", ramp);
    s.put("warmupS", warmup);
    s.put("measuredS", round(windowS));
    s.put("turnsAll", all.size());
    s.put("turns", turns.size());
    s.put("failed", turns.size() - ok.size());
    s.put("successRate", turns.isEmpty() ? 0 : round4((double) ok.size() / turns.size()));
    Map<String, Integer> errors = new LinkedHashMap<>();
    turns.stream().filter(t -> !t.ok).forEach(t -> errors.merge(t.error.isEmpty() ? "check_failed" : t.error, 1, Integer::sum));
    s.put("errors", errors);
    s.put("turnsPerSecond", round(finishedInWindow / windowS));
    double pacedRate = Double.parseDouble(a.getOrDefault("rate", "0"));
    if (pacedRate > 0) {
      s.put("pacedConversationsPerSecond", pacedRate);
    }
    Path raw = a.containsKey("raw-embedding") ? Path.of(a.get("raw-embedding")) : null;
    if (raw != null && Files.exists(raw)) {
      for (String line : Files.readAllLines(raw)) {
        if (line.startsWith("rawEmbeddingsPerSecond=")) {
          double perSecond = Double.parseDouble(line.substring(line.indexOf('=') + 1));
          s.put("rawEmbeddingsPerSecond", perSecond);
          s.put("turnsPerSecondShareOfRawEmbedding", round4(finishedInWindow / windowS / perSecond));
        }
      }
    }
    s.put("ttftMs", stats(ok.stream().filter(t -> t.firstMs >= 0).mapToDouble(Turn::firstMs).toArray()));
    s.put("fullMs", stats(ok.stream().mapToDouble(Turn::fullMs).toArray()));
    List<Turn> llmOk = ok.stream().filter(t -> !t.model.isEmpty() && !"embedded".equals(t.model) && t.completionTokens > 0).toList();
    s.put("llmAnsweredTurns", llmOk.size());
    s.put("llmTtftMs", stats(llmOk.stream().filter(t -> t.firstMs >= 0).mapToDouble(Turn::firstMs).toArray()));
    s.put("llmFullMs", stats(llmOk.stream().mapToDouble(Turn::fullMs).toArray()));
    long degradedTurns = ok.stream().filter(t -> !t.degraded.isBlank()).count();
    s.put("degradedTurnShare", ok.isEmpty() ? 0 : round4((double) degradedTurns / ok.size()));
    long unavailable = ok.stream().filter(t -> t.degraded.contains("embedding_unavailable")).count();
    s.put("embeddingUnavailableShare", ok.isEmpty() ? 0 : round4((double) unavailable / ok.size()));
    List<Turn> answered = ok.stream().filter(t -> !t.degraded.contains("embedding_unavailable")).toList();
    s.put("answeredTurns", answered.size());
    s.put("answeredFullMs", stats(answered.stream().mapToDouble(Turn::fullMs).toArray()));
    long hits = ok.stream().filter(t -> !t.cache.isEmpty() && !"miss".equals(t.cache)).count();
    s.put("cacheHitRate", ok.isEmpty() ? 0 : round4((double) hits / ok.size()));
    Map<String, Long> byCache = new LinkedHashMap<>();
    ok.forEach(t -> byCache.merge(t.cache.isEmpty() ? "none" : t.cache, 1L, Long::sum));
    s.put("turnsByCache", byCache);
    // served from a stored answer (exact, semantic) vs. waited for the same question's generation under way
    List<Turn> cached = ok.stream().filter(t -> "exact".equals(t.cache) || "semantic".equals(t.cache)).toList();
    s.put("cachedFullMs", stats(cached.stream().mapToDouble(Turn::fullMs).toArray()));
    s.put("cachedFirstMs", stats(cached.stream().mapToDouble(Turn::firstMs).toArray()));
    List<Turn> coalesced = ok.stream().filter(t -> "coalesced".equals(t.cache)).toList();
    s.put("coalescedFullMs", stats(coalesced.stream().mapToDouble(Turn::fullMs).toArray()));
    Map<String, Long> byKind = new LinkedHashMap<>();
    ok.forEach(t -> byKind.merge(t.kind + "/" + t.intent, 1L, Long::sum));
    s.put("turnsByKindAndIntent", byKind);
    Map<String, Long> degraded = new LinkedHashMap<>();
    ok.forEach(t -> { for (String d : t.degraded.split("\\|")) if (!d.isBlank()) degraded.merge(d, 1L, Long::sum); });
    s.put("degraded", degraded);
    double windowCost = ok.stream().mapToDouble(Turn::costUsd).sum();
    s.put("costPer1000TurnsUsdWindow", ok.isEmpty() ? 0 : round6(windowCost * 1000 / ok.size()));
    s.put("costPer1000ReallyAnsweredTurnsUsdWindow", answered.isEmpty() ? 0 : round6(windowCost * 1000 / answered.size()));

    String before = Files.exists(Path.of(a.get("costs-before"))) ? Files.readString(Path.of(a.get("costs-before"))) : "{}";
    String after = Files.exists(Path.of(a.get("costs-after"))) ? Files.readString(Path.of(a.get("costs-after"))) : "{}";
    double dTurns = num(after, "turns") - num(before, "turns");
    double dCost = num(after, "costUsd") - num(before, "costUsd");
    Map<String, Object> admin = new LinkedHashMap<>();
    admin.put("turns", (long) dTurns);
    admin.put("costUsd", round6(dCost));
    admin.put("costPer1000TurnsUsd", dTurns == 0 ? 0 : round6(dCost * 1000 / dTurns));
    admin.put("reportedCostPer1000TurnsUsd", num(after, "costPer1000TurnsUsd"));
    admin.put("reportedCacheHitRatio", num(after, "cacheHitRatio"));
    s.put("adminCosts", admin);

    // resources over the whole run (peak) and in the window (CPU)
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("serverPeakRssMb", round(samples.stream().mapToLong(Sample::serverRss).max().orElse(0) / 1024.0));
    res.put("chromaPeakRssMb", round(samples.stream().mapToLong(Sample::chromaRss).max().orElse(0) / 1024.0));
    res.put("serverPlusChromaPeakRssMb", round(samples.stream().mapToLong(x -> x.serverRss + x.chromaRss).max().orElse(0) / 1024.0));
    List<Sample> in = samples.stream().filter(x -> x.ms >= w0 && x.ms <= w1).toList();
    if (in.size() >= 2) {
      Sample f = in.get(0), l = in.get(in.size() - 1);
      double secs = (l.ms - f.ms) / 1000.0;
      res.put("serverCpuAvgPct", round((l.serverTicks - f.serverTicks) / 100.0 / secs * 100));
      res.put("chromaCpuAvgPct", round((l.chromaTicks - f.chromaTicks) / 100.0 / secs * 100));
      double peak = 0;
      for (int i = 5; i < in.size(); i++) {
        Sample p = in.get(i - 5), q = in.get(i);
        peak = Math.max(peak, (q.serverTicks - p.serverTicks) / 100.0 / ((q.ms - p.ms) / 1000.0) * 100);
      }
      res.put("serverCpuPeak5sPct", round(peak));
      if (f.machineTicks >= 0 && l.machineTicks > f.machineTicks) {
        // /proc/stat counts every core's ticks: busy share of all of them, in percent of one core
        int cores = Runtime.getRuntime().availableProcessors();
        double machine = (double) (l.machineBusyTicks - f.machineBusyTicks) / (l.machineTicks - f.machineTicks) * 100 * cores;
        double sim = (l.simTicks - f.simTicks) / 100.0 / secs * 100;
        res.put("simCpuAvgPct", round(sim));
        res.put("machineCpuAvgPct", round(machine));
        res.put("othersCpuAvgPct", round(machine - sim - (l.serverTicks - f.serverTicks) / 100.0 / secs * 100
            - (l.chromaTicks - f.chromaTicks) / 100.0 / secs * 100));
      }
      res.put("load1Avg", round(in.stream().mapToDouble(Sample::load1).average().orElse(0)));
    }
    res.put("cpuNote", "percent of one core; the machine has " + Runtime.getRuntime().availableProcessors()
        + " cores; others = the machine minus server, Chroma and simulator: mostly the load generator");
    s.put("resources", res);

    // Concierge's overhead over the LLM
    List<Turn> llmTurns = ok.stream().filter(t -> "miss".equals(t.cache) && !t.model.isEmpty()
        && !"embedded".equals(t.model) && t.completionTokens > 0).sorted((x, y) -> Long.compare(x.sentAtMs, y.sentAtMs)).toList();
    if (!sims.isEmpty()) {
      Map<String, List<Sim>> byKey = new HashMap<>();
      for (Sim sim : sims) {
        if ("ok".equals(sim.outcome)) {
          byKey.computeIfAbsent(sim.model + "/" + sim.promptTokens + "/" + sim.completionTokens, k -> new ArrayList<>()).add(sim);
        }
      }
      java.util.Set<Sim> used = new java.util.HashSet<>();
      List<Double> over = new ArrayList<>(), overFirst = new ArrayList<>(), llmTotal = new ArrayList<>();
      int ambiguous = 0;
      for (Turn t : llmTurns) {
        List<Sim> cands = byKey.getOrDefault(t.model + "/" + t.promptTokens + "/" + t.completionTokens, List.of());
        Sim best = null;
        int n = 0;
        double end = t.sentAtMs + t.fullMs;
        for (Sim c : cands) {
          if (used.contains(c) || c.arrivedMs < t.sentAtMs - 5 || c.arrivedMs > end + 5) continue;
          n++;
          if (best == null || Math.abs(c.arrivedMs + c.totalMs - end) < Math.abs(best.arrivedMs + best.totalMs - end)) best = c;
        }
        if (best == null) continue;
        if (n > 1) ambiguous++;
        used.add(best);
        over.add(t.fullMs - best.totalMs);
        llmTotal.add(best.totalMs);
        if (t.firstMs >= 0 && best.ttftMs >= 0) overFirst.add(t.firstMs - best.ttftMs);
      }
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("llmTurns", llmTurns.size());
      o.put("matched", over.size());
      o.put("ambiguousMatches", ambiguous);
      o.put("simRequests", sims.size());
      Map<String, Long> outcomes = new LinkedHashMap<>();
      sims.forEach(x -> outcomes.merge(x.outcome, 1L, Long::sum));
      o.put("simOutcomes", outcomes);
      Map<String, Long> simByModel = new LinkedHashMap<>();
      sims.forEach(x -> simByModel.merge(x.model, 1L, Long::sum));
      o.put("simRequestsByModel", simByModel);
      o.put("fullAnswerOverheadMs", stats(over.stream().mapToDouble(Double::doubleValue).toArray()));
      o.put("firstTokenOverheadMs", stats(overFirst.stream().mapToDouble(Double::doubleValue).toArray()));
      o.put("llmTotalMs", stats(llmTotal.stream().mapToDouble(Double::doubleValue).toArray()));
      o.put("method", "client full time minus the simulator's logged total of the matched request; match by model, "
          + "prompt+completion tokens, arrival within the client's send..end interval, closest end");
      // the first-token bar: the LLM turns' own time to first token against the simulator's, same model, same window
      Map<String, Object> bar = new LinkedHashMap<>();
      for (String model : llmTurns.stream().map(Turn::model).distinct().sorted().toList()) {
        double[] client = llmTurns.stream().filter(t -> t.model.equals(model) && t.firstMs >= 0).mapToDouble(Turn::firstMs).toArray();
        double[] withoutOpinion = llmTurns.stream().filter(t -> t.model.equals(model) && t.firstMs >= 0
            && t.secondOpinion.isEmpty()).mapToDouble(Turn::firstMs).toArray();
        double[] simTtft = sims.stream().filter(x -> x.model.equals(model) && x.stream && "ok".equals(x.outcome)
            && x.arrivedMs >= w0 && x.arrivedMs < w1).mapToDouble(Sim::ttftMs).toArray();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clientP95Ms", stats(client).get("p95"));
        m.put("clientWithoutIntentModelP95Ms", stats(withoutOpinion).get("p95"));
        m.put("simP95Ms", stats(simTtft).get("p95"));
        m.put("turns", client.length);
        m.put("simRequests", simTtft.length);
        bar.put(model, m);
      }
      o.put("ttftBar", bar);
      Map<String, Long> opinions = new LinkedHashMap<>();
      ok.forEach(t -> { if (!t.secondOpinion.isEmpty()) opinions.merge(t.secondOpinion, 1L, Long::sum); });
      o.put("intentModelAsked", opinions);
      s.put("overhead", o);
    }
    s.put("gatlingReport", a.getOrDefault("report", ""));

    Files.createDirectories(out);
    Files.writeString(out.resolve("summary.json"), json(s, "") + "\n");
    Files.writeString(out.resolve("summary.properties"), properties(s));
    Files.writeString(out.resolve("summary.md"), markdown(s));
  }

  // ---------------------------------------------------------------- output

  static String markdown(Map<String, Object> s) {
    StringBuilder b = new StringBuilder();
    b.append("## ").append(s.get("scenario")).append("\n\n");
    b.append(String.format("LLM %s (%s), cache %s, mix %s over %s, %s users, measured %s s after %s s ramp + %s s warm-up%n%n",
        s.get("llm"), s.get("model"), s.get("cache"), s.get("mix"), s.get("transport"), s.get("users"),
        s.get("measuredS"), s.get("rampS"), s.get("warmupS")));
    b.append("| measure | value |\n|---|---|\n");
    b.append(row("turns (failed)", s.get("turns") + " (" + s.get("failed") + ")"));
    b.append(row("success rate", pct((Double) toD(s.get("successRate")))));
    b.append(row("errors", String.valueOf(s.get("errors"))));
    b.append(row("turns/s", s.get("turnsPerSecond")));
    if (s.containsKey("pacedConversationsPerSecond")) {
      b.append(row("paced: new conversations per second (open model)", s.get("pacedConversationsPerSecond")));
    }
    if (s.containsKey("rawEmbeddingsPerSecond")) {
      b.append(row("raw embedding model alone, same run (bench embedding, 2 threads)", s.get("rawEmbeddingsPerSecond")
          + " embeddings/s; turns/s = " + pct(toD(s.get("turnsPerSecondShareOfRawEmbedding"))) + " of it"));
    }
    b.append(row("first token ms mean / P50 / P95 / P99", statRow(s.get("ttftMs"))));
    b.append(row("full answer ms mean / P50 / P95 / P99", statRow(s.get("fullMs"))));
    b.append(row("LLM-answered turns: first token ms mean / P50 / P95 / P99", statRow(s.get("llmTtftMs"))));
    b.append(row("LLM-answered turns: full answer ms mean / P50 / P95 / P99", statRow(s.get("llmFullMs"))));
    b.append(row("turns with a degradation", pct(toD(s.get("degradedTurnShare")))));
    b.append(row("turns answered \"unavailable\" (embedding timed out)", pct(toD(s.get("embeddingUnavailableShare")))));
    b.append(row("turns really answered: full answer ms mean / P50 / P95 / P99", statRow(s.get("answeredFullMs"))));
    b.append(row("cache hit rate (end frames: exact, semantic or coalesced)", pct(toD(s.get("cacheHitRate")))));
    b.append(row("turns by cache result", String.valueOf(s.get("turnsByCache"))));
    b.append(row("cached turns (a stored answer): full answer ms mean / P50 / P95 / P99", statRow(s.get("cachedFullMs"))));
    b.append(row("cached turns (a stored answer): first token ms mean / P50 / P95 / P99", statRow(s.get("cachedFirstMs"))));
    b.append(row("coalesced turns (waited for the same question's answer): full answer ms mean / P50 / P95 / P99",
        statRow(s.get("coalescedFullMs"))));
    b.append(row("cost per 1,000 turns (end frames, window)", "$" + s.get("costPer1000TurnsUsdWindow")));
    b.append(row("cost per 1,000 really answered turns (window)", "$" + s.get("costPer1000ReallyAnsweredTurnsUsdWindow")));
    b.append(row("/admin/costs delta (whole run)", String.valueOf(s.get("adminCosts"))));
    b.append(row("resources", String.valueOf(s.get("resources"))));
    b.append(row("degraded", String.valueOf(s.get("degraded"))));
    b.append(row("turns by kind/intent", String.valueOf(s.get("turnsByKindAndIntent"))));
    if (s.containsKey("overhead")) {
      @SuppressWarnings("unchecked") Map<String, Object> o = (Map<String, Object>) s.get("overhead");
      b.append(row("LLM turns matched to simulator requests", o.get("matched") + " of " + o.get("llmTurns")
          + " (ambiguous " + o.get("ambiguousMatches") + "); sim outcomes " + o.get("simOutcomes")));
      b.append(row("overhead full answer ms mean / P50 / P95 / P99", statRow(o.get("fullAnswerOverheadMs"))));
      b.append(row("overhead first token ms mean / P50 / P95 / P99", statRow(o.get("firstTokenOverheadMs"))));
      b.append(row("LLM's own total ms mean / P50 / P95 / P99", statRow(o.get("llmTotalMs"))));
      b.append(row("time to first token P95, LLM turns (client) vs the simulator's (same model, window); bar: + 30 ms",
          String.valueOf(o.get("ttftBar"))));
      b.append(row("turns that asked the intent model, by its answer", String.valueOf(o.get("intentModelAsked"))));
    }
    return b.toString();
  }

  static String row(String k, Object v) {
    return "| " + k + " | " + v + " |\n";
  }

  @SuppressWarnings("unchecked")
  static String statRow(Object o) {
    Map<String, Object> m = (Map<String, Object>) o;
    if (m == null || ((Number) m.get("n")).intValue() == 0) return "n/a";
    return m.get("mean") + " / " + m.get("p50") + " / " + m.get("p95") + " / " + m.get("p99") + " (n " + m.get("n") + ")";
  }

  static double toD(Object o) {
    return ((Number) o).doubleValue();
  }

  static String pct(double v) {
    return String.format(Locale.ROOT, "%.2f%%", v * 100);
  }

  static String properties(Map<String, Object> s) {
    StringBuilder b = new StringBuilder();
    flatten("", s, b);
    return b.toString();
  }

  @SuppressWarnings("unchecked")
  static void flatten(String prefix, Object v, StringBuilder b) {
    if (v instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) flatten(prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey(), e.getValue(), b);
    } else {
      b.append(prefix).append('=').append(v).append('\n');
    }
  }

  static String json(Object v, String indent) {
    if (v instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("{");
      String in = indent + "  ";
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        b.append(first ? "\n" : ",\n").append(in).append(quote(String.valueOf(e.getKey()))).append(": ").append(json(e.getValue(), in));
        first = false;
      }
      return b.append(first ? "}" : "\n" + indent + "}").toString();
    }
    if (v instanceof Number || v instanceof Boolean) return String.valueOf(v);
    return quote(String.valueOf(v));
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  // ---------------------------------------------------------------- statistics

  static Map<String, Object> stats(double[] v) {
    double[] x = v.clone();
    java.util.Arrays.sort(x);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", x.length);
    if (x.length == 0) return m;
    m.put("mean", round(java.util.Arrays.stream(x).average().orElse(0)));
    m.put("p50", round(pct(x, 50)));
    m.put("p95", round(pct(x, 95)));
    m.put("p99", round(pct(x, 99)));
    m.put("max", round(x[x.length - 1]));
    return m;
  }

  /** Nearest-rank percentile. */
  static double pct(double[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  static double round4(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  static double round6(double v) {
    return Math.round(v * 1_000_000) / 1_000_000.0;
  }

  // ---------------------------------------------------------------- inputs

  static List<Turn> readTurns(Path p) throws IOException {
    List<Turn> out = new ArrayList<>();
    if (!Files.exists(p)) return out;
    List<String> lines = Files.readAllLines(p);
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      String[] f = line.split(",", -1);
      if (f.length < 18) continue;
      out.add(new Turn(Long.parseLong(f[0]), f[2], Boolean.parseBoolean(f[3]), f[4], d(f[5]), d(f[6]), f[7], f[8], f[9],
          (int) d(f[10]), (int) d(f[11]), d(f[12]), f[17], f.length > 19 ? f[19] : ""));
    }
    return out;
  }

  static double d(String s) {
    try {
      return s.isBlank() ? 0 : Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static List<Sim> readSims(Path p) throws IOException {
    List<Sim> out = new ArrayList<>();
    for (String line : Files.readAllLines(p)) {
      if (line.isBlank()) continue;
      out.add(new Sim(Instant.parse(str(line, "arrivedAt")).toEpochMilli(), str(line, "model"),
          "true".equals(raw(line, "stream")), num(line, "ttftMs"), num(line, "totalMs"), (int) num(line, "promptTokens"),
          (int) num(line, "completionTokens"), str(line, "outcome")));
    }
    return out;
  }

  static List<Sample> readSamples(Path p) throws IOException {
    List<Sample> out = new ArrayList<>();
    if (!Files.exists(p)) return out;
    List<String> lines = Files.readAllLines(p);
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      String[] f = line.split(",");
      if (f.length < 6) continue;
      boolean machine = f.length >= 9;
      out.add(new Sample(Long.parseLong(f[0]), (long) d(f[1]), (long) d(f[2]), (long) d(f[3]), (long) d(f[4]), d(f[5]),
          machine ? (long) d(f[6]) : -1, machine ? (long) d(f[7]) : -1, machine ? (long) d(f[8]) : -1));
    }
    return out;
  }

  static String raw(String json, String key) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*(\"[^\"]*\"|[-0-9.eE+]+|true|false|null)").matcher(json);
    return m.find() ? m.group(1) : null;
  }

  static String str(String json, String key) {
    String r = raw(json, key);
    return r == null ? "" : r.replaceAll("^\"|\"$", "");
  }

  static double num(String json, String key) {
    String r = raw(json, key);
    try {
      return r == null ? 0 : Double.parseDouble(r.replace("\"", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
