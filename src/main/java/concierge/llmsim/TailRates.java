package concierge.llmsim;

import java.math.BigDecimal;

/**
 * The share of requests that go wrong, and how. Each rate is a probability in [0, 1] drawn per
 * request: a slow first token (TTFT multiplied by a factor between the two bounds), a hang (no
 * answer until the client gives up), an HTTP 500 before any token, and a cut (the connection is
 * closed after some tokens). Hang wins over 500, which wins over cut.
 */
public record TailRates(double slowRate, double slowFactorMin, double slowFactorMax, double hangRate,
                        double errorRate, double cutRate) {

  /** No tails: every request is answered in full, on time. The default outside load tests. */
  public static final TailRates OFF = new TailRates(0, 3, 6, 0, 0, 0);

  /** The tails of the latency model: 2% TTFT x3-6, 0.25% hang, 0.3% HTTP 500; no cuts. */
  public static final TailRates LOAD_TEST = new TailRates(0.02, 3, 6, 0.0025, 0.003, 0);

  public TailRates {
    requireRate("slow", slowRate);
    requireRate("hang", hangRate);
    requireRate("error", errorRate);
    requireRate("cut", cutRate);
    if (slowFactorMin < 1 || slowFactorMax < slowFactorMin) {
      throw new IllegalArgumentException("slow factor range must be 1 <= min <= max");
    }
  }

  public TailRates withSlowRate(double rate) {
    return new TailRates(rate, slowFactorMin, slowFactorMax, hangRate, errorRate, cutRate);
  }

  public TailRates withHangRate(double rate) {
    return new TailRates(slowRate, slowFactorMin, slowFactorMax, rate, errorRate, cutRate);
  }

  public TailRates withErrorRate(double rate) {
    return new TailRates(slowRate, slowFactorMin, slowFactorMax, hangRate, rate, cutRate);
  }

  public TailRates withCutRate(double rate) {
    return new TailRates(slowRate, slowFactorMin, slowFactorMax, hangRate, errorRate, rate);
  }

  @Override
  public String toString() {
    return String.format("slow %s%% (x%s-%s), hang %s%%, 500 %s%%, cut %s%%", percent(slowRate), slowFactorMin,
        slowFactorMax, percent(hangRate), percent(errorRate), percent(cutRate));
  }

  private static String percent(double rate) {
    return BigDecimal.valueOf(rate * 100).stripTrailingZeros().toPlainString();
  }

  private static void requireRate(String name, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(name + " rate must be between 0 and 1, was " + rate);
    }
  }
}
