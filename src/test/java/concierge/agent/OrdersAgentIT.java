package concierge.agent;

import concierge.ConciergeServer;
import concierge.testing.TestServers;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Order turns through the agent, scoped to the signed-in customer, with two-turn confirmation")
class OrdersAgentIT {

  private static ConciergeServer server;
  private static ChatService chat;

  @BeforeAll
  static void start() throws Exception {
    server = TestServers.start();
    chat = new ChatService(server.vertx(), 30_000);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject ask(String message, String customerId, String conversationId) {
    return chat.chat(new JsonObject().put("message", message).put("customerId", customerId)
        .put("conversationId", conversationId)).await();
  }

  @Test
  @DisplayName("Maya's order AF-100234: shipped by UPS with its tracking number; never cached")
  void status() {
    JsonObject turn = ask("Where is my order AF-100234?", "c-1001", null);
    assertThat(turn.getJsonObject("intent").getString("name")).isEqualTo("order_status");
    assertThat(turn.getString("answer")).contains("UPS").contains("1Z999AA10123456784");
    JsonObject again = ask("Where is my order AF-100234?", "c-1001", null);
    assertThat(again.getString("cache")).isEqualTo("miss");
  }

  @Test
  @DisplayName("Jordan's order asked by Maya is answered like an order that does not exist")
  void otherCustomersOrder() {
    String theirs = ask("Where is my order AF-100237?", "c-1001", null).getString("answer");
    String nobodys = ask("Where is my order AF-999999?", "c-1001", null).getString("answer");
    assertThat(theirs).doesNotContain("Ridgeline 4").doesNotContain("Jordan").doesNotContain("January 15");
    assertThat(theirs.replace("AF-100237", "AF-X")).isEqualTo(nobodys.replace("AF-999999", "AF-X"));
  }

  @Test
  @DisplayName("an anonymous customer is asked to sign in and learns nothing about the order")
  void anonymous() {
    JsonObject turn = ask("Where is my order AF-100234?", null, null);
    assertThat(turn.getString("answer")).containsIgnoringCase("sign in").doesNotContain("1Z999AA10123456784");
  }

  @Test
  @DisplayName("cancel AF-100235: needs confirmation, yes cancels it, a second yes does nothing more")
  void cancelWithConfirmation() {
    JsonObject first = ask("Please cancel order AF-100235", "c-1001", null);
    String conversation = first.getString("conversationId");
    assertThat(first.getJsonObject("action").getString("status")).isEqualTo("needs_confirmation");
    assertThat(first.getString("answer")).contains("AF-100235");
    JsonObject yes = ask("yes", "c-1001", conversation);
    assertThat(yes.getJsonObject("action").getString("status")).isEqualTo("done");
    assertThat(yes.getJsonObject("action").getString("orderId")).isEqualTo("AF-100235");
    JsonObject again = ask("yes", "c-1001", conversation);
    assertThat(again.getJsonObject("action").getString("status")).isNotEqualTo("done");
  }

  @Test
  @DisplayName("an order without a destination: the answer to \"where should it ship?\" completes it, and yes places it")
  void destinationAnswered() {
    JsonObject first = ask("I want to buy the Ridgeline 2 Tent", "c-1001", null);
    String conversation = first.getString("conversationId");
    assertThat(first.getString("answer")).contains("Where should the order ship?");
    assertThat(first.getJsonObject("action").getString("awaiting")).isEqualTo("destination");

    JsonObject where = ask("Ship it to Denver, Colorado", "c-1001", conversation);
    assertThat(where.getJsonObject("intent").getString("name")).isEqualTo("order_place");
    assertThat(where.getJsonObject("action").getString("status")).isEqualTo("needs_confirmation");
    assertThat(where.getJsonObject("action").containsKey("awaiting")).isFalse();
    assertThat(where.getString("answer")).contains("1 x Ridgeline 2 Tent").contains("Colorado")
        .contains("Shall I place this order?");

    JsonObject yes = ask("yes", "c-1001", conversation);
    assertThat(yes.getJsonObject("action").getString("status")).isEqualTo("done");
    assertThat(yes.getJsonObject("action").getString("orderId")).startsWith("AF-");
  }

  @Test
  @DisplayName("after \"where should it ship?\", a question or a new order naming its own product is answered as itself")
  void destinationNotAnswered() {
    String conversation = ask("I want to buy the Ridgeline 2 Tent", "c-1002", null).getString("conversationId");
    JsonObject question = ask("What is your return policy?", "c-1002", conversation);
    assertThat(question.getJsonObject("intent").getString("name")).isEqualTo("policy_question");
    assertThat(question.getJsonObject("action").getString("type")).isEqualTo("none");

    String again = ask("I want to buy the Ridgeline 2 Tent", "c-1002", null).getString("conversationId");
    JsonObject other = ask("Actually I want the Lumen 400 Headlamp shipped to Austin, Texas", "c-1002", again);
    assertThat(other.getJsonObject("action").getString("status")).isEqualTo("needs_confirmation");
    assertThat(other.getString("answer")).contains("Lumen 400 Headlamp").doesNotContain("Ridgeline 2");
  }
}
