package concierge.cli;

import concierge.ConciergeServer;
import concierge.agent.AgentVerticle;
import concierge.agent.ChatService;
import concierge.bench.HitCheck;
import concierge.bench.Load;
import concierge.bench.ReplayTally;
import concierge.bench.ReplayWorkload;
import concierge.cost.Pricing;
import concierge.generation.GenerationVerticle;
import concierge.llmsim.LlmSimOptions;
import concierge.llmsim.LlmSimulator;
import concierge.llmsim.RequestRecord;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code concierge bench replay}: the replay workload through the agent (over the bus, in order,
 * one turn at a time) with the answer cache on. Prints the hit rate (exact, semantic), the wrong
 * hits (each hit's answer against a fresh uncached answer to the same question, embedded
 * generator), and the cost per 1,000 turns with and without the cache: the workload is replayed
 * twice more against the LLM simulator (the generation model's usage, tokens counted with
 * cl100k_base) and the calls are priced from {@code prices:} for each model class.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay a workload with realistic repetition: cache hit rate, wrong hits, cost per 1,000 turns.")
public final class ReplayBenchCommand implements Callable<Integer> {

  private static final java.util.Set<String> KNOWLEDGE = java.util.Set.of("policy_question", "product_question",
      "return_request");

  @Mixin
  ConfigOption config;

  @Option(names = "--workload", description = "JSONL workload (default: the bundled bench/replay-workload.jsonl)")
  Path workloadFile;

  @Option(names = "--turns", description = "replay only the first N turns (default: all)")
  Integer limit;

  @Option(names = "--models", split = ",", defaultValue = "gpt-4o-mini,gpt-4",
      description = "generation model classes to price (default: ${DEFAULT-VALUE})")
  List<String> models;

  @Option(names = "--no-cost", description = "skip the two LLM-simulator replays (hit rate and wrong hits only)")
  boolean noCost;

  @Option(names = "--sim-speed", defaultValue = "0.01", description = "LLM simulator speed factor (default: ${DEFAULT-VALUE})")
  double simSpeed;

  @Option(names = "--dump", description = "write every turn of the cached replay here (JSONL)")
  Path dump;

  @Option(names = "--show", description = "list every hit whose answer differs from the fresh answer")
  boolean show;

  @Override
  public Integer call() throws Exception {
    List<ReplayWorkload.Turn> workload = ReplayWorkload.read(workloadFile);
    if (limit != null) {
      workload = workload.subList(0, Math.min(limit, workload.size()));
    }
    Vertx vertx = ConciergeServer.newVertx();
    JsonObject settings = config.load(vertx);
    settings.getJsonObject("http").put("port", 0);
    settings.getJsonObject("llm").put("url", "");
    settings.put("generation", settings.getJsonObject("generation", new JsonObject()).put("provider", "embedded"));
    settings.put("cache", settings.getJsonObject("cache", new JsonObject()).put("enabled", true));
    try (ConciergeServer server = ConciergeServer.start(vertx, settings)) {
      ChatService chat = new ChatService(vertx, 120_000);
      System.out.printf(Locale.ROOT, "replay: %d turns (%d asked once), in order, one at a time%n", workload.size(),
          workload.stream().filter(t -> ReplayWorkload.TAIL.equals(t.topic())).count());
      List<JsonObject> cached = replay(vertx, chat, workload, 1);
      ReplayTally tally = ReplayTally.of(workload, cached);
      if (dump != null) {
        writeDump(workload, cached);
      }
      printHits("embedded generator, cache on", tally);
      redeployAgent(server, cacheEnabled(false));
      int wrong = checkHits(vertx, chat, workload, cached);
      if (!noCost) {
        cost(server, chat, workload, new Pricing(settings));
      }
      return wrong == 0 && tally.failures() == 0 ? 0 : 1;
    }
  }

  static List<JsonObject> replay(Vertx vertx, ChatService chat, List<ReplayWorkload.Turn> workload, int callers) {
    List<JsonObject> replies = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(workload.size(), null)));
    Load.closed(vertx, callers, workload.size(), i -> chat.chat(new JsonObject().put("message", workload.get(i).message()))
        .onSuccess(reply -> replies.set(i, reply)));
    return replies;
  }

  private static void printHits(String label, ReplayTally tally) {
    System.out.printf(Locale.ROOT, "== %s%n", label);
    System.out.printf(Locale.ROOT, "hit rate %.1f%% (%d/%d): exact %.1f%% (%d), semantic %.1f%% (%d); misses %d; failures %d%n",
        100 * tally.rate(tally.hits()), tally.hits(), tally.turns(), 100 * tally.rate(tally.exact()), tally.exact(),
        100 * tally.rate(tally.semantic()), tally.semantic(), tally.misses(), tally.failures());
    System.out.printf(Locale.ROOT, "questions asked once: %d turns, %d hits; turns by intent %s%n", tally.tailTurns(),
        tally.tailHits(), tally.byIntent());
  }

  /** Each hit's answer against a fresh answer to the same question with the cache off. */
  private int checkHits(Vertx vertx, ChatService chat, List<ReplayWorkload.Turn> workload, List<JsonObject> cached) {
    Map<String, String> firstTopic = new HashMap<>();
    List<Integer> hits = new ArrayList<>();
    for (int i = 0; i < workload.size(); i++) {
      JsonObject reply = cached.get(i);
      if (reply != null && "miss".equals(reply.getString("cache"))) {
        firstTopic.putIfAbsent(reply.getString("answer"), workload.get(i).topic());
      } else if (reply != null) {
        hits.add(i);
      }
    }
    List<ReplayWorkload.Turn> questions = hits.stream().map(workload::get).toList();
    List<JsonObject> fresh = replay(vertx, chat, questions, 4);
    Map<HitCheck.Verdict, Integer> verdicts = new java.util.EnumMap<>(HitCheck.Verdict.class);
    int otherTopic = 0;
    for (int h = 0; h < hits.size(); h++) {
      ReplayWorkload.Turn turn = questions.get(h);
      JsonObject hit = cached.get(hits.get(h));
      String answer = hit.getString("answer");
      JsonObject again = fresh.get(h) == null ? new JsonObject().put("answer", "") : fresh.get(h);
      boolean knowledge = KNOWLEDGE.contains(again.getJsonObject("intent", new JsonObject()).getString("name"));
      HitCheck.Verdict verdict = HitCheck.judge(answer, again.getString("answer"), knowledge);
      verdicts.merge(verdict, 1, Integer::sum);
      boolean sameTopic = turn.topic().equals(firstTopic.get(answer)) && !ReplayWorkload.TAIL.equals(turn.topic());
      otherTopic += sameTopic ? 0 : 1;
      if (show && verdict != HitCheck.Verdict.SAME || verdict == HitCheck.Verdict.WRONG) {
        System.out.printf(Locale.ROOT, "  %s %s turn %d [%s, first given for %s] %s%n    cached: %s%n    fresh:  %s%n",
            verdict, hit.getString("cache"), turn.index(), turn.topic(), firstTopic.get(answer), turn.message(), answer,
            again.getString("answer"));
      }
    }
    int wrong = verdicts.getOrDefault(HitCheck.Verdict.WRONG, 0);
    System.out.printf(Locale.ROOT, "wrong hits: %d of %d hits; verdicts %s; hits answered with another topic's answer %d%n",
        wrong, hits.size(), verdicts, otherTopic);
    return wrong;
  }

  /**
   * The workload again against the LLM simulator, with and without the cache. Every call the
   * simulator served is priced: generation calls at each model class's prices, intent calls (the
   * small model asked when the classifier is unsure) at the intent model's.
   */
  private void cost(ConciergeServer server, ChatService chat, List<ReplayWorkload.Turn> workload, Pricing pricing) {
    Vertx vertx = server.vertx();
    String generationModel = models.get(models.size() - 1);
    LlmSimulator simulator = LlmSimulator.start(vertx, LlmSimOptions.defaults().withSeed(42L).withSpeed(simSpeed)
        .withKeptRecords(1_000_000)).await();
    JsonObject llm = new JsonObject().put("llm", new JsonObject().put("url", simulator.baseUrl())
        .put("model", generationModel)).put("generation", new JsonObject().put("provider", "openai"));
    server.undeploy("GenerationVerticle");
    server.deploy("GenerationVerticle", new GenerationVerticle(), llm);
    redeployAgent(server, llm.copy().mergeIn(cacheEnabled(true), true));
    List<JsonObject> withCache = replay(vertx, chat, workload, 1);
    List<RequestRecord> cachedCalls = List.copyOf(simulator.requests());
    printHits("LLM simulator (" + generationModel + "), cache on", ReplayTally.of(workload, withCache));
    redeployAgent(server, llm.copy().mergeIn(cacheEnabled(false), true));
    List<JsonObject> without = replay(vertx, chat, workload, 8);
    List<RequestRecord> all = simulator.requests();
    List<RequestRecord> uncachedCalls = all.subList(cachedCalls.size(), all.size());
    System.out.printf(Locale.ROOT, "LLM simulator, cache off: %d turns, %d failures%n", workload.size(),
        without.stream().filter(r -> r == null).count());
    ReplayCost with = ReplayCost.of(cachedCalls, generationModel);
    ReplayCost plain = ReplayCost.of(uncachedCalls, generationModel);
    System.out.printf(Locale.ROOT, "calls: cache on %s; cache off %s%n", with.describe(), plain.describe());
    System.out.println("cost per 1,000 turns (generation model class: cache off -> cache on; intent calls included)");
    for (String model : models) {
      System.out.printf(Locale.ROOT, "  %-12s $%8.4f -> $%8.4f%n", model, plain.per1000(pricing, model, workload.size()),
          with.per1000(pricing, model, workload.size()));
    }
    simulator.close().await();
  }

  private void writeDump(List<ReplayWorkload.Turn> workload, List<JsonObject> replies) throws java.io.IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < workload.size(); i++) {
      JsonObject reply = replies.get(i) == null ? new JsonObject() : replies.get(i);
      lines.append(workload.get(i).toJson().put("cache", reply.getString("cache"))
          .put("intent", reply.getJsonObject("intent", new JsonObject()).getString("name"))
          .put("answer", reply.getString("answer")).encode()).append('\n');
    }
    java.nio.file.Files.writeString(dump, lines);
  }

  private static JsonObject cacheEnabled(boolean enabled) {
    return new JsonObject().put("cache", new JsonObject().put("enabled", enabled));
  }

  private static void redeployAgent(ConciergeServer server, JsonObject overrides) {
    server.undeploy("AgentVerticle");
    server.deploy("AgentVerticle", new AgentVerticle(), overrides);
  }
}
