package concierge.intent;

import java.util.Map;

/**
 * The intent of one message: its name, the model's probability for it (0..1, calibrated on the
 * examples, so a caller may ask an LLM below a threshold), and the top scores by intent.
 */
public record IntentPrediction(String name, double confidence, Map<String, Double> scores) {

  public IntentPrediction {
    scores = Map.copyOf(scores);
  }
}
