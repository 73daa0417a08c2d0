package concierge.generation;

import concierge.validation.SentenceGate;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Sends what the {@link SentenceGate} shows of one answer to the turn's stream address as
 * {@code delta} and {@code retract} frames. The first piece goes at once (the time to first
 * token); later pieces that come within {@code intervalMs} of the last frame wait and go
 * together, so a fast model's tokens do not each cost a frame on every hop to the client (nor a
 * check of the sentence being written: see {@link #ready}). A
 * withdrawn piece is taken from what waits first, so text that is withdrawn before its frame
 * went is never sent. Used on one event loop.
 */
final class DeltaFrames implements SentenceGate.Listener {

  private final Vertx vertx;
  private final String stream;
  private final long intervalMs;
  private final long started = System.nanoTime();
  private final StringBuilder waiting = new StringBuilder();
  private long firstShownMs = -1;
  private long lastSentNanos;
  private long timer = -1;

  DeltaFrames(Vertx vertx, String stream, long intervalMs) {
    this.vertx = vertx;
    this.stream = stream;
    this.intervalMs = intervalMs;
  }

  /** Milliseconds from the start of the generation to the first piece shown; -1 when none was. */
  long firstShownMs() {
    return firstShownMs;
  }

  @Override
  public void shown(String piece) {
    if (firstShownMs < 0) {
      firstShownMs = (System.nanoTime() - started) / 1_000_000;
    }
    waiting.append(piece);
    long sinceLast = (System.nanoTime() - lastSentNanos) / 1_000_000;
    if (intervalMs <= 0 || lastSentNanos == 0 || sinceLast >= intervalMs) {
      flush();
    } else if (timer < 0) {
      timer = vertx.setTimer(intervalMs - sinceLast, id -> {
        timer = -1;
        flush();
      });
    }
  }

  /** Nothing waits for the interval: a piece shown now goes at once. */
  @Override
  public boolean ready() {
    return intervalMs <= 0 || lastSentNanos == 0 || (System.nanoTime() - lastSentNanos) / 1_000_000 >= intervalMs;
  }

  @Override
  public void withdrawn(String piece) {
    int fromWaiting = Math.min(piece.length(), waiting.length());
    waiting.setLength(waiting.length() - fromWaiting);
    String sent = piece.substring(0, piece.length() - fromWaiting);
    if (!sent.isEmpty()) {
      send("retract", sent);
    }
  }

  /** Sends what waits now: before the answer's reply, so that the end frame comes after every delta. */
  void flush() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    if (waiting.length() > 0) {
      send("delta", waiting.toString());
      waiting.setLength(0);
      lastSentNanos = System.nanoTime();
    }
  }

  /** The answer failed: nothing more is sent. */
  void drop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    waiting.setLength(0);
  }

  private void send(String type, String text) {
    if (stream != null) {
      vertx.eventBus().send(stream, new JsonObject().put("type", type).put("text", text));
    }
  }
}
