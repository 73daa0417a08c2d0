package concierge.llmsim;

import java.nio.file.Path;

/**
 * How the simulator runs.
 *
 * @param host              address to listen on
 * @param port              port to listen on; 0 picks a free one ({@link LlmSimulator#port()} tells which)
 * @param seed              seed of the per-request draws; null draws a seed from the clock (logged at start)
 * @param speed             factor applied to every delay (0.01 plays a 2 s answer in 20 ms); 1 is real time
 * @param tails             the share of slow, hung, failed and cut requests
 * @param maxConcurrency    requests in flight above this get a 429 with Retry-After; 0 means no limit
 * @param retryAfterSeconds the Retry-After of a 429 (a hint to the client, not scaled by speed)
 * @param apiKey            when set, requests must carry {@code Authorization: Bearer <apiKey>}
 * @param logFile           when set, one JSON line per request is appended to it
 * @param instances         event-loop verticles serving requests; with 1, draws follow arrival order exactly
 * @param keptRecords       how many request records {@link LlmSimulator#requests()} keeps (the oldest go first)
 * @param chunkIntervalMs   least time between two content chunks of a stream (real-time ms, scaled by speed); 0
 *                          sends each token as it is due. Tokens due meanwhile wait and go together; the
 *                          first and the last token still go exactly when due
 */
public record LlmSimOptions(String host, int port, Long seed, double speed, TailRates tails, int maxConcurrency,
                            int retryAfterSeconds, String apiKey, Path logFile, int instances, int keptRecords,
                            double chunkIntervalMs) {

  public LlmSimOptions {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be > 0, was " + speed);
    }
    if (instances < 1 || maxConcurrency < 0 || retryAfterSeconds < 0 || keptRecords < 0 || chunkIntervalMs < 0) {
      throw new IllegalArgumentException("instances must be >= 1; limits and intervals must be >= 0");
    }
  }

  /** Loopback, a free port, real time, no tails, no limit, no key, no log file, a chunk per token. */
  public static LlmSimOptions defaults() {
    return new LlmSimOptions("127.0.0.1", 0, null, 1.0, TailRates.OFF, 0, 1, null, null, 1, 100_000, 0);
  }

  public LlmSimOptions withHost(String value) {
    return new LlmSimOptions(value, port, seed, speed, tails, maxConcurrency, retryAfterSeconds, apiKey, logFile,
        instances, keptRecords, chunkIntervalMs);
  }

  public LlmSimOptions withPort(int value) {
    return new LlmSimOptions(host, value, seed, speed, tails, maxConcurrency, retryAfterSeconds, apiKey, logFile,
        instances, keptRecords, chunkIntervalMs);
  }

  public LlmSimOptions withSeed(Long value) {
    return new LlmSimOptions(host, port, value, speed, tails, maxConcurrency, retryAfterSeconds, apiKey, logFile,
        instances, keptRecords, chunkIntervalMs);
  }

  public LlmSimOptions withSpeed(double value) {
    return new LlmSimOptions(host, port, seed, value, tails, maxConcurrency, retryAfterSeconds, apiKey, logFile,
        instances, keptRecords, chunkIntervalMs);
  }

  public LlmSimOptions withTails(TailRates value) {
    return new LlmSimOptions(host, port, seed, speed, value, maxConcurrency, retryAfterSeconds, apiKey, logFile,
        instances, keptRecords, chunkIntervalMs);
  }

  public LlmSimOptions withMaxConcurrency(int value) {
    return new LlmSimOptions(host, port, seed, speed, tails, value, retryAfterSeconds, apiKey, logFile, instances,
        keptRecords, chunkIntervalMs);
  }

  public LlmSimOptions withRetryAfterSeconds(int value) {
    return new LlmSimOptions(host, port, seed, speed, tails, maxConcurrency, value, apiKey, logFile, instances,
        keptRecords, chunkIntervalMs);
  }

  public LlmSimOptions withApiKey(String value) {
    return new LlmSimOptions(host, port, seed, speed, tails, maxConcurrency, retryAfterSeconds, value, logFile,
        instances, keptRecords, chunkIntervalMs);
  }

  public LlmSimOptions withLogFile(Path value) {
    return new LlmSimOptions(host, port, seed, speed, tails, maxConcurrency, retryAfterSeconds, apiKey, value,
        instances, keptRecords, chunkIntervalMs);
  }

  public LlmSimOptions withInstances(int value) {
    return new LlmSimOptions(host, port, seed, speed, tails, maxConcurrency, retryAfterSeconds, apiKey, logFile,
        value, keptRecords, chunkIntervalMs);
  }

  public LlmSimOptions withKeptRecords(int value) {
    return new LlmSimOptions(host, port, seed, speed, tails, maxConcurrency, retryAfterSeconds, apiKey, logFile,
        instances, value, chunkIntervalMs);
  }

  public LlmSimOptions withChunkIntervalMs(double value) {
    return new LlmSimOptions(host, port, seed, speed, tails, maxConcurrency, retryAfterSeconds, apiKey, logFile,
        instances, keptRecords, value);
  }
}
