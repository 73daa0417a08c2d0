package concierge.cache;

import concierge.embedding.Vectors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerCacheTest {

  private static final String V1 = "kb-v1";
  private static final String V2 = "kb-v2";
  private static final String SETTINGS = "embedded/extractive/default";
  private static final String INTENT = "policy_question";

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final Random random = new Random(42);

  private AnswerCache cache(CacheConfig config) {
    return new AnswerCache(config, new MeaningGuard(), now::get);
  }

  private AnswerCache cache() {
    return cache(CacheConfig.defaults());
  }

  private float[] randomVector() {
    float[] v = new float[384];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return Vectors.normalize(v);
  }

  private static boolean store(AnswerCache cache, String message, float[] vector, String version, String answer) {
    return cache.store(message, vector, INTENT, version, SETTINGS, answer,
        new JsonArray().add(new JsonObject().put("id", "returns#1")), new JsonObject().put("costUsd", 0.0021));
  }

  private static CachedAnswer exact(AnswerCache cache, String message, String version) {
    Future<CachedAnswer> lookup = cache.lookupExact(message, version, SETTINGS);
    assertThat(lookup.isComplete()).as("an exact lookup with no generation in flight answers at once").isTrue();
    return lookup.result();
  }

  @Test
  @DisplayName("an exact hit ignores case, spacing, punctuation and compatibility forms, and needs no vector")
  void exactHitOnVariants() {
    AnswerCache cache = cache();
    store(cache, "Can I return an opened fuel canister?", randomVector(), V1, "No: opened fuel canisters are final sale.");
    for (String variant : new String[] {"can i return an opened fuel canister", "  CAN I RETURN   an opened fuel canister!!",
        "ｃａｎ I return an opened fuel canister", "Can\u00a0I return an opened fuel canister ?"}) {
      CachedAnswer hit = exact(cache, variant, V1);
      assertThat(hit).as(variant).isNotNull();
      assertThat(hit.level()).isEqualTo(CachedAnswer.EXACT);
      assertThat(hit.answer()).isEqualTo("No: opened fuel canisters are final sale.");
      assertThat(hit.intent()).isEqualTo(INTENT);
      assertThat(hit.usage().getDouble("costUsd")).isEqualTo(0.0021);
      assertThat(hit.sources().getJsonObject(0).getString("id")).isEqualTo("returns#1");
    }
    assertThat(exact(cache, "can I return an unopened fuel canister", V1)).isNull();
    cache.release("can I return an unopened fuel canister", V1, SETTINGS);
    assertThat(cache.stats().hitsExact()).isEqualTo(4);
  }

  @Test
  @DisplayName("answers are kept apart by settings key and by intent")
  void settingsAndIntentSeparate() {
    AnswerCache cache = cache();
    float[] vector = randomVector();
    store(cache, "how long do I have to return something", vector, V1, "30 days.");
    assertThat(cache.lookupExact("how long do I have to return something", V1, "openai/gpt-4o/warm").result()).isNull();
    assertThat(cache.lookupSimilar("how long do I have to return something", vector, INTENT, V1, "openai/gpt-4o/warm"))
        .isNull();
    assertThat(cache.lookupSimilar("how long do I have to return something", vector, "product_question", V1, SETTINGS))
        .isNull();
    assertThat(cache.lookupSimilar("how long do I have to return something", vector, INTENT, V1, SETTINGS)).isNotNull();
  }

  @Test
  @DisplayName("a new knowledge-base version drops the old version's answers and refuses late stores for it")
  void versionChangeInvalidates() {
    AnswerCache cache = cache();
    float[] vector = randomVector();
    store(cache, "what is the return window", vector, V1, "30 days.");
    assertThat(exact(cache, "what is the return window", V1)).isNotNull();

    assertThat(exact(cache, "what is the return window", V2)).isNull();
    assertThat(cache.stats().entries()).isZero();
    assertThat(cache.stats().invalidations()).isEqualTo(1);
    assertThat(cache.lookupSimilar("what is the return window", vector, INTENT, V1, SETTINGS)).isNull();

    assertThat(store(cache, "what is the return window", vector, V1, "30 days.")).as("a stale version").isFalse();
    assertThat(cache.stats().refusals()).containsEntry("stale_version", 1L);
    assertThat(store(cache, "what is the return window", vector, V2, "30 days, 60 for members.")).isTrue();
    assertThat(exact(cache, "what is the return window", V2).answer()).isEqualTo("30 days, 60 for members.");
  }

  @Test
  @DisplayName("invalidateExcept drops every other version at once and keeps the named one")
  void invalidateExcept() {
    AnswerCache cache = cache();
    store(cache, "what is the return window", randomVector(), V1, "a");
    store(cache, "how long does a refund take", randomVector(), V1, "b");
    assertThat(cache.invalidateExcept(V2)).isEqualTo(2);
    store(cache, "do you ship to canada", randomVector(), V2, "c");
    assertThat(cache.invalidateExcept(V2)).isZero();
    assertThat(cache.stats().entries()).isEqualTo(1);
    assertThat(cache.clear()).isEqualTo(1);
    assertThat(cache.stats().entries()).isZero();
    assertThat(cache.stats().bytes()).isZero();
  }

  @Test
  @DisplayName("an answer past its TTL is neither an exact nor a semantic hit, and the purge drops it")
  void ttlExpiry() {
    CacheConfig config = new CacheConfig(true, 100, 1_000_000, 60_000, 0.62, 1000);
    AnswerCache cache = cache(config);
    float[] vector = randomVector();
    store(cache, "how long does a refund take", vector, V1, "5-7 business days.");
    store(cache, "how long does shipping take", randomVector(), V1, "3-5 business days.");
    now.addAndGet(59_999);
    assertThat(exact(cache, "how long does a refund take", V1)).isNotNull();
    now.addAndGet(1);
    assertThat(exact(cache, "how long does a refund take", V1)).isNull();
    cache.release("how long does a refund take", V1, SETTINGS);
    assertThat(cache.purgeExpired()).as("the other answer").isEqualTo(1);
    assertThat(cache.lookupSimilar("how long does a refund take", vector, INTENT, V1, SETTINGS)).isNull();
    assertThat(cache.stats().entries()).isZero();
    assertThat(cache.stats().expirations()).isEqualTo(2);
  }

  @Test
  @DisplayName("a flood of 10,000 distinct questions never takes entries or bytes above their limits")
  void floodStaysBounded() {
    for (CacheConfig config : List.of(new CacheConfig(true, 500, 64L << 20, 3_600_000, 0.62, 1000),
        new CacheConfig(true, 100_000, 600_000, 3_600_000, 0.62, 1000))) {
      AnswerCache cache = cache(config);
      float[] vector = randomVector();
      for (int i = 0; i < 10_000; i++) {
        String answer = "Answer number " + i + " ".repeat(i % 700);
        assertThat(store(cache, "question number " + i + " about tents", vector, V1, answer)).isTrue();
        CacheStats stats = cache.stats();
        assertThat(stats.entries()).isLessThanOrEqualTo(config.maxEntries());
        assertThat(stats.bytes()).isLessThanOrEqualTo(config.maxBytes()).isPositive();
      }
      CacheStats stats = cache.stats();
      assertThat(stats.evictions()).isEqualTo(10_000 - stats.entries());
      assertThat(exact(cache, "question number 9999 about tents", V1)).as("the newest stays").isNotNull();
      assertThat(exact(cache, "question number 0 about tents", V1)).as("the oldest went").isNull();
    }
  }

  @Test
  @DisplayName("eviction is least recently used: a hit keeps an old answer")
  void leastRecentlyUsed() {
    AnswerCache cache = cache(new CacheConfig(true, 3, 1_000_000, 3_600_000, 0.62, 1000));
    store(cache, "question a about tents", randomVector(), V1, "a");
    store(cache, "question b about tents", randomVector(), V1, "b");
    store(cache, "question c about tents", randomVector(), V1, "c");
    assertThat(exact(cache, "question a about tents", V1)).isNotNull();
    store(cache, "question d about tents", randomVector(), V1, "d");
    assertThat(exact(cache, "question a about tents", V1)).isNotNull();
    assertThat(exact(cache, "question b about tents", V1)).isNull();
  }

  @Test
  @DisplayName("an answer larger than the whole byte budget is refused, not stored")
  void tooLarge() {
    AnswerCache cache = cache(new CacheConfig(true, 10, 4_000, 3_600_000, 0.62, 1000));
    assertThat(store(cache, "what is the lifetime guarantee", randomVector(), V1, "x".repeat(5_000))).isFalse();
    assertThat(cache.stats().refusals()).containsEntry("too_large", 1L);
    assertThat(cache.stats().entries()).isZero();
  }

  @Test
  @DisplayName("follow-ups, personal messages and order intents are never stored, and miss without a leader")
  void uncacheableMessages() {
    AnswerCache cache = cache();
    assertThat(store(cache, "how much is it", randomVector(), V1, "$349.")).isFalse();
    assertThat(store(cache, "where is order AF-100234", randomVector(), V1, "Shipped by UPS.")).isFalse();
    assertThat(cache.store("where is my order", randomVector(), "order_status", V1, SETTINGS, "Shipped.",
        new JsonArray(), new JsonObject())).isFalse();
    assertThat(exact(cache, "how much is it", V1)).isNull();
    assertThat(exact(cache, "how much is it", V1)).as("no leader: a second caller does not wait").isNull();
    assertThat(cache.stats().inFlight()).isZero();
    assertThat(cache.stats().refusals().get("context")).isEqualTo(3);
    assertThat(cache.stats().refusals().get("personal")).isEqualTo(2);
  }

  @Test
  @DisplayName("identical misses wait for the first one's answer; a release or a timeout makes them miss")
  void coalescing() {
    CacheConfig config = new CacheConfig(true, 100, 1_000_000, 3_600_000, 0.62, 5_000);
    AnswerCache cache = cache(config);
    String question = "is return shipping free";
    assertThat(exact(cache, question, V1)).as("the leader misses").isNull();
    List<Future<CachedAnswer>> followers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      followers.add(cache.lookupExact(i % 2 == 0 ? question : "Is return shipping FREE?", V1, SETTINGS));
    }
    assertThat(followers).noneMatch(Future::isComplete);
    store(cache, question, randomVector(), V1, "Free for members; otherwise $6.95.");
    assertThat(followers).allSatisfy(f -> {
      assertThat(f.result().answer()).isEqualTo("Free for members; otherwise $6.95.");
      assertThat(f.result().level()).as("they waited for it: not a stored answer when they asked")
          .isEqualTo(CachedAnswer.COALESCED);
    });
    assertThat(exact(cache, question, V1).level()).as("a later asker finds it stored").isEqualTo(CachedAnswer.EXACT);

    String other = "do you price match amazon";
    assertThat(exact(cache, other, V1)).isNull();
    Future<CachedAnswer> released = cache.lookupExact(other, V1, SETTINGS);
    cache.release(other, V1, SETTINGS);
    assertThat(released.result()).isNull();

    String slow = "do you price match rei";
    assertThat(exact(cache, slow, V1)).isNull();
    Future<CachedAnswer> waiting = cache.lookupExact(slow, V1, SETTINGS);
    now.addAndGet(5_000);
    assertThat(cache.expireLeaders()).isEqualTo(1);
    assertThat(waiting.result()).isNull();
    assertThat(exact(cache, slow, V1)).as("the next caller leads again").isNull();
    CacheStats stats = cache.stats();
    assertThat(stats.coalescedHits()).isEqualTo(5);
    assertThat(stats.coalescedMisses()).isEqualTo(2);
    assertThat(stats.leaderTimeouts()).isEqualTo(1);
    assertThat(stats.inFlight()).isEqualTo(1);
  }

  @Test
  @DisplayName("a similar question asked while the first is being answered waits for that answer; a different one does not")
  void similarQuestionsInFlightCoalesce() {
    AnswerCache cache = cache();
    String leader = "How long do refunds take?";
    String paraphrase = "how long does it take to get my refund";
    String other = "How long does shipping to Canada take?";
    float[] leaderVector = Embeddings.of(leader);
    assertThat(exact(cache, leader, V1)).as("the leader misses").isNull();
    assertThat(cache.lookupSimilar(leader, leaderVector, INTENT, V1, SETTINGS)).isNull();
    assertThat(cache.followSimilarInFlight(leader, leaderVector, INTENT, V1, SETTINGS, true).result())
        .as("nothing similar in flight: the leader goes on to generate").isNull();

    float[] paraphraseVector = Embeddings.of(paraphrase);
    assertThat(exact(cache, paraphrase, V1)).isNull();
    assertThat(cache.lookupSimilar(paraphrase, paraphraseVector, INTENT, V1, SETTINGS)).isNull();
    Future<CachedAnswer> follower = cache.followSimilarInFlight(paraphrase, paraphraseVector, INTENT, V1, SETTINGS, true);
    Future<CachedAnswer> otherBucket = cache.followSimilarInFlight(paraphrase, paraphraseVector, "product_question", V1,
        SETTINGS, true);
    assertThat(exact(cache, other, V1)).isNull();
    Future<CachedAnswer> different = cache.followSimilarInFlight(other, Embeddings.of(other), INTENT, V1, SETTINGS, true);
    assertThat(follower.isComplete()).as("the paraphrase waits for the answer under way").isFalse();
    assertThat(otherBucket.result()).as("another intent never waits").isNull();
    assertThat(different.result()).as("another question (shipping, not refunds) never waits").isNull();

    store(cache, leader, leaderVector, V1, "Refunds reach your card 5-10 business days after we receive the return.");
    assertThat(follower.result().answer()).startsWith("Refunds reach your card");
    assertThat(follower.result().level()).isEqualTo(CachedAnswer.COALESCED);
    assertThat(follower.result().similarity()).isGreaterThanOrEqualTo(CacheConfig.defaults().similarityThreshold());
  }

  @Test
  @DisplayName("an answer that may only be given again for the same words is not handed to a similar question waiting on it")
  void exactOnlyAnswerNotHandedToSimilar() {
    AnswerCache cache = cache();
    String leader = "How long do refunds take?";
    String paraphrase = "how long does it take to get my refund";
    float[] leaderVector = Embeddings.of(leader);
    assertThat(exact(cache, leader, V1)).isNull();
    cache.followSimilarInFlight(leader, leaderVector, INTENT, V1, SETTINGS, true);
    Future<CachedAnswer> sameWords = cache.lookupExact(leader, V1, SETTINGS);
    Future<CachedAnswer> similar = cache.followSimilarInFlight(paraphrase, Embeddings.of(paraphrase), INTENT, V1,
        SETTINGS, true);
    cache.store(leader, leaderVector, INTENT, V1, SETTINGS, "We're sorry. Refunds take 5-10 business days.",
        new JsonArray(), new JsonObject(), true, true);
    assertThat(sameWords.result().level()).isEqualTo(CachedAnswer.COALESCED);
    assertThat(similar.result()).isNull();
  }

  @Test
  @DisplayName("a first turn that reads like a follow-up is cached for other first turns only, never for a turn with history")
  void firstTurnsKeepTheirOwnAnswers() {
    AnswerCache cache = cache();
    float[] vector = randomVector();
    String message = "What if the price drops after I buy?";
    assertThat(store(cache, message, vector, V1, "Refused: it reads like a follow-up.")).isFalse();
    assertThat(cache.store(message, vector, INTENT, V1, SETTINGS, "Price drops within 14 days are refunded.",
        new JsonArray(), new JsonObject(), true, false)).isTrue();
    assertThat(cache.lookupExact("what if the price drops after i buy", V1, SETTINGS, true).result().answer())
        .isEqualTo("Price drops within 14 days are refunded.");
    assertThat(cache.lookupExact("what if the price drops after i buy", V1, SETTINGS, false).result())
        .as("the same words after an earlier turn may mean something else").isNull();
    assertThat(cache.lookupSimilar("What if the price drops after I buy??", vector, INTENT, V1, SETTINGS, false))
        .as("nor by similarity").isNull();
    assertThat(cache.lookupSimilar("What if the price drops after I buy??", vector, INTENT, V1, SETTINGS, true))
        .isNotNull();
  }

  @Test
  @DisplayName("an answer stored for its exact words only is found for the same words, never by similarity")
  void exactOnlyAnswers() {
    AnswerCache cache = cache();
    float[] vector = randomVector();
    assertThat(cache.store("My package arrived damaged, what should I do?", vector, INTENT, V1, SETTINGS,
        "I'm sorry it arrived damaged. Report it within 7 days with photos.", new JsonArray(), new JsonObject(), false,
        true)).isTrue();
    assertThat(exact(cache, "my package arrived damaged what should i do", V1)).isNotNull();
    assertThat(cache.lookupSimilar("My parcel arrived damaged, what should I do?", vector, INTENT, V1, SETTINGS))
        .as("the same vector, other words").isNull();
  }
}
