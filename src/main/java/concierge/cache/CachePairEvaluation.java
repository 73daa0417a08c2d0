package concierge.cache;

import concierge.embedding.Embedder;
import concierge.embedding.Vectors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores the cache on labelled question pairs: for each pair, an empty cache stores {@code first}
 * (with its real embedding, under one intent, version and settings key) and is asked for
 * {@code second}, exact level first, as a turn would. A hit on a pair whose answers differ is a
 * wrong hit; a miss on a pair that shares its answer lowers recall.
 */
public final class CachePairEvaluation {

  private static final String INTENT = "policy_question";
  private static final String VERSION = "eval";
  private static final String SETTINGS = "eval";

  /** One labelled pair: may {@code second} be given the answer stored for {@code first}? */
  public record Pair(String id, String first, String second, boolean sameAnswer) {
  }

  /** What the cache did with a pair: the level of the hit (null for a miss), the cosine, and why it refused. */
  public record Outcome(Pair pair, String level, double similarity, String refusal) {

    public boolean hit() {
      return level != null;
    }

    public boolean wrongHit() {
      return hit() && !pair.sameAnswer();
    }

    public boolean missed() {
      return !hit() && pair.sameAnswer();
    }
  }

  /** The outcomes of one file. */
  public record Report(String name, double threshold, List<Outcome> outcomes) {

    public long sameAnswerPairs() {
      return outcomes.stream().filter(o -> o.pair().sameAnswer()).count();
    }

    public long hitsOnSameAnswer() {
      return outcomes.stream().filter(o -> o.pair().sameAnswer() && o.hit()).count();
    }

    public double recall() {
      return sameAnswerPairs() == 0 ? 1 : (double) hitsOnSameAnswer() / sameAnswerPairs();
    }

    public long differentAnswerPairs() {
      return outcomes.size() - sameAnswerPairs();
    }

    public List<Outcome> wrongHits() {
      return outcomes.stream().filter(Outcome::wrongHit).toList();
    }

    public List<Outcome> misses() {
      return outcomes.stream().filter(Outcome::missed).toList();
    }
  }

  private final Embedder embedder;
  private final CacheConfig config;
  private final MeaningGuard guard = new MeaningGuard();

  public CachePairEvaluation(Embedder embedder, CacheConfig config) {
    this.embedder = embedder;
    this.config = config;
  }

  /** Reads a JSONL file of {@code {"id", "first", "second", "sameAnswer"}}. */
  public static List<Pair> read(Path file) throws IOException {
    List<Pair> pairs = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        JsonObject json = new JsonObject(line);
        pairs.add(new Pair(json.getString("id"), json.getString("first"), json.getString("second"),
            json.getBoolean("sameAnswer")));
      }
    }
    return pairs;
  }

  /** Blocking (the embedding model runs here): call it from a CLI or a test, not an event loop. */
  public Report evaluate(String name, List<Pair> pairs) {
    List<String> texts = new ArrayList<>();
    pairs.forEach(pair -> {
      texts.add(pair.first());
      texts.add(pair.second());
    });
    List<float[]> vectors = embedder.embed(texts);
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      outcomes.add(evaluate(pairs.get(i), vectors.get(2 * i), vectors.get(2 * i + 1)));
    }
    return new Report(name, config.similarityThreshold(), outcomes);
  }

  private Outcome evaluate(Pair pair, float[] first, float[] second) {
    AnswerCache cache = new AnswerCache(config, guard, System::currentTimeMillis);
    cache.store(pair.first(), first, INTENT, VERSION, SETTINGS, "the answer to: " + pair.first(), new JsonArray(),
        new JsonObject());
    Future<CachedAnswer> exact = cache.lookupExact(pair.second(), VERSION, SETTINGS);
    CachedAnswer hit = exact.isComplete() ? exact.result() : null;
    if (hit == null) {
      cache.release(pair.second(), VERSION, SETTINGS);
      hit = cache.lookupSimilar(pair.second(), second, INTENT, VERSION, SETTINGS);
    }
    double similarity = Vectors.cosine(first, second);
    return new Outcome(pair, hit == null ? null : hit.level(), similarity, hit == null ? why(pair, similarity) : null);
  }

  private String why(Pair pair, double similarity) {
    String uncacheable = MeaningGuard.uncacheable(pair.first(), QuestionText.normalize(pair.first()));
    if (uncacheable == null) {
      uncacheable = MeaningGuard.uncacheable(pair.second(), QuestionText.normalize(pair.second()));
    }
    if (uncacheable != null) {
      return uncacheable;
    }
    MeaningGuard.Reason reason = guard.compare(guard.read(pair.second()), guard.read(pair.first()));
    if (reason != null) {
      return reason.key();
    }
    return similarity < config.similarityThreshold() ? "below threshold" : "refused";
  }
}
