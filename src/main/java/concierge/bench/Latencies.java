package concierge.bench;

import java.util.Arrays;

/** Recorded durations (nanoseconds) and their percentiles, in milliseconds. Thread-safe. */
public final class Latencies {

  private long[] values = new long[1024];
  private int size;

  public synchronized void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  public synchronized int count() {
    return size;
  }

  public synchronized double percentileMs(double p) {
    if (size == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int index = (int) Math.min(size - 1, Math.max(0, Math.ceil(p / 100.0 * size) - 1));
    return sorted[index] / 1_000_000.0;
  }

  public synchronized double meanMs() {
    if (size == 0) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += values[i];
    }
    return sum / size / 1_000_000.0;
  }

  public String summary() {
    return String.format("p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  mean %.2f ms  (n=%d)",
        percentileMs(50), percentileMs(95), percentileMs(99), meanMs(), count());
  }
}
