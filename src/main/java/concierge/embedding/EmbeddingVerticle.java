package concierge.embedding;

import concierge.Addresses;
import concierge.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Serves {@code concierge.embedding}. Inference runs on a small worker pool (one inference thread
 * per worker, one worker per core). No queueing delay when idle: a request starts at once
 * if a worker is free; under load, queued requests are taken together as one micro-batch, and a
 * full queue answers 'unavailable' at once instead of stalling callers.
 */
public final class EmbeddingVerticle extends VerticleBase {

  private record Pending(List<String> texts, Promise<List<float[]>> promise) {
  }

  private final Embedder embedder;
  private EmbeddingConfig settings;
  private WorkerExecutor workers;
  private final Deque<Pending> queue = new ArrayDeque<>();
  private int active;

  public EmbeddingVerticle(Embedder embedder) {
    this.embedder = embedder;
  }

  @Override
  public Future<?> start() {
    settings = EmbeddingConfig.from(config());
    workers = vertx.createSharedWorkerExecutor("concierge-embedding", settings.workers());
    return vertx.eventBus().<JsonObject>consumer(Addresses.EMBEDDING, this::handle).completion();
  }

  @Override
  public Future<?> stop() {
    return workers.close();
  }

  private void handle(Message<JsonObject> message) {
    List<String> texts;
    try {
      texts = EmbeddingService.texts(message.body());
    } catch (IllegalArgumentException e) {
      message.fail(ErrorCode.INVALID_REQUEST.status(), e.getMessage());
      return;
    }
    if (texts.size() == 1) {
      float[] cached = embedder.cached(texts.get(0));
      if (cached != null) {
        message.reply(EmbeddingService.encode(List.of(cached)));
        return;
      }
    }
    if (queue.size() >= settings.queueMax()) {
      message.fail(ErrorCode.UNAVAILABLE.status(), "embedding queue is full");
      return;
    }
    Promise<List<float[]>> promise = Promise.promise();
    queue.add(new Pending(texts, promise));
    pump();
    promise.future().onComplete(result -> {
      if (result.succeeded()) {
        message.reply(EmbeddingService.encode(result.result()));
      } else {
        boolean unreadable = unreadable(result.cause());
        message.fail((unreadable ? ErrorCode.INVALID_REQUEST : ErrorCode.INTERNAL).status(),
            unreadable ? "text has nothing the embedding model can read" : "embedding failed: " + result.cause().getMessage());
      }
    });
  }

  private void pump() {
    while (active < settings.workers() && !queue.isEmpty()) {
      List<Pending> batch = takeBatch();
      List<String> texts = new ArrayList<>();
      batch.forEach(pending -> texts.addAll(pending.texts()));
      active++;
      workers.executeBlocking(() -> embedder.embed(texts), false).onComplete(result -> {
        active--;
        if (result.failed() && batch.size() > 1) {
          // one text the model cannot read fails the whole batch: each request is embedded alone
          batch.forEach(this::embedAlone);
        } else {
          deliver(batch, result.succeeded() ? result.result() : null, result.cause());
        }
        pump();
      });
    }
  }

  private void embedAlone(Pending pending) {
    active++;
    workers.executeBlocking(() -> embedder.embed(pending.texts()), false).onComplete(result -> {
      active--;
      deliver(List.of(pending), result.succeeded() ? result.result() : null, result.cause());
      pump();
    });
  }

  /** The model refused the text itself (nothing left after its tokenizer), rather than failing. */
  private static boolean unreadable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof IllegalArgumentException) {
        return true;
      }
    }
    return false;
  }

  private List<Pending> takeBatch() {
    List<Pending> batch = new ArrayList<>();
    int size = 0;
    while (!queue.isEmpty() && (batch.isEmpty() || size + queue.peek().texts().size() <= settings.batchMax())) {
      Pending next = queue.poll();
      batch.add(next);
      size += next.texts().size();
    }
    return batch;
  }

  private static void deliver(List<Pending> batch, List<float[]> vectors, Throwable failure) {
    int at = 0;
    for (Pending pending : batch) {
      if (vectors == null) {
        pending.promise().fail(failure);
        continue;
      }
      pending.promise().complete(vectors.subList(at, at + pending.texts().size()));
      at += pending.texts().size();
    }
  }
}
