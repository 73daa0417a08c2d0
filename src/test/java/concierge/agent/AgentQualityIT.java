package concierge.agent;

import concierge.ConciergeServer;
import concierge.testing.LabeledMessages;
import concierge.testing.TestServers;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Answer quality on the dev set, embedded generator, no LLM")
class AgentQualityIT {

  private static final Logger LOG = LoggerFactory.getLogger(AgentQualityIT.class);
  private static ConciergeServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServers.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("intent accuracy is at least 90% and fact match on policy and product questions at least 85%")
  void devSet() {
    ChatService chat = new ChatService(server.vertx(), 30_000);
    List<JsonObject> lines = LabeledMessages.load("/eval/dev-messages.jsonl").lines();
    int intentsRight = 0;
    int knowledge = 0;
    int factsRight = 0;
    List<String> misses = new ArrayList<>();
    for (JsonObject line : lines) {
      JsonObject request = new JsonObject().put("message", line.getString("message"))
          .put("customerId", line.getString("customerId"));
      JsonObject turn = chat.chat(request).await();
      String intent = turn.getJsonObject("intent").getString("name");
      if (LabeledMessages.intentOk(line, intent)) {
        intentsRight++;
      } else {
        misses.add(line.getString("id") + " intent " + intent + " expected " + line.getString("intent"));
      }
      String expected = line.getString("intent");
      if (expected.equals("policy_question") || expected.equals("product_question")) {
        knowledge++;
        if (LabeledMessages.matchesAllFacts(line, turn.getString("answer"))) {
          factsRight++;
        } else {
          misses.add(line.getString("id") + " facts: " + turn.getString("answer"));
        }
      }
    }
    double intentAccuracy = (double) intentsRight / lines.size();
    double factAccuracy = (double) factsRight / knowledge;
    LOG.info("dev set: intent accuracy {}% ({}/{}), fact match {}% ({}/{}); misses: {}",
        String.format("%.1f", intentAccuracy * 100), intentsRight, lines.size(),
        String.format("%.1f", factAccuracy * 100), factsRight, knowledge, misses);
    assertThat(intentAccuracy).as("intent accuracy; misses %s", misses).isGreaterThanOrEqualTo(0.90);
    assertThat(factAccuracy).as("fact match; misses %s", misses).isGreaterThanOrEqualTo(0.85);
  }
}
