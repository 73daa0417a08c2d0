package concierge.generation;

import concierge.ConciergeServer;
import concierge.agent.ChatService;
import concierge.llmsim.AnswerComposer;
import concierge.llmsim.ForcedFault;
import concierge.llmsim.LlmSimOptions;
import concierge.llmsim.LlmSimulator;
import concierge.llmsim.Outcome;
import concierge.llmsim.TailRates;
import concierge.testing.SimulatedLlm;
import concierge.testing.TurnFrames;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The OpenAI-compatible provider, against the project's LLM simulator as a real HTTP server")
class OpenAiProviderIT {

  private SimulatedLlm llm;
  private Vertx simVertx;
  private LlmSimulator sim;
  private ConciergeServer server;

  @AfterEach
  void stop() {
    if (llm != null) {
      llm.close();
    }
  }

  private void start(LlmSimOptions options, JsonObject llm) throws Exception {
    start(options, llm, new JsonObject());
  }

  private void start(LlmSimOptions options, JsonObject llmSettings, JsonObject generation) throws Exception {
    llm = SimulatedLlm.start(options, 7L, new JsonObject().put("llm", llmSettings).put("generation", generation));
    simVertx = llm.vertx();
    sim = llm.sim();
    server = llm.server();
  }

  private JsonObject ask(String message, List<JsonObject> frames) {
    return TurnFrames.ask(server, new JsonObject().put("message", message), frames);
  }

  @Test
  @DisplayName("answers stream: deltas arrive before the answer is complete; usage and cost are recorded")
  void streams() throws Exception {
    start(LlmSimOptions.defaults().withSpeed(0.3).withTails(TailRates.OFF), new JsonObject());
    List<JsonObject> frames = new CopyOnWriteArrayList<>();
    long started = System.nanoTime();
    JsonObject turn = ask("What is your return policy for opened items?", frames);
    long totalMs = (System.nanoTime() - started) / 1_000_000;
    assertThat(turn.getJsonArray("degraded")).doesNotContain("llm_fallback");
    assertThat(frames.stream().filter(f -> "delta".equals(f.getString("type"))).count()).isGreaterThanOrEqualTo(2);
    assertThat(turn.getJsonObject("timings").getLong("firstTokenMs")).isLessThan(totalMs);
    String answer = turn.getString("answer");
    String firstSentence = concierge.knowledge.Sentences.split(answer).get(0);
    String firstDelta = frames.stream().filter(f -> "delta".equals(f.getString("type"))).findFirst().orElseThrow()
        .getString("text");
    assertThat(answer).startsWith(firstDelta);
    assertThat(firstDelta.length()).as("the first words are shown before their sentence ends: '%s' of '%s'", firstDelta,
        firstSentence).isLessThan(firstSentence.length());
    assertThat(TurnFrames.screen(frames)).isEqualTo(answer);
    JsonObject usage = turn.getJsonObject("usage");
    assertThat(usage.getString("model")).isEqualTo("gpt-4o-mini");
    assertThat(usage.getLong("promptTokens")).isGreaterThan(100);
    assertThat(usage.getLong("completionTokens")).isGreaterThan(0);
    assertThat(usage.getDouble("costUsd")).isGreaterThan(0);
    assertThat(sim.requests()).hasSize(1);
    assertThat(sim.requests().get(0).promptTokens()).isEqualTo((int) (long) usage.getLong("promptTokens"));
  }

  @Test
  @DisplayName("a sentence with a figure no knowledge gives is withdrawn while it is written: a retract frame on the "
      + "WebSocket, the figure never sent, the answer without it")
  void inventedFigureWithdrawn() throws Exception {
    // a frame for every piece: with frames batched, the invented sentence's words may still be waiting when it fails
    start(LlmSimOptions.defaults().withSpeed(0.2).withTails(TailRates.OFF), new JsonObject(),
        new JsonObject().put("delta-interval-ms", 0));
    sim.force(ForcedFault.INVENT);
    List<JsonObject> frames = new CopyOnWriteArrayList<>();
    Promise<JsonObject> ended = Promise.promise();
    WebSocket socket = simVertx.createWebSocketClient()
        .connect(new WebSocketConnectOptions().setPort(server.httpPort()).setURI("/v1/chat/ws")).await();
    socket.textMessageHandler(text -> {
      JsonObject frame = new JsonObject(text);
      frames.add(frame);
      if ("end".equals(frame.getString("type"))) {
        ended.tryComplete(frame.getJsonObject("turn"));
      } else if ("error".equals(frame.getString("type"))) {
        ended.tryFail(text);
      }
    });
    socket.writeTextMessage(new JsonObject().put("type", "message").put("clientMessageId", "m1")
        .put("message", "What is your return policy for opened items?").encode()).await();
    JsonObject turn = ended.future().await(60, TimeUnit.SECONDS);
    socket.close();
    String answer = turn.getString("answer");
    assertThat(answer).isNotBlank().doesNotContain("73");
    assertThat(turn.getJsonArray("degraded")).contains("validation_removed").doesNotContain("llm_fallback");
    List<String> retracted = frames.stream().filter(f -> "retract".equals(f.getString("type")))
        .map(f -> f.getString("text")).toList();
    // the first retract is the invented sentence's first words; a later one may be the piece cut by max-tokens
    assertThat(retracted).as("the invented sentence's first words, shown and then withdrawn").isNotEmpty();
    assertThat(AnswerComposer.INVENTED).startsWith(retracted.get(0).strip());
    assertThat(retracted.get(0).strip()).isNotEmpty();
    assertThat(frames).filteredOn(f -> "delta".equals(f.getString("type")))
        .noneMatch(f -> f.getString("text").contains("73"));
    assertThat(TurnFrames.screen(frames)).isEqualTo(answer);
  }

  @Test
  @DisplayName("an answer stopped by max-tokens inside a sentence ends at its last whole sentence: the cut piece is not said")
  void cutAtTokenLimit() throws Exception {
    start(LlmSimOptions.defaults().withSpeed(0.2).withTails(TailRates.OFF), new JsonObject().put("max-tokens", 45));
    List<JsonObject> frames = new CopyOnWriteArrayList<>();
    JsonObject turn = ask("What is your return policy for opened items?", frames);
    assertThat(sim.requests()).hasSize(1);
    assertThat(sim.requests().get(0).completionTokens()).isEqualTo(45);
    String answer = turn.getString("answer");
    assertThat(answer).isNotBlank().matches("(?s).*[.!?][\"')]?$");
    assertThat(TurnFrames.screen(frames).strip()).as("what the stream leaves shown, the cut piece withdrawn").isEqualTo(answer);
    assertThat(turn.getJsonArray("degraded")).doesNotContain("llm_fallback", "validation_removed");
    assertThat(turn.getJsonObject("usage").getLong("completionTokens")).isEqualTo(45L);
  }

  @Test
  @DisplayName("a 429 over the LLM's concurrency limit is retried before the first token, and both turns are answered by the LLM")
  void retries429() throws Exception {
    start(LlmSimOptions.defaults().withSpeed(0.2).withTails(TailRates.OFF).withMaxConcurrency(1).withRetryAfterSeconds(0),
        new JsonObject().put("max-retries", 6));
    List<JsonObject> ignored = new CopyOnWriteArrayList<>();
    ChatService chat = new ChatService(server.vertx(), 60_000);
    List<JsonObject> turns = Future.all(
            chat.chat(new JsonObject().put("message", "How long do refunds take?")),
            chat.chat(new JsonObject().put("message", "Do you ship to Canada?")))
        .await().list();
    assertThat(sim.requests()).anySatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.RATE_LIMITED));
    for (JsonObject turn : turns) {
      assertThat(turn.getJsonArray("degraded")).doesNotContain("llm_fallback");
      assertThat(turn.getJsonObject("usage").getString("model")).isEqualTo("gpt-4o-mini");
    }
    assertThat(ignored).isEmpty();
  }

  @Test
  @DisplayName("an LLM that hangs times out into an answer from the embedded generator, marked llm_fallback")
  void hangFallsBack() throws Exception {
    start(LlmSimOptions.defaults().withTails(TailRates.OFF.withHangRate(1.0)),
        new JsonObject().put("first-token-timeout-ms", 800).put("max-retries", 0));
    JsonObject turn = ask("How much is overnight shipping?", new CopyOnWriteArrayList<>());
    assertThat(turn.getJsonArray("degraded")).contains("llm_fallback");
    assertThat(turn.getString("answer")).contains("29.99");
  }
}
