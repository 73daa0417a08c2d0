package concierge.cache;

import concierge.Addresses;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
@DisplayName("The cache verticle, through the event bus as a turn uses it")
class CacheVerticleTest {

  private static final long COALESCE_TIMEOUT_MS = 400;
  private static final String V1 = "kb-v1";
  private static final String SETTINGS = "embedded";
  private static final String INTENT = "policy_question";
  private static float[] returnVector;

  @BeforeAll
  static void embed() {
    returnVector = Embeddings.of("is return shipping free");
  }

  private static CacheService deploy(Vertx vertx, JsonObject cacheSettings) {
    JsonObject config = new JsonObject().put("cache", cacheSettings.put("coalesce-timeout-ms", COALESCE_TIMEOUT_MS));
    vertx.deployVerticle(new CacheVerticle(), new DeploymentOptions().setConfig(config)).await();
    return new CacheService(vertx, 2000, COALESCE_TIMEOUT_MS);
  }

  private static JsonObject answer(String text) {
    return new JsonObject().put("answer", text).put("sources", new JsonArray().add(new JsonObject().put("id", "returns#2")))
        .put("usage", new JsonObject().put("model", "gpt-4o-mini").put("promptTokens", 900).put("completionTokens", 80));
  }

  @Test
  @DisplayName("50 concurrent identical lookups make one leader, and the 49 followers get the leader's answer")
  void fiftyConcurrentLookupsCoalesce(Vertx vertx, VertxTestContext ctx) {
    CacheService cache = deploy(vertx, new JsonObject());
    String question = "Is return shipping free?";
    AtomicInteger leaders = new AtomicInteger();
    Promise<Void> leaderSeen = Promise.promise();
    List<Future<CachedAnswer>> lookups = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      lookups.add(cache.lookupExact(i % 2 == 0 ? question : "is RETURN shipping free", V1, SETTINGS)
          .onSuccess(hit -> {
            if (hit == null && leaders.incrementAndGet() == 1) {
              leaderSeen.complete();
            }
          }));
    }
    // the leader generates its answer; stored once all 50 lookups are on their way
    leaderSeen.future()
        .compose(v -> cache.store(question, returnVector, INTENT, V1, SETTINGS, answer("Free for members; otherwise $6.95.")))
        .compose(stored -> Future.all(lookups))
        .compose(all -> cache.stats()).onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
      assertThat(leaders.get()).isEqualTo(1);
      List<CachedAnswer> answers = lookups.stream().map(Future::result).filter(Objects::nonNull).toList();
      assertThat(answers).hasSize(49).allSatisfy(hit -> {
        assertThat(hit.answer()).isEqualTo("Free for members; otherwise $6.95.");
        assertThat(hit.level()).isIn(CachedAnswer.COALESCED, CachedAnswer.EXACT);
        assertThat(hit.intent()).isEqualTo(INTENT);
        assertThat(hit.usage().getInteger("promptTokens")).isEqualTo(900);
        assertThat(hit.sources().getJsonObject(0).getString("id")).isEqualTo("returns#2");
      });
      assertThat(stats.getJsonObject("hits").getLong("coalesced")).isEqualTo(49);
      assertThat(stats.getJsonObject("misses").getLong("exact")).isEqualTo(1);
      assertThat(stats.getInteger("inFlight")).isZero();
      assertThat(stats.getInteger("entries")).isEqualTo(1);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a leader that releases its question lets every follower miss")
  void releasedLeader(Vertx vertx, VertxTestContext ctx) {
    CacheService cache = deploy(vertx, new JsonObject());
    String question = "can I return a gift card";
    Promise<Void> leaderSeen = Promise.promise();
    List<Future<CachedAnswer>> lookups = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      lookups.add(cache.lookupExact(question, V1, SETTINGS).onSuccess(hit -> leaderSeen.tryComplete()));
    }
    leaderSeen.future()
        .compose(v -> cache.release(question, V1, SETTINGS))
        .compose(v -> Future.all(lookups))
        .compose(all -> cache.stats()).onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
      assertThat(lookups).allSatisfy(lookup -> assertThat(lookup.result()).isNull());
      assertThat(stats.getJsonObject("misses").getLong("coalesced")).isEqualTo(9);
      assertThat(stats.getInteger("inFlight")).isZero();
      assertThat(stats.getInteger("entries")).isZero();
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a leader that never comes back is released at the coalescing timeout")
  void leaderTimeout(Vertx vertx, VertxTestContext ctx) {
    CacheService cache = deploy(vertx, new JsonObject());
    String question = "do you price match amazon";
    long started = System.currentTimeMillis();
    cache.lookupExact(question, V1, SETTINGS)
        .compose(leader -> Future.all(cache.lookupExact(question, V1, SETTINGS), cache.lookupExact(question, V1, SETTINGS)))
        .compose(followers -> cache.stats().map(stats -> {
          ctx.verify(() -> {
            assertThat(followers.<CachedAnswer>resultAt(0)).isNull();
            assertThat(followers.<CachedAnswer>resultAt(1)).isNull();
            assertThat(System.currentTimeMillis() - started).isGreaterThanOrEqualTo(COALESCE_TIMEOUT_MS - 50);
            assertThat(stats.getLong("leaderTimeouts")).isEqualTo(1);
          });
          return stats;
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("a paraphrase is found at the semantic level; a near-miss is refused")
  void semanticThroughTheBus(Vertx vertx, VertxTestContext ctx) {
    CacheService cache = deploy(vertx, new JsonObject());
    String paraphrase = "do I have to pay to ship a return back to you";
    String nearMiss = "do non-members pay for return shipping";
    float[] paraphraseVector = Embeddings.of(paraphrase);
    float[] nearMissVector = Embeddings.of(nearMiss);
    cache.store("Is return shipping free?", returnVector, INTENT, V1, SETTINGS, answer("Free if defective; else $6.95."))
        .compose(stored -> cache.lookupSimilar(paraphrase, paraphraseVector, INTENT, V1, SETTINGS))
        .compose(hit -> cache.lookupSimilar(nearMiss, nearMissVector, INTENT, V1, SETTINGS).map(refused -> {
          ctx.verify(() -> {
            assertThat(hit.level()).isEqualTo(CachedAnswer.SEMANTIC);
            assertThat(hit.similarity()).isGreaterThan(0.62);
            assertThat(hit.answer()).isEqualTo("Free if defective; else $6.95.");
            assertThat(refused).isNull();
          });
          return refused;
        }))
        .compose(v -> cache.stats())
        .onComplete(ctx.succeeding(stats -> ctx.verify(() -> {
          assertThat(stats.getJsonObject("hits").getLong("semantic")).isEqualTo(1);
          assertThat(stats.getJsonObject("refusals").getLong("group")).isEqualTo(1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("concierge.knowledge.changed drops the answers of other versions")
  void knowledgeChanged(Vertx vertx, VertxTestContext ctx) {
    CacheService cache = deploy(vertx, new JsonObject());
    cache.store("Is return shipping free?", returnVector, INTENT, V1, SETTINGS, answer("Free if defective."))
        .compose(stored -> cache.lookupExact("is return shipping free", V1, SETTINGS))
        .compose(hit -> {
          ctx.verify(() -> assertThat(hit).isNotNull());
          vertx.eventBus().publish(Addresses.KNOWLEDGE_CHANGED, new JsonObject().put("version", "kb-v2"));
          return cache.stats();
        })
        .compose(stats -> {
          ctx.verify(() -> assertThat(stats.getInteger("entries")).isZero());
          return cache.lookupExact("is return shipping free", V1, SETTINGS);
        })
        .compose(old -> cache.store("Is return shipping free?", returnVector, INTENT, V1, SETTINGS, answer("stale"))
            .map(stored -> {
              ctx.verify(() -> {
                assertThat(old).isNull();
                assertThat(stored).as("a generation of the old version stores nothing").isFalse();
              });
              return stored;
            }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("clear removes every answer and says how many")
  void clear(Vertx vertx, VertxTestContext ctx) {
    CacheService cache = deploy(vertx, new JsonObject());
    cache.store("Is return shipping free?", returnVector, INTENT, V1, SETTINGS, answer("Free if defective."))
        .compose(stored -> cache.store("how long does a refund take", Embeddings.of("how long does a refund take"), INTENT,
            V1, SETTINGS, answer("5-7 business days.")))
        .compose(stored -> cache.clear())
        .compose(removed -> cache.stats().map(stats -> {
          ctx.verify(() -> {
            assertThat(removed).isEqualTo(2);
            assertThat(stats.getInteger("entries")).isZero();
            assertThat(stats.getLong("bytes")).isZero();
          });
          return stats;
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("when disabled, every lookup misses and nothing is stored")
  void disabled(Vertx vertx, VertxTestContext ctx) {
    CacheService cache = deploy(vertx, new JsonObject().put("enabled", false));
    cache.store("Is return shipping free?", returnVector, INTENT, V1, SETTINGS, answer("Free if defective."))
        .compose(stored -> cache.lookupExact("Is return shipping free?", V1, SETTINGS).map(hit -> {
          ctx.verify(() -> {
            assertThat(stored).isFalse();
            assertThat(hit).isNull();
          });
          return hit;
        }))
        .compose(hit -> cache.lookupExact("Is return shipping free?", V1, SETTINGS))
        .compose(second -> cache.stats().map(stats -> {
          ctx.verify(() -> {
            assertThat(second).as("no leader is made: nobody waits").isNull();
            assertThat(stats.getBoolean("enabled")).isFalse();
          });
          return stats;
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("a request without a message, vector or intent fails with 400")
  void badRequests(Vertx vertx, VertxTestContext ctx) {
    CacheService cache = deploy(vertx, new JsonObject());
    cache.lookupSimilar("is return shipping free", new float[0], INTENT, V1, SETTINGS)
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(failure).isInstanceOf(ReplyException.class);
          assertThat(((ReplyException) failure).failureCode()).isEqualTo(400);
          cache.lookupExact(" ", V1, SETTINGS).onComplete(ctx.failing(blank -> ctx.verify(() -> {
            assertThat(((ReplyException) blank).failureCode()).isEqualTo(400);
            ctx.completeNow();
          })));
        })));
  }
}
