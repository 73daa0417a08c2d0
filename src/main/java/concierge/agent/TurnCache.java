package concierge.agent;

import concierge.cache.CacheConfig;
import concierge.cache.CacheService;
import concierge.cache.CachedAnswer;
import concierge.cost.Usage;
import concierge.generation.GenerationConfig;
import concierge.knowledge.KnowledgeService;
import concierge.retrieval.RetrievedChunk;
import concierge.tone.Mood;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The answer cache as a turn uses it: an exact lookup of the (resolved) question before anything
 * else (no embedding), a semantic lookup after the intent, and, when the turn is over, a store of
 * an answer that may be shared or a release of the question for the turns waiting on it.
 * Shared: knowledge answers of policy, product and return questions that stand alone, were not
 * degraded, not cut by validation and carry nothing personal. The key includes the knowledge-base
 * version and what changes answers: provider, model and the customer's mood (tone variant).
 * Answers in the complaint tone are given again for the very same words only.
 */
final class TurnCache {

  static final Set<String> SHARED_INTENTS = Set.of("policy_question", "product_question", "return_request");

  private final CacheService cache;
  private final KnowledgeService knowledge;
  private final boolean enabled;
  private final String generator;

  TurnCache(Vertx vertx, JsonObject config) {
    CacheConfig settings = CacheConfig.from(config);
    this.cache = CacheService.of(vertx, settings);
    this.knowledge = new KnowledgeService(vertx);
    this.enabled = settings.enabled();
    GenerationConfig generation = GenerationConfig.from(config);
    this.generator = generation.provider() + ":" + generation.answerModel();
  }

  /** The first turn of its conversation: it has no earlier turn to lean on, so it is read as written. */
  private static boolean opensConversation(Turn turn) {
    return turn.conversation == null || turn.conversation.lastTurn() == null;
  }

  private String key(Turn turn) {
    return generator + ":" + Mood.of(turn.request.message()).name().toLowerCase();
  }

  /** True when the answer was served from the cache; otherwise this turn leads its question. */
  Future<Boolean> exact(Turn turn) {
    if (!enabled || turn.customerIdSensitive()) {
      return Future.succeededFuture(false);
    }
    long started = System.nanoTime();
    return cache.lookupExact(turn.question, knowledge.currentVersion(), key(turn), opensConversation(turn))
        .map(hit -> {
          turn.time("cache", started);
          if (hit == null) {
            turn.cacheLeader = true;
            return false;
          }
          serve(turn, hit);
          return true;
        })
        .otherwise(failure -> {
          turn.degraded.add("cache_unavailable");
          return false;
        });
  }

  Future<Boolean> similar(Turn turn) {
    if (!enabled || !SHARED_INTENTS.contains(turn.intent) || turn.customerIdSensitive()) {
      return Future.succeededFuture(false);
    }
    long started = System.nanoTime();
    return cache.lookupSimilar(turn.question, turn.vector, turn.intent, knowledge.currentVersion(), key(turn),
        opensConversation(turn))
        .map(hit -> {
          turn.time("cache", started);
          if (hit == null) {
            return false;
          }
          serve(turn, hit);
          return true;
        })
        .otherwise(false);
  }

  /** A turn that failed never shares anything: the turns waiting on its question go on. */
  void abandon(Turn turn) {
    if (enabled && turn.cacheLeader) {
      turn.cacheLeader = false;
      cache.release(turn.question, knowledge.currentVersion(), key(turn));
    }
  }

  /**
   * At the end of a turn: share its answer when it may be shared, else let waiting turns go on.
   * An answer found by similarity is not stored again under the new question, so that answers
   * never drift from one paraphrase to the next.
   */
  Future<Void> settle(Turn turn) {
    if (!enabled || CachedAnswer.EXACT.equals(turn.cache)) {
      return Future.succeededFuture();
    }
    String version = knowledge.currentVersion();
    if (shareable(turn) && "miss".equals(turn.cache)) {
      JsonArray sources = new JsonArray();
      turn.chunks.forEach(chunk -> sources.add(chunk.toSource()));
      JsonObject answer = new JsonObject().put("answer", turn.answer).put("sources", sources)
          .put("usage", turn.usage.toJson()).put("exactOnly", complaint(turn));
      return cache.store(turn.question, turn.vector, turn.intent, version, key(turn), answer, opensConversation(turn))
          .compose(stored -> stored || !turn.cacheLeader ? Future.<Void>succeededFuture()
              : cache.release(turn.question, version, key(turn)))
          .otherwiseEmpty().mapEmpty();
    }
    if (turn.cacheLeader) {
      turn.cacheLeader = false;
      return cache.release(turn.question, version, key(turn)).otherwiseEmpty();
    }
    return Future.succeededFuture();
  }

  private static boolean shareable(Turn turn) {
    String firstName = turn.customerFirstName();
    boolean named = firstName != null && turn.answer.contains(firstName);
    return SHARED_INTENTS.contains(turn.intent) && turn.vector != null && !turn.personal && !named
        && !turn.customerIdSensitive()
        && turn.degraded.isEmpty()
        && turn.action.getString("type", "none").equals("none")
        && !turn.answer.isBlank();
  }

  /**
   * An answer in the complaint tone may answer its own words again but no other message: it may
   * speak to what this customer described (an LLM's apology often does), which a similar-sounding
   * complaint from someone else did not say.
   */
  private static boolean complaint(Turn turn) {
    return "complaint".equals(turn.toneVariant);
  }

  private static void serve(Turn turn, CachedAnswer hit) {
    turn.cache = hit.level();
    turn.answer = hit.answer();
    turn.intent = hit.intent();
    turn.confidence = hit.similarity() != null ? hit.similarity() : 1.0;
    turn.cachedSources = hit.sources();
    Usage generated = Usage.fromJson(hit.usage());
    turn.usage = Usage.none(generated.model());
    turn.savedUsd = generated.costUsd();
    List<RetrievedChunk> none = new ArrayList<>();
    turn.chunks = none;
  }
}
