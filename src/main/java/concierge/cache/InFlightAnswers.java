package concierge.cache;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Questions whose answer is being generated right now. The first caller to miss a key is its
 * leader; later callers for the same key wait on the leader's promise instead of generating the
 * same answer again. A leader that also missed by similarity is described by its vector and
 * meaning: a later question that is similar (above the threshold, and the same question to the
 * {@link MeaningGuard}) may wait for its answer too. The promise completes with the stored
 * answer, or with null when the leader releases the key, stores nothing cacheable, or does not
 * come back before its deadline; an answer that may only be given again for the same words
 * (exact only) is null to the similar questions waiting on it.
 */
final class InFlightAnswers {

  private static final class Generation {
    private final Promise<CachedAnswer> promise = Promise.promise();
    private final long deadline;
    private final String kbVersion;
    private boolean exactOnly;
    private String bucket;
    private float[] vector;
    private Meaning meaning;

    Generation(long deadline, String kbVersion) {
      this.deadline = deadline;
      this.kbVersion = kbVersion;
    }
  }

  private final Map<String, Generation> generations = new HashMap<>();
  private final CacheCounters counters;

  InFlightAnswers(CacheCounters counters) {
    this.counters = counters;
  }

  /** A follower's wait for the key's answer, or null when no generation is in flight (expired ones are released). */
  Future<CachedAnswer> follow(String key, long now) {
    Generation generation = generations.get(key);
    if (generation == null) {
      return null;
    }
    if (generation.deadline <= now) {
      timeOut(key, generation);
      return null;
    }
    return generation.promise.future().map(answer -> coalesced(answer, null));
  }

  /**
   * A wait for the answer of the most similar question in flight in the same bucket that
   * {@code sameQuestion} accepts, or null when there is none.
   */
  Future<CachedAnswer> followSimilar(String ownKey, String bucket, float[] vector, double threshold,
                                     Predicate<Meaning> sameQuestion, long now) {
    Generation best = null;
    double bestSimilarity = threshold;
    for (Map.Entry<String, Generation> entry : generations.entrySet()) {
      Generation generation = entry.getValue();
      if (generation.vector == null || entry.getKey().equals(ownKey) || !bucket.equals(generation.bucket)
          || generation.deadline <= now || generation.vector.length != vector.length) {
        continue;
      }
      double similarity = AnswerCache.dot(vector, generation.vector);
      if (similarity >= bestSimilarity && sameQuestion.test(generation.meaning)) {
        best = generation;
        bestSimilarity = similarity;
      }
    }
    if (best == null) {
      return null;
    }
    Generation chosen = best;
    Double similarity = Math.round(bestSimilarity * 10_000) / 10_000.0;
    return chosen.promise.future().map(answer -> coalesced(chosen.exactOnly ? null : answer, similarity));
  }

  private CachedAnswer coalesced(CachedAnswer answer, Double similarity) {
    if (answer == null) {
      counters.coalescedMisses++;
      return null;
    }
    counters.coalescedHits++;
    return answer.coalesced(similarity);
  }

  void lead(String key, String kbVersion, long deadline) {
    generations.put(key, new Generation(deadline, kbVersion));
  }

  /** The key's leader missed by similarity too: similar questions asked meanwhile may wait for it. */
  void describe(String key, String bucket, float[] vector, Meaning meaning) {
    Generation generation = generations.get(key);
    if (generation != null) {
      generation.bucket = bucket;
      generation.vector = vector;
      generation.meaning = meaning;
    }
  }

  /** Hands the stored answer (or null) to the key's followers; true when there was a generation. */
  boolean finish(String key, CachedAnswer answer, boolean exactOnly) {
    Generation generation = generations.remove(key);
    if (generation == null) {
      return false;
    }
    generation.exactOnly = exactOnly;
    generation.promise.complete(answer);
    return true;
  }

  /** Releases every generation whose leader is past its deadline; returns how many. */
  int expire(long now) {
    return releaseIf(generation -> generation.deadline <= now, true);
  }

  /** Releases the generations of every other knowledge-base version. */
  int releaseOtherVersions(String kbVersion) {
    return releaseIf(generation -> !generation.kbVersion.equals(kbVersion), false);
  }

  int releaseAll() {
    return releaseIf(generation -> true, false);
  }

  int size() {
    return generations.size();
  }

  private int releaseIf(Predicate<Generation> condition, boolean timedOut) {
    List<Generation> released = new ArrayList<>();
    for (Iterator<Map.Entry<String, Generation>> it = generations.entrySet().iterator(); it.hasNext(); ) {
      Generation generation = it.next().getValue();
      if (condition.test(generation)) {
        it.remove();
        released.add(generation);
      }
    }
    if (timedOut) {
      counters.leaderTimeouts += released.size();
    }
    // completed after the map is settled: a follower's callback may come back to the cache
    released.forEach(generation -> generation.promise.complete(null));
    return released.size();
  }

  private void timeOut(String key, Generation generation) {
    generations.remove(key);
    counters.leaderTimeouts++;
    generation.promise.complete(null);
  }
}
