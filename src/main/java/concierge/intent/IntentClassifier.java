package concierge.intent;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Tells the intent of a customer message from its sentence embedding, a few explicit features
 * of its text ({@link MessageFeatures}) and its hashed words ({@link TextGrams}), with a
 * multinomial logistic regression trained on the intent examples at start-up. Its confidence is
 * the model's probability after a temperature fitted on held-out folds of the examples, so that
 * it can be compared with a threshold. Immutable and thread-safe once trained; pure Java.
 */
public final class IntentClassifier {

  private final List<String> intents;
  private final MessageEncoder encoder;
  private final SoftmaxRegression model;
  private final double temperature;
  private final int topScores;

  private IntentClassifier(List<String> intents, MessageEncoder encoder, SoftmaxRegression model,
      double temperature, int topScores) {
    this.intents = List.copyOf(intents);
    this.encoder = encoder;
    this.model = model;
    this.temperature = temperature;
    this.topScores = topScores;
  }

  /** Trains on the examples; {@code vectors} are their unit embeddings, in the same order. */
  public static IntentClassifier train(List<IntentExample> examples, List<float[]> vectors, IntentConfig settings) {
    if (examples.isEmpty() || examples.size() != vectors.size()) {
      throw new IllegalArgumentException("need one vector per example, and at least one example");
    }
    List<String> intents = examples.stream().map(IntentExample::intent).distinct().sorted().toList();
    MessageEncoder encoder = new MessageEncoder(settings);
    SoftmaxRegression.Input[] x = new SoftmaxRegression.Input[examples.size()];
    int[] y = new int[examples.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = encoder.encode(examples.get(i).text(), vectors.get(i));
      y[i] = intents.indexOf(examples.get(i).intent());
    }
    SoftmaxRegression model = SoftmaxRegression.fit(x, y, intents.size(), encoder.sparseSize(), settings.l2(),
        settings.maxIterations(), SoftmaxRegression.TOLERANCE, null);
    double temperature = TemperatureCalibration.fit(x, y, intents.size(), encoder.sparseSize(), settings, model);
    return new IntentClassifier(intents, encoder, model, temperature, settings.topScores());
  }

  public List<String> intents() {
    return intents;
  }

  /** The temperature that divides the logits (1 = none); above 1 means the raw model was overconfident. */
  public double temperature() {
    return temperature;
  }

  public IntentPrediction classify(String message, float[] vector) {
    int dimension = model.denseSize() - MessageFeatures.NAMES.size();
    if (vector == null || vector.length != dimension) {
      throw new IllegalArgumentException("vector must be an embedding of " + dimension + " dimensions");
    }
    double[] p = SoftmaxRegression.softmax(model.logits(encoder.encode(message, vector)), temperature);
    List<Integer> ranked = IntStream.range(0, p.length).boxed()
        .sorted(Comparator.comparingDouble((Integer c) -> p[c]).reversed()).toList();
    Map<String, Double> top = new LinkedHashMap<>();
    for (int c : ranked.subList(0, Math.min(topScores, ranked.size()))) {
      top.put(intents.get(c), p[c]);
    }
    int best = ranked.get(0);
    return new IntentPrediction(intents.get(best), p[best], top);
  }
}
