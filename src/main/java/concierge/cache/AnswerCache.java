package concierge.cache;

import concierge.embedding.Vectors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Answers already given, found again two ways. Exact: the same normalized question under the same
 * knowledge-base version and settings key. Semantic: a question of the same intent, version and
 * settings whose vector is within the similarity threshold and that the {@link MeaningGuard}
 * finds to ask the same thing. Bounded by entries and estimated bytes (least recently used out
 * first) and by a TTL. Identical misses in flight are coalesced behind one leader.
 *
 * <p>Not thread-safe: one event loop (the {@code CacheVerticle}'s) owns it.
 */
public final class AnswerCache {

  /** Intents whose answers belong to one customer: never stored. */
  static final Set<String> PERSONAL_INTENTS = Set.of("order_status", "order_place", "order_cancel", "order_change");
  private static final char SEPARATOR = '\u001f';

  private final CacheConfig config;
  private final MeaningGuard guard;
  private final LongSupplier clock;
  private final CacheCounters counters = new CacheCounters();
  private final InFlightAnswers inFlight = new InFlightAnswers(counters);
  private final KnowledgeVersions versions = new KnowledgeVersions();
  private final StoredAnswers entries;

  public AnswerCache(CacheConfig config) {
    this(config, new MeaningGuard(), System::currentTimeMillis);
  }

  public AnswerCache(CacheConfig config, MeaningGuard guard, LongSupplier clock) {
    this.config = config;
    this.guard = guard;
    this.clock = clock;
    this.entries = new StoredAnswers(config.maxEntries(), config.maxBytes());
  }

  /**
   * The answer stored for exactly this question, or a wait for the one being generated for it.
   * Completes with null on a miss: the caller is then the leader for this question and must
   * {@link #store} or {@link #release} it (a message that cannot be cached makes no leader).
   */
  public Future<CachedAnswer> lookupExact(String message, String kbVersion, String settingsKey) {
    return lookupExact(message, kbVersion, settingsKey, false);
  }

  /**
   * As {@link #lookupExact(String, String, String)}; {@code standalone}: the question opens its
   * conversation, so it cannot lean on an earlier turn (see {@link MeaningGuard#uncacheable}).
   */
  public Future<CachedAnswer> lookupExact(String message, String kbVersion, String settingsKey, boolean standalone) {
    String normalized = QuestionText.normalize(message);
    if (!cacheable(message, normalized, standalone) || !versions.usable(kbVersion, this::invalidateExcept)) {
      counters.missesExact++;
      return Future.succeededFuture();
    }
    long now = clock.getAsLong();
    String key = key(kbVersion, settingsKey, normalized);
    CacheEntry entry = liveEntry(key, now);
    if (entry != null) {
      counters.hitsExact++;
      return Future.succeededFuture(entry.toAnswer(CachedAnswer.EXACT, null));
    }
    Future<CachedAnswer> generating = inFlight.follow(key, now);
    if (generating != null) {
      return generating;
    }
    inFlight.lead(key, kbVersion, now + config.coalesceTimeoutMs());
    counters.missesExact++;
    return Future.succeededFuture();
  }

  /** The best stored answer to a question that asks the same thing, or null. Never coalesces. */
  public CachedAnswer lookupSimilar(String message, float[] vector, String intent, String kbVersion, String settingsKey) {
    return lookupSimilar(message, vector, intent, kbVersion, settingsKey, false);
  }

  /** As {@link #lookupSimilar(String, float[], String, String, String)}, for a question that opens its conversation. */
  public CachedAnswer lookupSimilar(String message, float[] vector, String intent, String kbVersion, String settingsKey,
                                    boolean standalone) {
    String normalized = QuestionText.normalize(message);
    if (!cacheable(message, normalized, standalone) || !versions.usable(kbVersion, this::invalidateExcept)) {
      counters.missesSemantic++;
      return null;
    }
    Collection<CacheEntry> bucket = entries.bucket(bucket(kbVersion, settingsKey, intent));
    if (bucket.isEmpty()) {
      counters.missesSemantic++;
      return null;
    }
    List<Candidate> candidates = candidates(bucket, Vectors.normalize(vector), clock.getAsLong());
    Meaning question = candidates.isEmpty() ? null : guard.read(message);
    MeaningGuard.Reason refusal = null;
    for (Candidate candidate : candidates) {
      if (!standalone && candidate.entry().meaning().contextDependent()) {
        continue; // stored for a first turn that reads like a follow-up: only other first turns get it
      }
      MeaningGuard.Reason reason = guard.compare(question, candidate.entry().meaning());
      if (reason == null) {
        entries.get(candidate.entry().key());
        counters.hitsSemantic++;
        return candidate.entry().toAnswer(CachedAnswer.SEMANTIC, Math.round(candidate.similarity() * 10_000) / 10_000.0);
      }
      refusal = refusal == null ? reason : refusal;
    }
    if (refusal != null) {
      counters.refused(refusal.key());
    }
    counters.missesSemantic++;
    return null;
  }

  /**
   * After {@link #lookupSimilar} found nothing stored: a wait for the answer of a similar question
   * (same bucket, above the threshold, the same question to the guard) whose generation is under
   * way, or a future of null at once. With null, this question's own generation (when it leads
   * its key) becomes one that similar questions asked meanwhile may wait for.
   */
  public Future<CachedAnswer> followSimilarInFlight(String message, float[] vector, String intent, String kbVersion,
                                                    String settingsKey, boolean standalone) {
    String normalized = QuestionText.normalize(message);
    if (!cacheable(message, normalized, standalone) || !versions.usable(kbVersion, this::invalidateExcept)) {
      return Future.succeededFuture();
    }
    String key = key(kbVersion, settingsKey, normalized);
    String bucket = bucket(kbVersion, settingsKey, intent);
    float[] unit = Vectors.normalize(vector);
    Meaning question = guard.read(message);
    Future<CachedAnswer> waiting = inFlight.followSimilar(key, bucket, unit, config.similarityThreshold(),
        other -> (standalone || !other.contextDependent()) && guard.compare(question, other) == null, clock.getAsLong());
    if (waiting != null) {
      return waiting;
    }
    inFlight.describe(key, bucket, unit, question);
    return Future.succeededFuture();
  }

  /** Stores an answer for the question and hands it to the question's waiting followers; false if refused. */
  public boolean store(String message, float[] vector, String intent, String kbVersion, String settingsKey,
                       String answer, JsonArray sources, JsonObject usage) {
    return store(message, vector, intent, kbVersion, settingsKey, answer, sources, usage, false, false);
  }

  /**
   * As {@link #store(String, float[], String, String, String, String, JsonArray, JsonObject)};
   * {@code standalone}: the question opens its conversation; {@code exactOnly}: the answer may
   * be given again for the same question only, never to a question found similar.
   */
  public boolean store(String message, float[] vector, String intent, String kbVersion, String settingsKey,
                       String answer, JsonArray sources, JsonObject usage, boolean standalone, boolean exactOnly) {
    String normalized = QuestionText.normalize(message);
    String key = key(kbVersion, settingsKey, normalized);
    String refusal = PERSONAL_INTENTS.contains(intent) ? CacheCounters.PERSONAL
        : MeaningGuard.uncacheable(message, normalized, standalone);
    if (refusal == null && !versions.usable(kbVersion, this::invalidateExcept)) {
      refusal = CacheCounters.STALE;
    }
    float[] unit = Vectors.normalize(vector);
    long size = CacheEntry.estimateBytes(key, intent, answer, sources, usage, unit);
    if (refusal == null && size > config.maxBytes()) {
      refusal = CacheCounters.TOO_LARGE;
    }
    if (refusal != null) {
      counters.refused(refusal);
      inFlight.finish(key, null, false);
      return false;
    }
    CacheEntry entry = new CacheEntry(key, kbVersion, settingsKey, intent, unit, guard.read(message), answer,
        sources.copy(), usage.copy(), clock.getAsLong(), size, exactOnly);
    counters.evictions += entries.put(entry);
    counters.stores++;
    inFlight.finish(key, entry.toAnswer(CachedAnswer.EXACT, null), exactOnly);
    return true;
  }

  /** The leader of this question could not produce a cacheable answer: its followers miss. */
  public void release(String message, String kbVersion, String settingsKey) {
    inFlight.finish(key(kbVersion, settingsKey, QuestionText.normalize(message)), null, false);
  }

  /** Drops every answer and generation of another knowledge-base version; returns the answers dropped. */
  public int invalidateExcept(String kbVersion) {
    versions.current(kbVersion);
    inFlight.releaseOtherVersions(kbVersion);
    int removed = entries.removeIf(entry -> !entry.kbVersion().equals(kbVersion));
    counters.invalidations += removed;
    return removed;
  }

  /** Drops every answer; returns how many. */
  public int clear() {
    return entries.removeIf(entry -> true);
  }

  /** Releases leaders past the coalescing timeout; the verticle calls it on a timer. */
  public int expireLeaders() {
    return inFlight.expire(clock.getAsLong());
  }

  /** Drops answers past their TTL; the verticle calls it on a timer (lookups also skip them). */
  public int purgeExpired() {
    long now = clock.getAsLong();
    int removed = entries.removeIf(entry -> entry.expired(now, config.ttlMs()));
    counters.expirations += removed;
    return removed;
  }

  /** Ends every generation in flight (the verticle is stopping): followers miss. */
  public void releaseAll() {
    inFlight.releaseAll();
  }

  public CacheStats stats() {
    return counters.snapshot(entries.size(), entries.bytes(), config.maxEntries(), config.maxBytes(), inFlight.size());
  }

  static String bucket(String kbVersion, String settingsKey, String intent) {
    return kbVersion + SEPARATOR + settingsKey + SEPARATOR + intent;
  }

  private static String key(String kbVersion, String settingsKey, String normalized) {
    return kbVersion + SEPARATOR + settingsKey + SEPARATOR + normalized;
  }

  private boolean cacheable(String message, String normalized, boolean standalone) {
    String refusal = MeaningGuard.uncacheable(message, normalized, standalone);
    if (refusal != null) {
      counters.refused(refusal);
    }
    return refusal == null;
  }

  private CacheEntry liveEntry(String key, long now) {
    CacheEntry entry = entries.get(key);
    if (entry != null && entry.expired(now, config.ttlMs())) {
      entries.remove(entry);
      counters.expirations++;
      return null;
    }
    return entry;
  }

  private record Candidate(CacheEntry entry, double similarity) {
  }

  /** Live entries of the bucket at or above the threshold, most similar first; expired ones are dropped. */
  private List<Candidate> candidates(Collection<CacheEntry> bucket, float[] vector, long now) {
    List<Candidate> candidates = new ArrayList<>();
    List<CacheEntry> expired = new ArrayList<>();
    for (CacheEntry entry : bucket) {
      if (entry.expired(now, config.ttlMs())) {
        expired.add(entry);
      } else if (!entry.exactOnly() && entry.vector().length == vector.length) {
        double similarity = dot(vector, entry.vector());
        if (similarity >= config.similarityThreshold()) {
          candidates.add(new Candidate(entry, similarity));
        }
      }
    }
    entries.removeAll(expired);
    counters.expirations += expired.size();
    candidates.sort(Comparator.comparingDouble(Candidate::similarity).reversed());
    return candidates;
  }

  /** Cosine of two unit vectors; four float accumulators, so the JIT can vectorize the scan of a bucket. */
  static float dot(float[] a, float[] b) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (; i + 3 < a.length; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < a.length; i++) {
      s0 += a[i] * b[i];
    }
    return s0 + s1 + s2 + s3;
  }
}
