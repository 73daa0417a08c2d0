package concierge.cache;

import concierge.cache.CachePairEvaluation.Outcome;
import concierge.cache.CachePairEvaluation.Report;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache evaluation over the committed pair files, with the configured threshold and the
 * real embedding model (as {@code concierge bench cache-pairs} runs it): no wrong hit anywhere,
 * and recall of at least 80% on the project's pairs and the dev pairs.
 */
class CachePairsTest {

  private static final Logger LOG = LoggerFactory.getLogger(CachePairsTest.class);

  @ParameterizedTest(name = "{0}")
  @CsvSource({"src/test/resources/cache/pairs.jsonl, 0.80", "src/test/resources/eval/dev-cache-pairs.jsonl, 0.80",
      "src/test/resources/cache/more-pairs.jsonl, 0.60"})
  @DisplayName("no pair that needs different answers is a hit, and paraphrases are found")
  void pairs(String file, double minimumRecall) throws Exception {
    CachePairEvaluation evaluation = new CachePairEvaluation(Embeddings.embedder(), CacheConfig.defaults());
    Report report = evaluation.evaluate(file, CachePairEvaluation.read(Path.of(file)));
    LOG.info(String.format(Locale.ROOT, "%s: %d pairs, threshold %.2f, recall %d/%d = %.1f%%, wrong hits %d/%d",
        file, report.outcomes().size(), report.threshold(), report.hitsOnSameAnswer(), report.sameAnswerPairs(),
        100 * report.recall(), report.wrongHits().size(), report.differentAnswerPairs()));
    report.misses().forEach(miss -> LOG.info("  miss {} {}: {} | {}", miss.pair().id(), miss.refusal(),
        miss.pair().first(), miss.pair().second()));
    assertThat(report.wrongHits()).extracting(Outcome::pair).isEmpty();
    assertThat(report.recall()).isGreaterThanOrEqualTo(minimumRecall);
  }
}
