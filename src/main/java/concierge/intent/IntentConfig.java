package concierge.intent;

import io.vertx.core.json.JsonObject;

/**
 * The intent.* settings: the confidence under which a caller should not trust the intent (and
 * may ask an LLM, answering the classifier's knowledge route meanwhile when draft-while-asking), and the classifier's training parameters (see conf/concierge.yaml).
 */
public record IntentConfig(double fallbackThreshold, double l2, double featureWeight, double gramWeight,
    int gramBuckets, int maxIterations,
    int calibrationFolds, int topScores, boolean keepVectors, long timeoutMs, boolean draftWhileAsking) {

  public static IntentConfig defaults() {
    return from(new JsonObject());
  }

  public static IntentConfig from(JsonObject root) {
    JsonObject c = root.getJsonObject("intent", new JsonObject());
    return new IntentConfig(
        c.getDouble("fallback-threshold", 0.55),
        c.getDouble("l2", 0.0001),
        c.getDouble("feature-weight", 0.5),
        c.getDouble("gram-weight", 2.0),
        Math.max(1, c.getInteger("gram-buckets", 4096)),
        Math.max(10, c.getInteger("max-iterations", 300)),
        Math.max(0, c.getInteger("calibration-folds", 3)),
        Math.max(1, c.getInteger("top-scores", 3)),
        c.getBoolean("keep-vectors", true),
        c.getLong("timeout-ms", 2000L),
        c.getBoolean("draft-while-asking", true));
  }
}
