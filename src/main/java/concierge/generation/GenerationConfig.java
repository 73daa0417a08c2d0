package concierge.generation;

import io.vertx.core.json.JsonObject;

/** The generation.* and llm.* settings. */
public record GenerationConfig(String provider, int maxSentences, double minSimilarity, boolean streamWords,
                               long deltaIntervalMs,
                               String llmUrl, String apiKey,
                               String model, String intentModel, int connectTimeoutMs, long firstTokenTimeoutMs,
                               long totalTimeoutMs, int maxRetries, int maxTokens, double temperature) {

  public static GenerationConfig from(JsonObject root) {
    JsonObject g = root.getJsonObject("generation", new JsonObject());
    JsonObject l = root.getJsonObject("llm", new JsonObject());
    String url = l.getString("url", "");
    String provider = g.getString("provider", "auto");
    if ("auto".equals(provider)) {
      provider = url.isBlank() ? "embedded" : "openai";
    }
    String stream = g.getString("stream", "words");
    if (!"words".equals(stream) && !"sentences".equals(stream)) {
      throw new IllegalArgumentException("generation.stream must be 'words' or 'sentences', not '" + stream + "'");
    }
    return new GenerationConfig(provider, g.getInteger("max-sentences", 4), g.getDouble("min-similarity", 0.25),
        "words".equals(stream), g.getLong("delta-interval-ms", 40L),
        url.endsWith("/") ? url.substring(0, url.length() - 1) : url, l.getString("api-key", ""),
        l.getString("model", "gpt-4o-mini"), l.getString("intent-model", "gpt-3.5-turbo"),
        l.getInteger("connect-timeout-ms", 2000), l.getLong("first-token-timeout-ms", 8000L),
        l.getLong("total-timeout-ms", 60000L), l.getInteger("max-retries", 2), l.getInteger("max-tokens", 100),
        l.getDouble("temperature", 0.2));
  }

  public boolean llmConfigured() {
    return llmUrl != null && !llmUrl.isBlank();
  }

  /** The model name that identifies answers in the cache and in usage. */
  public String answerModel() {
    return "openai".equals(provider) ? model : "embedded";
  }
}
