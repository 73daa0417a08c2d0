package concierge.agent;

import concierge.generation.GenerationService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The frames of a draft answer, written while the intent model is still asked whether the draft's
 * route is right. They wait here until the route is settled: released, they go to the turn's
 * stream in order (and later ones straight after them); dropped, they are never sent and the
 * draft's generation is cancelled. While the draft runs, a cancel from the turn's listener (its
 * client went away) reaches the draft's generation. Used on the pipeline's event loop.
 */
final class HeldFrames {

  private final Vertx vertx;
  private final String address;
  private final String stream;
  private final List<JsonObject> waiting = new ArrayList<>();
  private MessageConsumer<JsonObject> frames;
  private MessageConsumer<Object> cancels;
  private boolean released;
  private boolean dropped;
  private boolean clientGone;

  /** Frames sent to {@code address} are held for {@code stream} (null: a turn that is not streamed). */
  HeldFrames(Vertx vertx, String address, String stream) {
    this.vertx = vertx;
    this.address = address;
    this.stream = stream;
  }

  /** Completes when frames sent to the held address are received. */
  Future<Void> listen() {
    frames = consumer(address);
    frames.handler(message -> held(message.body()));
    if (stream == null) {
      return frames.completion();
    }
    cancels = consumer(GenerationService.cancelAddress(stream));
    cancels.handler(message -> {
      clientGone = true;
      cancelDraft();
    });
    return Future.join(frames.completion(), cancels.completion()).mapEmpty();
  }

  /** Clustered when the node is: the draft's generation may run on another node. */
  private <T> MessageConsumer<T> consumer(String at) {
    return vertx.isClustered() ? vertx.eventBus().consumer(at) : vertx.eventBus().localConsumer(at);
  }

  private void held(JsonObject frame) {
    if (dropped) {
      // the draft's generation began after it was dropped: the first cancel found no listener
      cancelDraft();
    } else if (released) {
      forward(frame);
    } else {
      waiting.add(frame);
    }
  }

  /** The turn's client went away while the draft ran: a new route would answer nobody. */
  boolean clientGone() {
    return clientGone;
  }

  /** The route is settled as drafted: what waited goes to the turn's stream, and so does what follows. */
  void release() {
    released = true;
    waiting.forEach(this::forward);
    waiting.clear();
  }

  /** The route changed: nothing held is sent, and the draft's generation is told to stop. */
  void drop() {
    dropped = true;
    waiting.clear();
    if (cancels != null) {
      // the turn's next generation listens for its client's cancel itself
      cancels.unregister();
      cancels = null;
    }
    cancelDraft();
  }

  /**
   * The draft is over: stop listening, once the frames already sent to the held address (the last
   * ones may have been sent in this same moment, by the pipeline or before the generation's reply)
   * have been taken: their deliveries are queued on this event loop before this task.
   */
  void close() {
    vertx.getOrCreateContext().runOnContext(v -> {
      if (frames != null) {
        frames.unregister();
      }
      if (cancels != null) {
        cancels.unregister();
      }
    });
  }

  private void forward(JsonObject frame) {
    if (stream != null) {
      vertx.eventBus().send(stream, frame);
    }
  }

  private void cancelDraft() {
    vertx.eventBus().send(GenerationService.cancelAddress(address), new JsonObject());
  }
}
