package concierge.intent;

import java.util.Map;

/**
 * Turns a message and its embedding into the classifier's input: the embedding and the explicit
 * features of {@link MessageFeatures} (dense), and the hashed words of {@link TextGrams}
 * (sparse), each part weighted so that the one L2 penalty treats them in proportion.
 */
final class MessageEncoder {

  private final double featureWeight;
  private final double gramWeight;
  private final TextGrams grams;

  MessageEncoder(IntentConfig settings) {
    this.featureWeight = settings.featureWeight();
    this.gramWeight = settings.gramWeight();
    this.grams = new TextGrams(settings.gramBuckets());
  }

  int sparseSize() {
    return grams.buckets();
  }

  SoftmaxRegression.Input encode(String message, float[] vector) {
    double[] features = MessageFeatures.of(message);
    double[] dense = new double[vector.length + features.length];
    for (int j = 0; j < vector.length; j++) {
      dense[j] = vector[j];
    }
    for (int j = 0; j < features.length; j++) {
      dense[vector.length + j] = featureWeight * features[j];
    }
    Map<Integer, Double> words = gramWeight > 0 ? grams.of(message) : Map.of();
    int[] index = new int[words.size()];
    double[] value = new double[words.size()];
    int k = 0;
    for (Map.Entry<Integer, Double> word : words.entrySet()) {
      index[k] = word.getKey();
      value[k++] = gramWeight * word.getValue();
    }
    return new SoftmaxRegression.Input(dense, index, value);
  }
}
