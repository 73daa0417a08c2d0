package concierge.intent;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits the softmax temperature that makes the model's probabilities honest: the examples are
 * split into k folds, each fold is scored by a model trained on the others, and the temperature
 * that minimises the log loss of those held-out scores is kept. Without it a regularised model
 * trained on a few hundred short examples is over- or under-confident by a wide margin.
 */
final class TemperatureCalibration {

  /** The held-out models only need to be close: a looser stop than the final model's. */
  private static final double FOLD_TOLERANCE = 1e-3;

  private TemperatureCalibration() {
  }

  static double fit(SoftmaxRegression.Input[] x, int[] y, int classes, int sparse, IntentConfig settings,
      SoftmaxRegression full) {
    int folds = settings.calibrationFolds();
    if (folds < 2 || x.length < folds * 2) {
      return 1.0;
    }
    List<double[]> logits = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int fold = 0; fold < folds; fold++) {
      List<Integer> train = new ArrayList<>();
      List<Integer> test = new ArrayList<>();
      for (int i = 0; i < x.length; i++) {
        (i % folds == fold ? test : train).add(i);
      }
      SoftmaxRegression model = SoftmaxRegression.fit(rows(x, train), labels(y, train), classes, sparse,
          settings.l2(), settings.maxIterations(), FOLD_TOLERANCE, full);
      for (int i : test) {
        logits.add(model.logits(x[i]));
        labels.add(y[i]);
      }
    }
    return bestTemperature(logits, labels);
  }

  /** Golden-section search of the log loss over log(temperature) in [0.05, 20]. */
  static double bestTemperature(List<double[]> logits, List<Integer> labels) {
    double lo = Math.log(0.05);
    double hi = Math.log(20);
    double ratio = (Math.sqrt(5) - 1) / 2;
    for (int i = 0; i < 60; i++) {
      double a = hi - ratio * (hi - lo);
      double b = lo + ratio * (hi - lo);
      if (logLoss(logits, labels, Math.exp(a)) < logLoss(logits, labels, Math.exp(b))) {
        hi = b;
      } else {
        lo = a;
      }
    }
    return Math.exp((lo + hi) / 2);
  }

  private static double logLoss(List<double[]> logits, List<Integer> labels, double temperature) {
    double loss = 0;
    for (int i = 0; i < logits.size(); i++) {
      double[] p = SoftmaxRegression.softmax(logits.get(i).clone(), temperature);
      loss -= Math.log(Math.max(1e-12, p[labels.get(i)]));
    }
    return loss / logits.size();
  }

  private static SoftmaxRegression.Input[] rows(SoftmaxRegression.Input[] x, List<Integer> pick) {
    SoftmaxRegression.Input[] out = new SoftmaxRegression.Input[pick.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = x[pick.get(i)];
    }
    return out;
  }

  private static int[] labels(int[] y, List<Integer> pick) {
    int[] out = new int[pick.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = y[pick.get(i)];
    }
    return out;
  }
}
