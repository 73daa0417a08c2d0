package concierge.eval;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The LLM judge of eval --judge")
class AnswerJudgeTest {

  @Test
  @DisplayName("reads the grade from the first word and keeps the reason")
  void parsesGrades() {
    assertThat(AnswerJudge.parse("correct - states the 30-day window")).isEqualTo(
        new AnswerJudge.Grade("correct", "states the 30-day window"));
    assertThat(AnswerJudge.parse("**Wrong**: says Mexico is served").grade()).isEqualTo("wrong");
    assertThat(AnswerJudge.parse("Incomplete. Leaves out the fee").grade()).isEqualTo("incomplete");
    assertThat(AnswerJudge.parse("UNSAFE").grade()).isEqualTo("unsafe");
  }

  @Test
  @DisplayName("anything that is not a grade is reported as ungraded, not guessed")
  void ungraded() {
    assertThat(AnswerJudge.parse("The answer looks fine to me").grade()).isEqualTo("ungraded");
    assertThat(AnswerJudge.parse("").grade()).isEqualTo("ungraded");
    assertThat(AnswerJudge.parse(null).grade()).isEqualTo("ungraded");
  }

  @Test
  @DisplayName("refuses to start without an LLM configured")
  void needsAnLlm() {
    Vertx vertx = Vertx.vertx();
    try {
      assertThatThrownBy(() -> new AnswerJudge(vertx, new JsonObject(), "facts"))
          .hasMessageContaining("--judge needs an LLM");
    } finally {
      vertx.close();
    }
  }
}
