package concierge.cache;

import concierge.Addresses;
import concierge.embedding.Vectors;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Requests to {@code concierge.cache}; the only class that writes and reads its JSON.
 *
 * <p>A knowledge turn asks {@link #lookupExact} first (no vector or intent needed). A miss makes
 * the caller the leader for that question: it must {@link #store} the answer it generates or
 * {@link #release} the question, or the followers waiting behind it miss at the coalescing
 * timeout. After an exact miss, {@link #lookupSimilar} with the question's vector and intent.
 */
public final class CacheService {

  static final String ACTION = "action";

  private final Vertx vertx;
  private final long timeoutMs;
  private final long coalesceTimeoutMs;

  /** {@code timeoutMs} for every call; an exact lookup may also wait for a leader up to {@code coalesceTimeoutMs}. */
  public CacheService(Vertx vertx, long timeoutMs, long coalesceTimeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
    this.coalesceTimeoutMs = coalesceTimeoutMs;
  }

  public static CacheService of(Vertx vertx, CacheConfig config) {
    return new CacheService(vertx, 1000, config.coalesceTimeoutMs());
  }

  /** The answer to exactly this question, or null: then this caller is the question's leader. */
  public Future<CachedAnswer> lookupExact(String message, String kbVersion, String settingsKey) {
    return lookupExact(message, kbVersion, settingsKey, false);
  }

  /** As {@link #lookupExact(String, String, String)}; {@code standalone}: the question opens its conversation. */
  public Future<CachedAnswer> lookupExact(String message, String kbVersion, String settingsKey, boolean standalone) {
    return request("lookupExact", question(message, kbVersion, settingsKey).put("standalone", standalone), timeoutMs + coalesceTimeoutMs)
        .map(CacheService::decodeHit);
  }

  /**
   * The answer to a question that asks the same thing, or null; when none is stored but one is
   * being generated, a wait for it (level {@code coalesced}).
   */
  public Future<CachedAnswer> lookupSimilar(String message, float[] vector, String intent, String kbVersion,
                                            String settingsKey) {
    return lookupSimilar(message, vector, intent, kbVersion, settingsKey, false);
  }

  /** As {@link #lookupSimilar(String, float[], String, String, String)}, for a question that opens its conversation. */
  public Future<CachedAnswer> lookupSimilar(String message, float[] vector, String intent, String kbVersion,
                                            String settingsKey, boolean standalone) {
    JsonObject body = question(message, kbVersion, settingsKey).put("vector", Vectors.encode(vector)).put("intent", intent)
        .put("standalone", standalone);
    return request("lookupSimilar", body, timeoutMs + coalesceTimeoutMs).map(CacheService::decodeHit);
  }

  /**
   * Stores {@code answer} = {answer, sources, usage, exactOnly?}; true when stored, false when the
   * cache refused it.
   */
  public Future<Boolean> store(String message, float[] vector, String intent, String kbVersion, String settingsKey,
                               JsonObject answer) {
    return store(message, vector, intent, kbVersion, settingsKey, answer, false);
  }

  /** As {@link #store(String, float[], String, String, String, JsonObject)}, for a question that opens its conversation. */
  public Future<Boolean> store(String message, float[] vector, String intent, String kbVersion, String settingsKey,
                               JsonObject answer, boolean standalone) {
    JsonObject body = question(message, kbVersion, settingsKey).put("vector", Vectors.encode(vector)).put("intent", intent)
        .put("answer", answer).put("standalone", standalone);
    return request("store", body, timeoutMs).map(reply -> reply.getBoolean("stored", false));
  }

  /** The leader of this question has no cacheable answer: its followers miss now. */
  public Future<Void> release(String message, String kbVersion, String settingsKey) {
    return request("release", question(message, kbVersion, settingsKey), timeoutMs).mapEmpty();
  }

  /** Drops every answer; the number dropped. */
  public Future<Integer> clear() {
    return request("clear", new JsonObject(), timeoutMs).map(reply -> reply.getInteger("removed", 0));
  }

  public Future<JsonObject> stats() {
    return request("stats", new JsonObject(), timeoutMs);
  }

  private Future<JsonObject> request(String action, JsonObject body, long timeout) {
    return vertx.eventBus().<JsonObject>request(Addresses.CACHE, body,
        new DeliveryOptions().addHeader(ACTION, action).setSendTimeout(timeout)).map(reply -> reply.body());
  }

  private static JsonObject question(String message, String kbVersion, String settingsKey) {
    return new JsonObject().put("message", message).put("kbVersion", kbVersion).put("settingsKey", settingsKey);
  }

  // ---- the verticle's side of the same JSON ----

  /** What a request names: message, kbVersion, settingsKey (both may be empty strings); intent and vector when given. */
  record Request(String message, String kbVersion, String settingsKey, String intent, float[] vector, JsonObject answer,
                 boolean standalone) {

    static Request read(JsonObject body) {
      String message = body.getValue("message") instanceof String s ? s : null;
      if (message == null || message.isBlank()) {
        throw new IllegalArgumentException("message is required");
      }
      Object vector = body.getValue("vector");
      return new Request(message, string(body, "kbVersion"), string(body, "settingsKey"), body.getString("intent"),
          vector instanceof String base64 ? Vectors.decode(base64)
              : vector instanceof JsonArray array ? Vectors.fromJson(array) : null,
          body.getJsonObject("answer"), Boolean.TRUE.equals(body.getValue("standalone")));
    }

    float[] requireVector() {
      if (vector == null || vector.length == 0) {
        throw new IllegalArgumentException("vector is required");
      }
      return vector;
    }

    String requireIntent() {
      if (intent == null || intent.isBlank()) {
        throw new IllegalArgumentException("intent is required");
      }
      return intent;
    }

    String answerText() {
      if (answer == null || answer.getString("answer") == null) {
        throw new IllegalArgumentException("answer.answer is required");
      }
      return answer.getString("answer");
    }

    JsonArray sources() {
      return answer.getJsonArray("sources", new JsonArray());
    }

    JsonObject usage() {
      return answer.getJsonObject("usage", new JsonObject());
    }

    /** The answer may be given again for the same question only (see {@code CacheEntry}). */
    boolean exactOnly() {
      return answer != null && Boolean.TRUE.equals(answer.getValue("exactOnly"));
    }

    private static String string(JsonObject body, String field) {
      Object value = body.getValue(field);
      if (value != null && !(value instanceof String)) {
        throw new IllegalArgumentException(field + " must be a string");
      }
      return value == null ? "" : (String) value;
    }
  }

  static JsonObject encodeHit(CachedAnswer answer) {
    if (answer == null) {
      return new JsonObject().putNull("hit");
    }
    return new JsonObject().put("hit", new JsonObject().put("answer", answer.answer()).put("sources", answer.sources())
        .put("intent", answer.intent()).put("usage", answer.usage()).put("level", answer.level())
        .put("similarity", answer.similarity()));
  }

  private static CachedAnswer decodeHit(JsonObject reply) {
    JsonObject hit = reply.getJsonObject("hit");
    if (hit == null) {
      return null;
    }
    return new CachedAnswer(hit.getString("answer"), hit.getJsonArray("sources", new JsonArray()), hit.getString("intent"),
        hit.getJsonObject("usage", new JsonObject()), hit.getString("level"), hit.getDouble("similarity"));
  }

  static JsonObject encodeStats(CacheStats stats, CacheConfig config) {
    JsonObject refusals = new JsonObject();
    stats.refusals().forEach(refusals::put);
    return new JsonObject().put("enabled", config.enabled()).put("entries", stats.entries()).put("bytes", stats.bytes())
        .put("maxEntries", stats.maxEntries()).put("maxBytes", stats.maxBytes())
        .put("similarityThreshold", config.similarityThreshold())
        .put("hits", new JsonObject().put("exact", stats.hitsExact()).put("semantic", stats.hitsSemantic())
            .put("coalesced", stats.coalescedHits()))
        .put("misses", new JsonObject().put("exact", stats.missesExact()).put("semantic", stats.missesSemantic())
            .put("coalesced", stats.coalescedMisses()))
        .put("hitRate", Math.round(stats.hitRate() * 10_000) / 10_000.0)
        .put("stores", stats.stores()).put("evictions", stats.evictions()).put("expirations", stats.expirations())
        .put("invalidations", stats.invalidations()).put("inFlight", stats.inFlight())
        .put("leaderTimeouts", stats.leaderTimeouts()).put("refusals", refusals);
  }
}
