package concierge.llmsim;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

import java.time.Instant;
import java.util.List;

/**
 * Plays one planned completion over HTTP on the event loop: a Vert.x timer for each moment
 * something is due (never a sleep), the tokens due by then in one SSE chunk, the planned hang,
 * 500 or cut, and one record in the log when the exchange ends, however it ends.
 */
final class CompletionPlayback {

  private final Vertx vertx;
  private final SimulatorRun run;
  private final CompletionPlan plan;
  private final ChatRequest request;
  private final HttpServerResponse response;
  private final long arrivedNanos;
  private final Instant arrivedAt;
  private final long created;
  private final StreamFrames frames;
  private List<String> pieces;
  private long timer = -1;
  private int sent;
  private double ttftMs = -1;
  private boolean finished;

  CompletionPlayback(Vertx vertx, SimulatorRun run, CompletionPlan plan, ChatRequest request,
                     HttpServerResponse response, long arrivedNanos) {
    this.vertx = vertx;
    this.run = run;
    this.plan = plan;
    this.request = request;
    this.response = response;
    this.arrivedNanos = arrivedNanos;
    this.arrivedAt = Instant.now().minusNanos(System.nanoTime() - arrivedNanos);
    this.created = arrivedAt.getEpochSecond();
    this.frames = request.stream() ? new StreamFrames(plan, created, request.includeUsage()) : null;
  }

  void start() {
    response.closeHandler(ignored -> finish(plan.outcome() == Outcome.HANG ? Outcome.HANG : Outcome.CLIENT_CLOSED));
    switch (plan.outcome()) {
      case HANG -> { }
      case SERVER_ERROR -> at(plan.ttftMs(), this::failWith500);
      default -> at(plan.ttftMs(), request.stream() ? this::beginStream : this::answerWhole);
    }
  }

  private void failWith500() {
    OpenAiError error = OpenAiError.serverError();
    finish(Outcome.SERVER_ERROR);
    response.setStatusCode(error.status()).putHeader("content-type", "application/json")
        .end(error.toJson().encode());
  }

  private void answerWhole() {
    if (plan.outcome() == Outcome.CUT) {
      at(plan.tokenDueMs(plan.cutAfterTokens() - 1), this::cut);
      return;
    }
    at(plan.plannedTotalMs(), () -> {
      ttftMs = elapsedMs();
      sent = plan.completionTokens();
      Buffer body = Buffer.buffer(OpenAiFormat.completion(plan, created).encode());
      finish(Outcome.OK);
      response.putHeader("content-type", "application/json").end(body);
    });
  }

  private void beginStream() {
    pieces = Tokenizer.pieces(plan.answer().tokens());
    response.setChunked(true).putHeader("content-type", "text/event-stream; charset=utf-8")
        .putHeader("cache-control", "no-cache");
    response.write(frames.role());
    emitDue();
  }

  private void emitDue() {
    int last = plan.outcome() == Outcome.CUT ? plan.cutAfterTokens() : plan.completionTokens();
    double now = elapsedMs();
    StringBuilder text = new StringBuilder();
    while (sent < last && plan.tokenDueMs(sent) <= now) {
      text.append(pieces.get(sent++));
    }
    if (text.length() > 0) {
      ttftMs = ttftMs < 0 ? elapsedMs() : ttftMs;
      response.write(frames.content(text.toString()));
    }
    if (sent < last) {
      at(nextEmission(now, last), this::emitDue);
    } else if (plan.outcome() == Outcome.CUT) {
      cut();
    } else {
      endStream();
    }
  }

  /** When the next chunk goes: its token's due time, held back to the chunk interval, but never past the last token. */
  private double nextEmission(double now, int last) {
    double held = Math.max(plan.tokenDueMs(sent), now + run.options.chunkIntervalMs() * run.options.speed());
    return Math.min(held, plan.tokenDueMs(last - 1));
  }

  private void endStream() {
    response.write(frames.finish());
    if (request.includeUsage()) {
      response.write(frames.usage());
    }
    finish(Outcome.OK);
    response.end(StreamFrames.DONE);
  }

  private void cut() {
    finish(Outcome.CUT);
    response.reset();
  }

  /** Runs {@code action} when {@code dueMs} after arrival has come (at once if it has). */
  private void at(double dueMs, Runnable action) {
    long delay = (long) Math.ceil(dueMs - elapsedMs());
    timer = vertx.setTimer(Math.max(1, delay), id -> {
      timer = -1;
      if (!finished) {
        action.run();
      }
    });
  }

  private double elapsedMs() {
    return (System.nanoTime() - arrivedNanos) / 1e6;
  }

  /** Logs the exchange (before its last bytes go out, so a client that got them finds it logged) and frees its slot. */
  private void finish(Outcome outcome) {
    if (finished) {
      return;
    }
    finished = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    run.release();
    run.log.add(new RequestRecord(plan.id(), plan.model(), request.stream(), arrivedAt, plan.slow(), plan.ttftMs(),
        ttftMs, elapsedMs(), plan.plannedTotalMs(), plan.promptTokens(), plan.completionTokens(), sent, outcome));
  }
}
