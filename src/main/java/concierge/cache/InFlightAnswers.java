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
 * Exact keys whose answer is being generated right now. The first caller to miss a key is its
 * leader; later callers for the same key wait on the leader's promise instead of generating the
 * same answer again. The promise completes with the stored answer, or with null when the leader
 * releases the key, stores nothing cacheable, or does not come back before its deadline.
 */
final class InFlightAnswers {

  private record Generation(Promise<CachedAnswer> promise, long deadline, String kbVersion) {
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
    if (generation.deadline() <= now) {
      timeOut(key, generation);
      return null;
    }
    return generation.promise().future().map(answer -> {
      if (answer == null) {
        counters.coalescedMisses++;
        return null;
      }
      counters.coalescedHits++;
      return answer.withLevel(CachedAnswer.COALESCED);
    });
  }

  void lead(String key, String kbVersion, long deadline) {
    generations.put(key, new Generation(Promise.promise(), deadline, kbVersion));
  }

  /** Hands the stored answer (or null) to the key's followers; true when there was a generation. */
  boolean finish(String key, CachedAnswer answer) {
    Generation generation = generations.remove(key);
    if (generation == null) {
      return false;
    }
    generation.promise().complete(answer);
    return true;
  }

  /** Releases every generation whose leader is past its deadline; returns how many. */
  int expire(long now) {
    return releaseIf(generation -> generation.deadline() <= now, true);
  }

  /** Releases the generations of every other knowledge-base version. */
  int releaseOtherVersions(String kbVersion) {
    return releaseIf(generation -> !generation.kbVersion().equals(kbVersion), false);
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
    released.forEach(generation -> generation.promise().complete(null));
    return released.size();
  }

  private void timeOut(String key, Generation generation) {
    generations.remove(key);
    counters.leaderTimeouts++;
    generation.promise().complete(null);
  }
}
