package concierge.cache;

import concierge.embedding.Vectors;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The semantic level with the real embedding model: what it finds, and what the guard refuses that similarity alone would give. */
class SemanticLookupTest {

  private static final String VERSION = "kb-1";
  private static final String SETTINGS = "embedded";
  private static final String INTENT = "policy_question";

  private final CacheConfig config = CacheConfig.defaults();

  private AnswerCache cacheWith(String question, String answer) {
    AnswerCache cache = new AnswerCache(config);
    assertThat(cache.store(question, Embeddings.of(question), INTENT, VERSION, SETTINGS, answer, new JsonArray(),
        new JsonObject().put("promptTokens", 812).put("completionTokens", 64))).isTrue();
    return cache;
  }

  @Test
  @DisplayName("a paraphrase is a semantic hit carrying the stored answer, its usage and the similarity")
  void paraphraseHits() {
    AnswerCache cache = cacheWith("does the clearflow filter remove viruses",
        "No: the ClearFlow Squeeze removes bacteria and protozoa, not viruses.");
    String paraphrase = "will the clearflow squeeze filter get rid of viruses";
    assertThat(cache.lookupExact(paraphrase, VERSION, SETTINGS).result()).isNull();
    cache.release(paraphrase, VERSION, SETTINGS);
    CachedAnswer hit = cache.lookupSimilar(paraphrase, Embeddings.of(paraphrase), INTENT, VERSION, SETTINGS);
    assertThat(hit).isNotNull();
    assertThat(hit.level()).isEqualTo(CachedAnswer.SEMANTIC);
    assertThat(hit.answer()).startsWith("No: the ClearFlow Squeeze");
    assertThat(hit.similarity()).isGreaterThanOrEqualTo(config.similarityThreshold()).isLessThan(1.0);
    assertThat(hit.usage().getInteger("promptTokens")).isEqualTo(812);
    assertThat(cache.stats().hitsSemantic()).isEqualTo(1);
  }

  @Test
  @DisplayName("countries of one shipping zone share an answer")
  void sameZoneHits() {
    AnswerCache cache = cacheWith("do you ship to the uk", "Yes: 7-14 business days, flat $29.99, duties paid on delivery.");
    String other = "do you ship to australia";
    assertThat(cache.lookupSimilar(other, Embeddings.of(other), INTENT, VERSION, SETTINGS)).isNotNull();
  }

  @ParameterizedTest(name = "{2}: {0} | {1}")
  @CsvSource(delimiter = '|', value = {
      "how much is the lumen 400 | how much is the lumen 900 | entity",
      "can I return an opened fuel canister | can I return an unopened fuel canister | negation",
      "what's your cheapest tent | what's your most expensive tent | comparison",
      "do members pay for return shipping | do non-members pay for return shipping | group",
      "how long do I have to report a damaged package | how long do I have to report a lost package | topic"})
  @DisplayName("a near-miss above the similarity threshold is refused by the guard, and counted by reason")
  void nearMissRefused(String stored, String asked, String reason) {
    AnswerCache cache = cacheWith(stored, "the answer to: " + stored);
    float[] vector = Embeddings.of(asked);
    assertThat(Vectors.cosine(vector, Embeddings.of(stored)))
        .as("close enough that similarity alone would answer it").isGreaterThanOrEqualTo(config.similarityThreshold());
    assertThat(cache.lookupSimilar(asked, vector, INTENT, VERSION, SETTINGS)).isNull();
    assertThat(cache.stats().refusals()).containsEntry(reason, 1L);
    assertThat(cache.stats().missesSemantic()).isEqualTo(1);
  }

  @Test
  @DisplayName("when the most similar answer is refused, a less similar one that asks the same thing is found")
  void bestAcceptedCandidateWins() {
    AnswerCache cache = cacheWith("how much is the lumen 400", "The Lumen 400 is $49.");
    String lumen900 = "what does the lumen 900 cost";
    cache.store(lumen900, Embeddings.of(lumen900), INTENT, VERSION, SETTINGS, "The Lumen 900 is $89.", new JsonArray(),
        new JsonObject());
    String asked = "how much is the lumen 900";
    CachedAnswer hit = cache.lookupSimilar(asked, Embeddings.of(asked), INTENT, VERSION, SETTINGS);
    assertThat(hit).isNotNull();
    assertThat(hit.answer()).isEqualTo("The Lumen 900 is $89.");
  }
}
