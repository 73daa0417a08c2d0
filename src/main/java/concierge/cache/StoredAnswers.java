package concierge.cache;

import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The entries, by exact key in least-recently-used order and by bucket (version, settings,
 * intent) for the semantic scan, with their estimated bytes; bounded by entries and bytes.
 */
final class StoredAnswers {

  private final int maxEntries;
  private final long maxBytes;
  private final LinkedHashMap<String, CacheEntry> entries = new LinkedHashMap<>(256, 0.75f, true);
  private final Map<String, Set<CacheEntry>> buckets = new HashMap<>();
  private long bytes;

  StoredAnswers(int maxEntries, long maxBytes) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  /** The entry of the key, now the most recently used; or null. */
  CacheEntry get(String key) {
    return entries.get(key);
  }

  Collection<CacheEntry> bucket(String bucket) {
    return buckets.getOrDefault(bucket, Set.of());
  }

  /** Adds (or replaces) the entry, then evicts the least recently used beyond the bounds; returns how many. */
  int put(CacheEntry entry) {
    remove(entries.get(entry.key()));
    entries.put(entry.key(), entry);
    buckets.computeIfAbsent(entry.bucket(), b -> new LinkedHashSet<>()).add(entry);
    bytes += entry.bytes();
    int evicted = 0;
    Iterator<CacheEntry> eldest = entries.values().iterator();
    while ((entries.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
      CacheEntry old = eldest.next();
      eldest.remove();
      forget(old);
      evicted++;
    }
    return evicted;
  }

  void removeAll(List<CacheEntry> gone) {
    gone.forEach(this::remove);
  }

  int removeIf(Predicate<CacheEntry> condition) {
    int removed = 0;
    for (Iterator<CacheEntry> it = entries.values().iterator(); it.hasNext(); ) {
      CacheEntry entry = it.next();
      if (condition.test(entry)) {
        it.remove();
        forget(entry);
        removed++;
      }
    }
    return removed;
  }

  void remove(CacheEntry entry) {
    if (entry != null && entries.remove(entry.key(), entry)) {
      forget(entry);
    }
  }

  int size() {
    return entries.size();
  }

  long bytes() {
    return bytes;
  }

  /** Drops the entry from its bucket and from the byte count (it is already out of {@code entries}). */
  private void forget(CacheEntry entry) {
    Set<CacheEntry> bucket = buckets.get(entry.bucket());
    if (bucket != null && bucket.remove(entry) && bucket.isEmpty()) {
      buckets.remove(entry.bucket());
    }
    bytes -= entry.bytes();
  }
}
