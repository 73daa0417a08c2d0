package concierge.testing;

import concierge.Addresses;
import concierge.ConciergeServer;
import concierge.agent.ChatService;
import io.vertx.core.json.JsonObject;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A turn asked over the event bus with its frames collected, and what a client shows of them. */
public final class TurnFrames {

  private TurnFrames() {
  }

  /** Asks {@code message} with a stream address; every frame sent to it is added to {@code frames}. */
  public static JsonObject ask(ConciergeServer server, JsonObject request, List<JsonObject> frames) {
    String turnId = "t-" + System.nanoTime();
    String address = Addresses.stream(turnId);
    var consumer = server.vertx().eventBus().<JsonObject>consumer(address, m -> frames.add(m.body()));
    consumer.completion().await();
    try {
      return new ChatService(server.vertx(), 60_000).chat(request, turnId, address).await();
    } finally {
      consumer.unregister();
    }
  }

  /** The text a client shows after every delta and retract frame, in order. */
  public static String screen(List<JsonObject> frames) {
    StringBuilder screen = new StringBuilder();
    for (JsonObject frame : frames) {
      String text = frame.getString("text", "");
      if ("delta".equals(frame.getString("type"))) {
        screen.append(text);
      } else if ("retract".equals(frame.getString("type"))) {
        assertThat(screen.toString()).endsWith(text);
        screen.setLength(screen.length() - text.length());
      }
    }
    return screen.toString();
  }
}
