package concierge.agent;

import concierge.ConciergeServer;
import concierge.llmsim.LlmSimOptions;
import concierge.llmsim.LlmSimulator;
import concierge.llmsim.RequestRecord;
import concierge.llmsim.TailRates;
import concierge.testing.SimulatedLlm;
import concierge.testing.TurnFrames;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classifier is made unsure of every message (a fallback threshold above 1), so every turn
 * asks the intent model, here the project's LLM simulator as a real HTTP server, told which label
 * its classifications answer.
 */
@DisplayName("While the intent model is asked, the classifier's knowledge route is answered as a held draft")
class DraftWhileAskingIT {

  private static final String QUESTION = "How long do I have to return an item?";

  private SimulatedLlm llm;
  private LlmSimulator sim;
  private ConciergeServer server;

  @AfterEach
  void stop() {
    if (llm != null) {
      llm.close();
    }
  }

  private void start(boolean draftWhileAsking) throws Exception {
    llm = SimulatedLlm.start(LlmSimOptions.defaults().withSpeed(1.0).withTails(TailRates.OFF), 11L, new JsonObject()
        .put("intent", new JsonObject().put("fallback-threshold", 1.01).put("draft-while-asking", draftWhileAsking)));
    sim = llm.sim();
    server = llm.server();
  }

  private JsonObject ask(String message, List<JsonObject> frames) {
    return TurnFrames.ask(server, new JsonObject().put("message", message), frames);
  }

  /** The classifier's own intent for the question: the intent model answers prose, which changes nothing. */
  private String classifiersGuess() {
    JsonObject turn = ask(QUESTION, new CopyOnWriteArrayList<>());
    assertThat(turn.getJsonObject("intent").getString("secondOpinion")).isEqualTo("unreadable");
    return turn.getJsonObject("intent").getString("name");
  }

  private static List<String> purposes(JsonObject turn) {
    JsonArray calls = turn.getJsonObject("usage").getJsonArray("calls", new JsonArray());
    return calls.stream().map(call -> ((JsonObject) call).getString("purpose")).toList();
  }

  @Test
  @DisplayName("the intent model agrees: the draft is the answer, its generation began before the intent model "
      + "answered, and the turn's usage counts both calls")
  void agreed() throws Exception {
    start(true);
    String guess = classifiersGuess();
    sim.label(guess);
    int before = sim.requests().size();
    List<JsonObject> frames = new CopyOnWriteArrayList<>();
    JsonObject turn = ask(QUESTION, frames);

    assertThat(turn.getJsonObject("intent").getString("name")).isEqualTo(guess);
    assertThat(turn.getJsonObject("intent").getString("secondOpinion")).isEqualTo("agreed");
    assertThat(turn.getJsonArray("degraded")).isEmpty();
    RequestRecord intent = only(before, false);
    RequestRecord answer = only(before, true);
    assertThat(answer.arrivedAt()).as("the answer was asked for while the intent model was still thinking")
        .isBefore(intent.arrivedAt().plusMillis((long) intent.totalMs()));
    assertThat(frames.stream().filter(f -> "start".equals(f.getString("type"))).count()).isEqualTo(1);
    assertThat(TurnFrames.screen(frames)).isEqualTo(turn.getString("answer"));
    JsonObject usage = turn.getJsonObject("usage");
    assertThat(purposes(turn)).containsExactly("answer", "intent");
    JsonArray calls = usage.getJsonArray("calls");
    assertThat(calls.getJsonObject(0).getLong("promptTokens")).isEqualTo(answer.promptTokens());
    assertThat(calls.getJsonObject(1).getString("model")).isEqualTo("gpt-3.5-turbo");
    assertThat(usage.getLong("promptTokens")).isEqualTo(calls.getJsonObject(0).getLong("promptTokens")
        + calls.getJsonObject(1).getLong("promptTokens"));
    assertThat(usage.getDouble("costUsd")).isGreaterThan(calls.getJsonObject(0).getDouble("costUsd"));
  }

  @Test
  @DisplayName("the intent model picks another intent: nothing of the draft is shown, its generation is stopped and "
      + "its cost counted, and the turn takes the new route")
  void changed() throws Exception {
    start(true);
    sim.label("order_status");
    List<JsonObject> frames = new CopyOnWriteArrayList<>();
    JsonObject turn = ask(QUESTION, frames);

    assertThat(turn.getJsonObject("intent").getString("name")).isEqualTo("order_status");
    assertThat(turn.getJsonObject("intent").getString("secondOpinion")).isEqualTo("changed");
    List<JsonObject> starts = frames.stream().filter(f -> "start".equals(f.getString("type"))).toList();
    assertThat(starts).hasSize(1);
    assertThat(starts.get(0).getJsonObject("intent").getString("name")).isEqualTo("order_status");
    assertThat(TurnFrames.screen(frames)).isEqualTo(turn.getString("answer"));
    assertThat(purposes(turn)).containsExactly("intent", "dropped_answer");
    JsonObject dropped = turn.getJsonObject("usage").getJsonArray("calls").getJsonObject(1);
    assertThat(dropped.getLong("promptTokens")).as("the draft's prompt was sent, so it is billed").isGreaterThan(100);
    assertThat(dropped.getDouble("costUsd")).isGreaterThan(0);
    assertThat(turn.getJsonObject("usage").getDouble("costUsd")).isGreaterThan(dropped.getDouble("costUsd"));
    RequestRecord answer = only(0, true);
    assertThat(answer.completionTokens()).as("the draft's answer was not written to its end")
        .isGreaterThan(answer.sentTokens());
  }

  @Test
  @DisplayName("a turn asked without a stream takes the intent model's route too, and its draft is stopped")
  void changedWithoutStream() throws Exception {
    start(true);
    sim.label("order_status");
    JsonObject turn = new ChatService(server.vertx(), 60_000).chat(new JsonObject().put("message", QUESTION)).await();

    assertThat(turn.getJsonObject("intent").getString("name")).isEqualTo("order_status");
    assertThat(purposes(turn)).containsExactly("intent", "dropped_answer");
    RequestRecord answer = only(0, true);
    assertThat(answer.completionTokens()).isGreaterThan(answer.sentTokens());
  }

  @Test
  @DisplayName("with draft-while-asking off, the answer is asked for only after the intent model has answered")
  void serialWhenOff() throws Exception {
    start(false);
    String guess = classifiersGuess();
    sim.label(guess);
    int before = sim.requests().size();
    JsonObject turn = ask(QUESTION, new CopyOnWriteArrayList<>());

    assertThat(turn.getJsonObject("intent").getString("secondOpinion")).isEqualTo("agreed");
    RequestRecord intent = only(before, false);
    RequestRecord answer = only(before, true);
    assertThat(answer.arrivedAt()).isAfterOrEqualTo(intent.arrivedAt().plusMillis((long) intent.totalMs()));
    assertThat(purposes(turn)).containsExactly("answer", "intent");
  }

  /**
   * The one streamed (or non-streamed) request the simulator logged after its first {@code before}
   * (it logs a request when its response has ended, or when it notices the connection closed).
   */
  private RequestRecord only(int before, boolean streamed) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<RequestRecord> found = List.of();
    while (found.isEmpty() && System.nanoTime() < until) {
      Thread.sleep(20);
      List<RequestRecord> all = sim.requests();
      found = all.subList(before, all.size()).stream().filter(r -> r.stream() == streamed).toList();
    }
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
