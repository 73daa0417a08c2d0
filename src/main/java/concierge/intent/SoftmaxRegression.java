package concierge.intent;

import java.util.Arrays;

/**
 * Multinomial logistic regression with L2 regularisation (the bias is not regularised), fitted by
 * L-BFGS on the full batch. An input has a dense part (the embedding and the explicit features)
 * and a sparse part (hashed n-grams). Deterministic: the same data give the same weights.
 */
final class SoftmaxRegression {

  /** Stop when the gradient is this small: the loss is then within ~1e-5 of its minimum. */
  static final double TOLERANCE = 1e-4;

  /** One input: dense values, and sparse values at indices below the model's sparse size. */
  record Input(double[] dense, int[] sparseIndex, double[] sparseValue) {
  }

  private final int classes;
  private final int dense;
  private final int sparse;
  /** Row-major, one row per class: the dense weights, the sparse weights, then the bias. */
  private final double[] weights;

  private SoftmaxRegression(int classes, int dense, int sparse, double[] weights) {
    this.classes = classes;
    this.dense = dense;
    this.sparse = sparse;
    this.weights = weights;
  }

  /**
   * Fits until the gradient norm is under {@code tolerance}, starting from another model's
   * weights (same shape) when one is given, which converges in fewer iterations.
   *
   * @param y  the class of each input, 0..classes-1
   * @param l2 the weight of the L2 penalty: the loss is the mean log loss + l2/2 |w|²
   */
  static SoftmaxRegression fit(Input[] x, int[] y, int classes, int sparse, double l2, int maxIterations,
      double tolerance, SoftmaxRegression start) {
    int dense = x[0].dense().length;
    Objective objective = new Objective(x, y, classes, dense, sparse, l2);
    double[] initial = start == null ? new double[classes * (dense + sparse + 1)] : start.weights.clone();
    double[] w = new Lbfgs(8, maxIterations, tolerance).minimize(objective, initial);
    return new SoftmaxRegression(classes, dense, sparse, w);
  }

  int denseSize() {
    return dense;
  }

  /** Logits (scores before the softmax) for one input. */
  double[] logits(Input input) {
    return logits(weights, classes, dense, sparse, input, new double[classes]);
  }

  private static double[] logits(double[] w, int classes, int dense, int sparse, Input input, double[] out) {
    int stride = dense + sparse + 1;
    int[] index = input.sparseIndex();
    double[] value = input.sparseValue();
    for (int c = 0; c < classes; c++) {
      int row = c * stride;
      double sum = w[row + stride - 1] + dot(w, row, input.dense(), dense);
      for (int k = 0; k < index.length; k++) {
        sum += w[row + dense + index[k]] * value[k];
      }
      out[c] = sum;
    }
    return out;
  }

  /** A dot product with four partial sums: the JIT does not vectorise a floating-point reduction. */
  private static double dot(double[] w, int offset, double[] x, int length) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 3 < length; j += 4) {
      s0 += w[offset + j] * x[j];
      s1 += w[offset + j + 1] * x[j + 1];
      s2 += w[offset + j + 2] * x[j + 2];
      s3 += w[offset + j + 3] * x[j + 3];
    }
    for (; j < length; j++) {
      s0 += w[offset + j] * x[j];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** Softmax of logits divided by a temperature, in place. */
  static double[] softmax(double[] logits, double temperature) {
    double max = Double.NEGATIVE_INFINITY;
    for (double z : logits) {
      max = Math.max(max, z);
    }
    double sum = 0;
    for (int c = 0; c < logits.length; c++) {
      logits[c] = Math.exp((logits[c] - max) / temperature);
      sum += logits[c];
    }
    for (int c = 0; c < logits.length; c++) {
      logits[c] /= sum;
    }
    return logits;
  }

  /** Mean log loss + L2 penalty, and its gradient. */
  private record Objective(Input[] x, int[] y, int classes, int dense, int sparse, double l2)
      implements Lbfgs.Function {

    @Override
    public double valueAndGradient(double[] w, double[] gradient) {
      Arrays.fill(gradient, 0);
      int stride = dense + sparse + 1;
      double loss = 0;
      double[] p = new double[classes];
      for (int i = 0; i < x.length; i++) {
        logits(w, classes, dense, sparse, x[i], p);
        loss += toProbabilities(p, y[i]);
        for (int c = 0; c < classes; c++) {
          double error = p[c] - (c == y[i] ? 1 : 0);
          addScaled(gradient, c * stride, error, x[i]);
          gradient[c * stride + stride - 1] += error;
        }
      }
      double n = x.length;
      double penalty = 0;
      for (int c = 0; c < classes; c++) {
        int row = c * stride;
        for (int j = 0; j < stride - 1; j++) {
          double wj = w[row + j];
          penalty += wj * wj;
          gradient[row + j] = gradient[row + j] / n + l2 * wj;
        }
        gradient[row + stride - 1] /= n;
      }
      return loss / n + 0.5 * l2 * penalty;
    }

    /** Turns logits into probabilities in place; returns the log loss of the true class. */
    private static double toProbabilities(double[] p, int truth) {
      double max = Double.NEGATIVE_INFINITY;
      for (double z : p) {
        max = Math.max(max, z);
      }
      double loss = max - p[truth];
      double sum = 0;
      for (int c = 0; c < p.length; c++) {
        p[c] = Math.exp(p[c] - max);
        sum += p[c];
      }
      for (int c = 0; c < p.length; c++) {
        p[c] /= sum;
      }
      return loss + Math.log(sum);
    }

    private void addScaled(double[] gradient, int row, double a, Input input) {
      double[] d = input.dense();
      for (int j = 0; j < dense; j++) {
        gradient[row + j] += a * d[j];
      }
      int[] index = input.sparseIndex();
      double[] value = input.sparseValue();
      for (int k = 0; k < index.length; k++) {
        gradient[row + dense + index[k]] += a * value[k];
      }
    }
  }
}
