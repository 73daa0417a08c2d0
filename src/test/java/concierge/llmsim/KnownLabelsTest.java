package concierge.llmsim;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The simulator as an accurate classifier: the labels of known messages (POST /sim/labels)")
class KnownLabelsTest {

  private final Vertx vertx = Vertx.vertx();
  private LlmSimulator sim;
  private SimClient client;

  @BeforeEach
  void start() {
    sim = LlmSimulator.start(vertx, LlmSimOptions.defaults().withSeed(7L).withSpeed(0.01)).await();
    client = new SimClient(vertx, sim.port());
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  @DisplayName("a known message, whatever its case and spacing, is answered its label when not streamed; others get prose")
  void knownMessagesAnswerTheirLabel() {
    SimClient.Reply set = labels(new JsonObject().put("Do you ship to Canada?", "policy_question")
        .put("I want to buy the Ridgeline 2 Tent", "order_place"));
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.json().getInteger("labels")).isEqualTo(2);

    assertThat(answer("  do you   SHIP to canada? ", false)).isEqualTo("policy_question");
    assertThat(answer("I want to buy the Ridgeline 2 Tent", false)).isEqualTo("order_place");
    assertThat(answer("How much is shipping?", false)).doesNotContain("_question").hasSizeGreaterThan(20);
    assertThat(answer("Do you ship to Canada?", true)).isNotEqualTo("policy_question").hasSizeGreaterThan(20);
  }

  @Test
  @DisplayName("a label forced with POST /sim/label comes first; new labels replace the old ones")
  void forcedLabelFirstAndReplaced() {
    labels(new JsonObject().put("Do you ship to Canada?", "policy_question"));
    sim.label("human_agent");
    assertThat(answer("Do you ship to Canada?", false)).isEqualTo("human_agent");
    sim.label(null);
    assertThat(answer("Do you ship to Canada?", false)).isEqualTo("policy_question");

    labels(new JsonObject().put("Do gift cards expire?", "policy_question"));
    assertThat(answer("Do you ship to Canada?", false)).doesNotContain("_question");
    assertThat(answer("Do gift cards expire?", false)).isEqualTo("policy_question");
  }

  @Test
  @DisplayName("a label that is not a short text is refused with 400 and the labels stay as they were")
  void badLabelsChangeNothing() {
    labels(new JsonObject().put("Do you ship to Canada?", "policy_question"));
    SimClient.Reply refused = labels(new JsonObject().put("Do gift cards expire?", 3));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(labels(new JsonObject().put("x", "y".repeat(101))).status()).isEqualTo(400);
    assertThat(client.send(HttpMethod.POST, "/sim/labels", "{\"labels\": []}", null).await().status()).isEqualTo(400);

    assertThat(answer("Do you ship to Canada?", false)).isEqualTo("policy_question");
    assertThat(answer("Do gift cards expire?", false)).doesNotContain("_question");
  }

  private SimClient.Reply labels(JsonObject byMessage) {
    return client.send(HttpMethod.POST, "/sim/labels", new JsonObject().put("labels", byMessage).encode(), null).await();
  }

  private String answer(String question, boolean stream) {
    SimClient.Reply reply = client.post(SimClient.chat("gpt-3.5-turbo", question, stream)).await();
    assertThat(reply.status()).isEqualTo(200);
    return stream ? reply.streamedText()
        : reply.json().getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content");
  }
}
