package concierge.agent;

import concierge.generation.GenerationService;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Held frames: a draft's frames wait for its route to be settled, then go out in order or never")
class HeldFramesTest {

  private static final String STREAM = "test.stream";
  private static final String HELD = "test.stream.draft";

  private Vertx vertx;
  private Context context;
  private HeldFrames held;
  private final List<String> shown = new CopyOnWriteArrayList<>();
  private final List<String> cancels = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    vertx.eventBus().<JsonObject>consumer(STREAM, m -> shown.add(m.body().getString("text"))).completion().await();
    vertx.eventBus().consumer(GenerationService.cancelAddress(HELD), m -> cancels.add("draft")).completion().await();
    held = new HeldFrames(vertx, HELD, STREAM);
    on(h -> h.listen());
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private void on(Consumer<HeldFrames> step) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      step.accept(held);
      done.complete();
    });
    done.future().await();
  }

  private void draftSays(String text) {
    vertx.eventBus().send(HELD, new JsonObject().put("type", "delta").put("text", text));
  }

  /** Frames go over the event bus: wait until {@code list} has {@code n}, or a moment when none should come. */
  private static List<String> await(List<String> list, int n) throws InterruptedException {
    long deadline = System.currentTimeMillis() + (n == 0 ? 200 : 5000);
    while (list.size() < Math.max(1, n) && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    return list;
  }

  @Test
  @DisplayName("released: what waited goes out in order, and what follows goes straight after it")
  void released() throws Exception {
    draftSays("Returns are ");
    draftSays("accepted ");
    assertThat(await(shown, 0)).isEmpty();
    on(HeldFrames::release);
    draftSays("within 30 days.");
    assertThat(await(shown, 3)).containsExactly("Returns are ", "accepted ", "within 30 days.");
    assertThat(cancels).isEmpty();
  }

  @Test
  @DisplayName("frames sent just before the draft is closed, in the same moment, still go out")
  void closedAfterLastFrames() throws Exception {
    on(HeldFrames::release);
    on(h -> {
      draftSays("Returns are accepted.");
      draftSays(" Within 30 days.");
      h.close();
    });
    assertThat(await(shown, 2)).containsExactly("Returns are accepted.", " Within 30 days.");
  }

  @Test
  @DisplayName("frames a generation sent before its reply still go out when the reply closes the draft")
  void closedOnReplyFromElsewhere() throws Exception {
    on(HeldFrames::release);
    context.runOnContext(v -> vertx.eventBus().consumer("test.reply", reply -> held.close()));
    Thread.sleep(50);
    vertx.deployVerticle(new io.vertx.core.VerticleBase() {
      @Override
      public io.vertx.core.Future<?> start() {
        for (int i = 0; i < 20; i++) {
          draftSays("piece " + i + " ");
        }
        vertx.eventBus().send("test.reply", new JsonObject());
        return io.vertx.core.Future.succeededFuture();
      }
    }).await();
    assertThat(await(shown, 20)).hasSize(20).startsWith("piece 0 ").endsWith("piece 19 ");
  }

  @Test
  @DisplayName("dropped: nothing is shown, the draft's generation is told to stop, and told again if it speaks later")
  void dropped() throws Exception {
    draftSays("Returns are ");
    Thread.sleep(50);
    on(HeldFrames::drop);
    assertThat(await(cancels, 1)).hasSize(1);
    draftSays("accepted ");
    assertThat(await(cancels, 2)).hasSize(2);
    assertThat(await(shown, 0)).isEmpty();
  }

  @Test
  @DisplayName("a client that goes away while the draft runs stops the draft's generation; after a drop it no longer does")
  void clientCancelReachesDraft() throws Exception {
    assertThat(held.clientGone()).isFalse();
    vertx.eventBus().send(GenerationService.cancelAddress(STREAM), new JsonObject());
    assertThat(await(cancels, 1)).hasSize(1);
    assertThat(held.clientGone()).as("a changed route would answer nobody").isTrue();
    on(HeldFrames::drop);
    assertThat(await(cancels, 2)).hasSize(2);
    vertx.eventBus().send(GenerationService.cancelAddress(STREAM), new JsonObject());
    Thread.sleep(100);
    assertThat(cancels).as("the turn's next generation listens for its own client's cancel").hasSize(2);
  }
}
