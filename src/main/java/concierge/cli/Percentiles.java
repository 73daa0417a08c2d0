package concierge.cli;

import java.util.Arrays;

/** P50, P95, P99 and max of a set of measurements (nearest rank). */
record Percentiles(int count, double p50, double p95, double p99, double max) {

  static Percentiles of(double[] values) {
    if (values.length == 0) {
      return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return new Percentiles(sorted.length, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99),
        sorted[sorted.length - 1]);
  }

  private static double rank(double[] sorted, double p) {
    return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
  }

  String row(String label) {
    return String.format("%-34s %8.2f %8.2f %8.2f %8.2f", label, p50, p95, p99, max);
  }
}
