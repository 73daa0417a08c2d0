package concierge.cli;

import concierge.Addresses;
import concierge.ConciergeServer;
import concierge.agent.ChatService;
import concierge.eval.AnswerJudge;
import concierge.eval.EvalReport;
import concierge.eval.Evaluation;
import concierge.eval.LabeledLine;
import concierge.knowledge.KnowledgeConfig;
import concierge.knowledge.KnowledgeDocument;
import concierge.knowledge.KnowledgeSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code concierge eval}: scores the agent on a labeled JSONL set (and cache pairs) with a fresh
 * server and the demo data, in this process or against {@code --url}; writes JSON or Markdown
 * reports; exits 1 when a bar of the eval.* settings is missed.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Score intent, facts, leaks and the cache on labeled data.")
public final class EvalCommand implements Callable<Integer> {

  @Mixin
  ConfigOption config;

  @Option(names = "--messages", required = true, description = "labeled messages (JSONL)")
  Path messages;

  @Option(names = "--pairs", description = "cache pairs (JSONL)")
  List<Path> pairs = new ArrayList<>();

  @Option(names = "--report", description = "write the report here (.json or .md); repeatable")
  List<Path> reports = new ArrayList<>();

  @Option(names = "--url", description = "evaluate a running server instead of one started here")
  String url;

  @Option(names = "--judge", description = "also grade every answer with the configured LLM against the shop's facts")
  boolean judge;

  @Override
  public Integer call() throws Exception {
    Vertx vertx = ConciergeServer.newVertx();
    JsonObject settings = config.load(vertx);
    ConciergeServer server = null;
    Evaluation evaluation;
    if (url == null) {
      settings.getJsonObject("http").put("port", 0);
      settings.put("data-dir", Files.createTempDirectory("concierge-eval-").toString());
      server = ConciergeServer.start(vertx, settings);
      ChatService chat = new ChatService(vertx, 120_000);
      evaluation = new Evaluation(chat::chat, () -> vertx.eventBus().request(Addresses.CACHE, new JsonObject(),
          new DeliveryOptions().addHeader("action", "clear")).recover(f -> Future.succeededFuture()));
    } else {
      URI uri = URI.create(url);
      WebClient web = WebClient.create(vertx);
      evaluation = new Evaluation(
          request -> web.post(uri.getPort(), uri.getHost(), "/v1/chat").sendJsonObject(request)
              .compose(r -> r.statusCode() == 200 ? Future.succeededFuture(r.bodyAsJsonObject())
                  : Future.failedFuture(r.bodyAsString())),
          () -> web.post(uri.getPort(), uri.getHost(), "/admin/cache/clear").send().recover(f -> Future.succeededFuture()));
    }
    try {
      if (judge) {
        String facts = vertx.executeBlocking(() -> shopFacts(settings)).await();
        evaluation.judgedBy(new AnswerJudge(vertx, settings, facts));
      }
      EvalReport report = new EvalReport();
      evaluation.messages(lines(messages).stream().map(LabeledLine::from).toList(), report);
      for (Path file : pairs) {
        evaluation.pairs(lines(file), report);
      }
      for (Path out : reports) {
        String text = out.toString().endsWith(".md") ? report.toMarkdown("Evaluation of " + messages.getFileName()
            + (pairs.isEmpty() ? "" : " and " + pairs.stream().map(p -> p.getFileName().toString()).toList()))
            : report.toJson().encodePrettily();
        if (out.getParent() != null) {
          Files.createDirectories(out.getParent());
        }
        Files.writeString(out, text, StandardCharsets.UTF_8);
      }
      return verdict(report, settings.getJsonObject("eval", new JsonObject()));
    } finally {
      if (server != null) {
        server.close();
      } else {
        vertx.close().await();
      }
    }
  }

  private static int verdict(EvalReport report, JsonObject bars) {
    System.out.printf("intent accuracy %.1f%%, fact accuracy %.1f%%, leaks %d, cache recall %.1f%%, wrong cache hits %d%n",
        100 * report.intentAccuracy(), 100 * report.factAccuracy(), report.leakCount(), 100 * report.cacheRecall(),
        report.wrongHitCount());
    List<String> missed = new ArrayList<>();
    if (report.intentAccuracy() < bars.getDouble("min-intent-accuracy", 0.95)) {
      missed.add("intent accuracy");
    }
    if (report.factAccuracy() < bars.getDouble("min-fact-accuracy", 0.95)) {
      missed.add("fact accuracy");
    }
    if (report.leakCount() > bars.getInteger("max-leaks", 0)) {
      missed.add("leaks");
    }
    if (report.wrongHitCount() > bars.getInteger("max-wrong-cache-hits", 0)) {
      missed.add("wrong cache hits");
    }
    if (!missed.isEmpty()) {
      System.out.println("bars missed: " + missed);
      return 1;
    }
    System.out.println("all bars met");
    return 0;
  }

  /** The knowledge base's policies and products: the shop's facts as the agent knows them. */
  private static String shopFacts(JsonObject settings) {
    return new KnowledgeSource(KnowledgeConfig.from(settings).dir()).documents().stream()
        .filter(d -> d.path().startsWith("policies/") || d.path().startsWith("products/"))
        .map(KnowledgeDocument::text).collect(java.util.stream.Collectors.joining("\n\n"));
  }

  private static List<JsonObject> lines(Path file) throws Exception {
    List<JsonObject> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        lines.add(new JsonObject(line));
      }
    }
    return lines;
  }
}
