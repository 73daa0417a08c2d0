package concierge.generation;

/** An LLM call failed; {@code retryable} when nothing was streamed yet and the status allows a retry. */
public final class LlmException extends RuntimeException {

  private final int status;
  private final boolean retryable;
  private final long retryAfterMs;

  public LlmException(String message, int status, boolean retryable, long retryAfterMs) {
    super(message, null, false, false);
    this.status = status;
    this.retryable = retryable;
    this.retryAfterMs = retryAfterMs;
  }

  public int status() {
    return status;
  }

  public boolean retryable() {
    return retryable;
  }

  public long retryAfterMs() {
    return retryAfterMs;
  }
}
