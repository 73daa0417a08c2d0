package concierge.cli;

import concierge.cache.CacheConfig;
import concierge.cache.CachePairEvaluation;
import concierge.cache.CachePairEvaluation.Outcome;
import concierge.cache.CachePairEvaluation.Report;
import concierge.embedding.Embedder;
import concierge.embedding.EmbeddingConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code concierge bench cache-pairs}: how the answer cache does on labelled question pairs.
 * Exits 1 when any pair that needs different answers got a hit.
 */
@Command(name = "cache-pairs", mixinStandardHelpOptions = true,
    description = "Score the answer cache on question pairs: recall on sameAnswer:true, wrong hits on sameAnswer:false.")
public final class CacheBenchCommand implements Callable<Integer> {

  private static final List<Path> PROJECT_PAIRS = List.of(Path.of("src/test/resources/cache/pairs.jsonl"),
      Path.of("src/test/resources/eval/dev-cache-pairs.jsonl"), Path.of("src/test/resources/cache/more-pairs.jsonl"));

  @Mixin
  ConfigOption config;

  @Option(names = "--pairs", arity = "1..*", paramLabel = "FILE",
      description = "JSONL files of {id, first, second, sameAnswer} (default: the project's pair files that exist here)")
  List<Path> files;

  @Option(names = "--threshold", description = "similarity threshold (default: cache.similarity-threshold)")
  Double threshold;

  @Override
  public Integer call() throws Exception {
    JsonObject settings = loadSettings();
    CacheConfig cache = CacheConfig.from(settings);
    if (threshold != null) {
      cache = cache.withThreshold(threshold);
    }
    List<Path> inputs = files != null ? files : PROJECT_PAIRS.stream().filter(Files::exists).toList();
    if (inputs.isEmpty()) {
      System.err.println("no pair files: give --pairs FILE...");
      return 2;
    }
    String model = EmbeddingConfig.from(settings).model();
    System.out.printf(Locale.ROOT, "cache pairs: threshold %.2f, embeddings %s%n", cache.similarityThreshold(), model);
    CachePairEvaluation evaluation = new CachePairEvaluation(new Embedder(model, 5000), cache);
    long wrong = 0;
    for (Path file : inputs) {
      Report report = evaluation.evaluate(file.toString(), CachePairEvaluation.read(file));
      print(report);
      wrong += report.wrongHits().size();
    }
    return wrong == 0 ? 0 : 1;
  }

  private JsonObject loadSettings() {
    Vertx vertx = Vertx.vertx();
    try {
      return config.load(vertx);
    } finally {
      vertx.close();
    }
  }

  private static void print(Report report) {
    System.out.printf(Locale.ROOT, "%n%s: %d pairs; recall %d/%d = %.1f%% on sameAnswer:true; wrong hits %d/%d on sameAnswer:false%n",
        report.name(), report.outcomes().size(), report.hitsOnSameAnswer(), report.sameAnswerPairs(),
        100 * report.recall(), report.wrongHits().size(), report.differentAnswerPairs());
    List<Outcome> listed = new ArrayList<>(report.wrongHits());
    listed.addAll(report.misses());
    for (Outcome outcome : listed) {
      System.out.printf(Locale.ROOT, "  %-9s %-6s %.3f %-16s %s | %s%n", outcome.wrongHit() ? "WRONG HIT" : "miss",
          outcome.pair().id(), outcome.similarity(), outcome.wrongHit() ? outcome.level() : outcome.refusal(),
          outcome.pair().first(), outcome.pair().second());
    }
  }
}
