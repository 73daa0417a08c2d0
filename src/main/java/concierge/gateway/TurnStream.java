package concierge.gateway;

import concierge.Addresses;
import concierge.agent.Ids;
import concierge.cluster.ClusterVerticle;
import concierge.generation.GenerationService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.util.function.Consumer;

/**
 * The frames of one turn, as the pipeline sends them to {@code concierge.stream.<turnId>}:
 * start, delta..., end or error. The listener can pause it when its client is slow (what waits
 * is bounded by one answer) and cancel it when the client goes away.
 */
final class TurnStream {

  private final Vertx vertx;
  private final String turnId = Ids.turn();
  private final String address = Addresses.stream(turnId);
  private MessageConsumer<JsonObject> consumer;
  private boolean finished;

  TurnStream(Vertx vertx) {
    this.vertx = vertx;
  }

  String turnId() {
    return turnId;
  }

  String address() {
    return address;
  }

  /** Registers the listener; the returned future completes when frames can be received. */
  Future<Void> listen(Consumer<JsonObject> onFrame) {
    consumer = ClusterVerticle.pipelineElsewhere(vertx) ? vertx.eventBus().<JsonObject>consumer(address)
        : vertx.eventBus().<JsonObject>localConsumer(address);
    consumer.handler(message -> {
      JsonObject frame = message.body();
      String type = frame.getString("type");
      if ("end".equals(type) || "error".equals(type)) {
        finish();
      }
      onFrame.accept(frame);
    });
    return consumer.completion();
  }

  void pause() {
    if (consumer != null && !finished) {
      consumer.pause();
    }
  }

  void resume() {
    if (consumer != null && !finished) {
      consumer.resume();
    }
  }

  /** The client went away: stop listening and tell the generation nobody is listening. */
  void cancel() {
    if (!finished) {
      vertx.eventBus().send(GenerationService.cancelAddress(address), new JsonObject());
      finish();
    }
  }

  void finish() {
    if (!finished) {
      finished = true;
      consumer.unregister();
    }
  }
}
