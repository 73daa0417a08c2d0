package concierge.intent;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The classifier on made-up embeddings: three intents around three directions, with noise. */
@DisplayName("The intent classifier")
class IntentClassifierTest {

  private static final int DIMENSION = 16;
  private static final List<String> INTENTS = List.of("greeting", "order_status", "policy_question");

  private static float[] around(int axis, double noise, Random random) {
    float[] v = new float[DIMENSION];
    for (int j = 0; j < DIMENSION; j++) {
      v[j] = (float) (random.nextGaussian() * noise);
    }
    v[axis] += 1;
    return v;
  }

  private static IntentClassifier train(double noise, long seed) {
    Random random = new Random(seed);
    List<IntentExample> examples = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      int intent = i % 3;
      examples.add(new IntentExample(INTENTS.get(intent), "example"));
      vectors.add(around(intent, noise, random));
    }
    return IntentClassifier.train(examples, vectors, IntentConfig.defaults());
  }

  @Test
  @DisplayName("learns separable intents, confidently, with the top scores best first")
  void separable() {
    IntentClassifier classifier = train(0.1, 1);
    Random random = new Random(2);
    for (int intent = 0; intent < 3; intent++) {
      IntentPrediction prediction = classifier.classify("example", around(intent, 0.1, random));
      assertThat(prediction.name()).isEqualTo(INTENTS.get(intent));
      assertThat(prediction.confidence()).isGreaterThan(0.9);
      assertThat(prediction.scores()).hasSize(3).containsEntry(prediction.name(), prediction.confidence());
      assertThat(prediction.scores().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
          within(1e-9));
    }
  }

  @Test
  @DisplayName("its confidence is about how often it is right, on intents that overlap")
  void calibrated() {
    IntentClassifier classifier = train(0.4, 3);
    Random random = new Random(4);
    int right = 0;
    double confidence = 0;
    int n = 900;
    for (int i = 0; i < n; i++) {
      IntentPrediction prediction = classifier.classify("example", around(i % 3, 0.4, random));
      right += prediction.name().equals(INTENTS.get(i % 3)) ? 1 : 0;
      confidence += prediction.confidence();
    }
    double accuracy = right / (double) n;
    assertThat(accuracy).as("the intents overlap").isBetween(0.6, 0.97);
    assertThat(confidence / n).as("mean confidence against accuracy %.3f", accuracy).isCloseTo(accuracy,
        within(0.08));
  }

  @Test
  @DisplayName("calibration makes noisy, overlapping intents less confident than clean ones")
  void calibration() {
    Random random = new Random(5);
    float[] probe = around(2, 0.0, random);
    double clean = train(0.05, 4).classify("example", probe).confidence();
    double noisy = train(0.8, 4).classify("example", probe).confidence();
    assertThat(noisy).isLessThan(clean);
  }

  @Test
  @DisplayName("training twice on the same examples gives the same answers")
  void deterministic() {
    float[] probe = around(1, 0.3, new Random(9));
    assertThat(train(0.3, 7).classify("example", probe)).isEqualTo(train(0.3, 7).classify("example", probe));
  }

  @Test
  @DisplayName("refuses a vector of another size, and examples without vectors")
  void misuse() {
    IntentClassifier classifier = train(0.1, 1);
    assertThatThrownBy(() -> classifier.classify("hi", new float[3])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IntentClassifier.train(List.of(new IntentExample("greeting", "hi")), List.of(),
        IntentConfig.defaults())).isInstanceOf(IllegalArgumentException.class);
  }
}
