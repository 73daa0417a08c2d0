package concierge.llmsim;

import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Draws each request's plan from the latency model. Every request gets its own generator,
 * seeded from one master generator in arrival order, and always makes the same draws in the same
 * order: the same seed gives the same sequence of delays and answers whatever the tails are.
 */
public final class CompletionPlanner {

  /** Answer length: lognormal with median 150 tokens and p95 400, so sigma = ln(400/150) / 1.645. */
  static final double LENGTH_MEDIAN = 150;
  static final double LENGTH_SIGMA = Math.log(400 / 150.0) / 1.6449;
  static final int LENGTH_MAX = 4096;

  private final long seed;
  private final Random master;
  private final double speed;
  private final TailRates tails;
  private final String runId;
  private final AtomicLong sequence = new AtomicLong();

  public CompletionPlanner(Long seed, double speed, TailRates tails) {
    this.seed = seed != null ? seed : System.nanoTime();
    this.master = new Random(this.seed);
    this.speed = speed;
    this.tails = tails;
    this.runId = HexFormat.of().toHexDigits((int) new Random().nextLong());
  }

  /** The seed in use: the one given, or the one drawn from the clock (to replay a run). */
  public long seed() {
    return seed;
  }

  public CompletionPlan plan(ChatRequest request) {
    Random draws = nextGenerator();
    String id = "chatcmpl-" + runId + "-" + sequence.incrementAndGet();
    ModelPreset preset = ModelPreset.of(request.model());
    Outcome outcome = outcome(draws.nextDouble(), draws.nextDouble(), draws.nextDouble());
    boolean slow = draws.nextDouble() < tails.slowRate();
    double slowFactor = uniform(draws, tails.slowFactorMin(), tails.slowFactorMax());
    double ttftMs = lognormal(draws, preset.ttftMedianMs(), preset.ttftSigma()) * (slow ? slowFactor : 1);
    double rate = uniform(draws, preset.decodeMinPerSecond(), preset.decodeMaxPerSecond());
    int drawnLength = (int) Math.min(LENGTH_MAX, Math.max(1, Math.round(lognormal(draws, LENGTH_MEDIAN, LENGTH_SIGMA))));
    boolean capped = request.maxTokens() != null && request.maxTokens() < drawnLength;
    int length = capped ? request.maxTokens() : drawnLength;
    int cutAfter = 1 + draws.nextInt(Math.max(1, length - 1));
    AnswerComposer.Answer answer = AnswerComposer.compose(request, length, draws);
    return new CompletionPlan(id, request.model(), outcome, slow, ttftMs * speed, rate, 1000 / rate * speed,
        Tokenizer.promptTokens(request.messages()), answer, capped ? "length" : "stop", cutAfter);
  }

  private synchronized Random nextGenerator() {
    return new Random(master.nextLong());
  }

  private Outcome outcome(double hang, double error, double cut) {
    if (hang < tails.hangRate()) {
      return Outcome.HANG;
    }
    if (error < tails.errorRate()) {
      return Outcome.SERVER_ERROR;
    }
    return cut < tails.cutRate() ? Outcome.CUT : Outcome.OK;
  }

  private static double lognormal(Random random, double median, double sigma) {
    return median * Math.exp(sigma * random.nextGaussian());
  }

  private static double uniform(Random random, double min, double max) {
    return min + random.nextDouble() * (max - min);
  }
}
