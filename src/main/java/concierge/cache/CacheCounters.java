package concierge.cache;

import java.util.Map;
import java.util.TreeMap;

/** What the cache did since it started (or since the counters were last read by a test). */
final class CacheCounters {

  /** Refusal reasons besides the guard's: a message that needs its conversation, personal data, an old version, a huge answer. */
  static final String CONTEXT = "context";
  static final String PERSONAL = "personal";
  static final String STALE = "stale_version";
  static final String TOO_LARGE = "too_large";

  long hitsExact;
  long hitsSemantic;
  long missesExact;
  long missesSemantic;
  long stores;
  long evictions;
  long expirations;
  long invalidations;
  long coalescedHits;
  long coalescedMisses;
  long leaderTimeouts;
  private final Map<String, Long> refusals = new TreeMap<>();

  CacheCounters() {
    for (MeaningGuard.Reason reason : MeaningGuard.Reason.values()) {
      refusals.put(reason.key(), 0L);
    }
    for (String reason : new String[] {CONTEXT, PERSONAL, STALE, TOO_LARGE}) {
      refusals.put(reason, 0L);
    }
  }

  void refused(String reason) {
    refusals.merge(reason, 1L, Long::sum);
  }

  CacheStats snapshot(int entries, long bytes, int maxEntries, long maxBytes, int inFlight) {
    return new CacheStats(entries, bytes, maxEntries, maxBytes, hitsExact, hitsSemantic, missesExact, missesSemantic,
        stores, evictions, expirations, invalidations, inFlight, coalescedHits, coalescedMisses, leaderTimeouts,
        Map.copyOf(refusals));
  }
}
