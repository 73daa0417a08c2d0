package concierge.cache;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * An answer served from the cache: its text and sources as they were validated when it was
 * generated, the intent it was stored under, what generating it cost (the usage a hit saves),
 * the level that found it and, for a semantic hit, the cosine similarity of the two questions.
 */
public record CachedAnswer(String answer, JsonArray sources, String intent, JsonObject usage, String level,
                           Double similarity) {

  public static final String EXACT = "exact";
  public static final String SEMANTIC = "semantic";
  /** The answer another turn was generating for the same (or a similar) question when this one asked: it waited for it. */
  public static final String COALESCED = "coalesced";

  public boolean semantic() {
    return SEMANTIC.equals(level);
  }

  /** This answer as handed to a turn that waited for its generation; {@code similarity} when its question was similar. */
  public CachedAnswer coalesced(Double questionSimilarity) {
    return new CachedAnswer(answer, sources, intent, usage, COALESCED, questionSimilarity);
  }
}
