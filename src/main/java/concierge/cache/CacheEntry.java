package concierge.cache;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One stored answer with everything a lookup compares: key, version, settings, intent, vector,
 * meaning. {@code exactOnly}: given again only for the same question, never by similarity.
 */
record CacheEntry(String key, String kbVersion, String settingsKey, String intent, float[] vector, Meaning meaning,
                  String answer, JsonArray sources, JsonObject usage, long storedAt, long bytes, boolean exactOnly) {

  /** Fixed cost of an entry beyond its strings and vector: objects, map nodes, the meaning's sets. */
  private static final long OVERHEAD = 512;

  static long estimateBytes(String key, String intent, String answer, JsonArray sources, JsonObject usage,
                            float[] vector) {
    long chars = key.length() + intent.length() + answer.length() + sources.encode().length() + usage.encode().length();
    return OVERHEAD + 2 * chars + 4L * vector.length;
  }

  String bucket() {
    return AnswerCache.bucket(kbVersion, settingsKey, intent);
  }

  boolean expired(long now, long ttlMs) {
    return now - storedAt >= ttlMs;
  }

  /** Entries are distinct objects: equal by identity, so that sets of them never hash their answers. */
  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  CachedAnswer toAnswer(String level, Double similarity) {
    return new CachedAnswer(answer, sources.copy(), intent, usage.copy(), level, similarity);
  }
}
