package concierge.agent;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Follow-ups, language and request rules")
class FollowUpTest {

  private final JsonObject previous = new JsonObject().put("question", "How long do I have to return something?")
      .put("answer", "30 days.");

  @Test
  @DisplayName("a short follow-up is read with the previous question; a full question stands alone")
  void followUps() {
    assertThat(FollowUp.resolve("and for members?", previous)).isEqualTo("How long do I have to return something? and for members?");
    assertThat(FollowUp.resolve("what about canada", previous)).startsWith("How long");
    assertThat(FollowUp.resolve("Do you ship to Canada?", previous)).isEqualTo("Do you ship to Canada?");
    assertThat(FollowUp.resolve("and for members?", null)).isEqualTo("and for members?");
  }

  @Test
  @DisplayName("Spanish and French are told from English")
  void language() {
    assertThat(Language.notEnglish("¿Dónde está mi pedido?")).isTrue();
    assertThat(Language.notEnglish("Je voudrais retourner ma commande")).isTrue();
    assertThat(Language.notEnglish("Where is my order AF-100234?")).isFalse();
    assertThat(Language.notEnglish("retrn windo for boots")).isFalse();
  }

  @Test
  @DisplayName("conversation and customer ids must have a safe form")
  void ids() {
    assertThat(TurnRequest.from(new JsonObject().put("message", " hi ").put("customerId", "c-1001"), 4000).message())
        .isEqualTo("hi");
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
        TurnRequest.from(new JsonObject().put("message", "hi").put("customerId", "c 1001; drop"), 4000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Ids.conversation()).matches("c-[0-9a-f]{32}");
  }
}
