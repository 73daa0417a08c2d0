package concierge.generation;

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

@DisplayName("Delta frames: the first piece at once, later ones together, withdrawn text never sent when it can be helped")
class DeltaFramesTest {

  private static final String STREAM = "test.stream";

  private Vertx vertx;
  private Context context;
  private final List<String> frames = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    vertx.eventBus().<JsonObject>consumer(STREAM, m -> frames.add(m.body().getString("type") + ":" + m.body().getString("text")))
        .completion().await();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private void on(DeltaFrames target, Consumer<DeltaFrames> step) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      step.accept(target);
      done.complete();
    });
    done.future().await();
  }

  /** Frames arrive on the event bus after the calls return: wait until there are {@code n}. */
  private List<String> await(int n) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5000;
    while (frames.size() < n && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    return frames;
  }

  @Test
  @DisplayName("pieces within the interval go as one frame after the first; flush sends what waits")
  void batches() throws Exception {
    DeltaFrames target = new DeltaFrames(vertx, STREAM, 60_000);
    on(target, f -> {
      f.shown("Standard");
      f.shown(" shipping");
      f.shown(" is");
    });
    assertThat(await(1)).containsExactly("delta:Standard");
    on(target, DeltaFrames::flush);
    assertThat(await(2)).containsExactly("delta:Standard", "delta: shipping is");
    assertThat(target.firstShownMs()).isGreaterThanOrEqualTo(0);
  }

  @Test
  @DisplayName("a waiting piece goes by itself once the interval has passed")
  void timer() throws Exception {
    DeltaFrames target = new DeltaFrames(vertx, STREAM, 50);
    on(target, f -> {
      f.shown("Standard");
      f.shown(" shipping");
    });
    assertThat(await(2)).containsExactly("delta:Standard", "delta: shipping");
  }

  @Test
  @DisplayName("withdrawn text still waiting is dropped; only what was sent is retracted")
  void withdrawn() throws Exception {
    DeltaFrames target = new DeltaFrames(vertx, STREAM, 60_000);
    on(target, f -> {
      f.shown("Returns");
      f.shown(" are accepted");
      f.withdrawn("Returns are accepted");
      f.shown("Call us.");
      f.flush();
    });
    assertThat(await(3)).containsExactly("delta:Returns", "retract:Returns", "delta:Call us.");
  }

  @Test
  @DisplayName("with an interval of 0 every piece is a frame")
  void everyPiece() throws Exception {
    DeltaFrames target = new DeltaFrames(vertx, STREAM, 0);
    on(target, f -> {
      f.shown("a");
      f.shown("b");
      f.withdrawn("b");
    });
    assertThat(await(3)).containsExactly("delta:a", "delta:b", "retract:b");
  }
}
