package concierge.cache;

import java.util.Map;

/** The cache's counters at one moment; {@link CacheService} writes them as JSON. */
public record CacheStats(int entries, long bytes, int maxEntries, long maxBytes, long hitsExact, long hitsSemantic,
                         long missesExact, long missesSemantic, long stores, long evictions, long expirations,
                         long invalidations, int inFlight, long coalescedHits, long coalescedMisses,
                         long leaderTimeouts, Map<String, Long> refusals) {

  /** Hits over the lookups that ended a turn's search: an exact hit, or a semantic hit or miss. */
  public double hitRate() {
    long hits = hitsExact + hitsSemantic + coalescedHits;
    long ended = hits + missesSemantic;
    return ended == 0 ? 0 : (double) hits / ended;
  }
}
