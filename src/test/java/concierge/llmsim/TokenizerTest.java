package concierge.llmsim;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerTest {

  @Test
  @DisplayName("the pieces of a text's tokens join back to the text, and none splits a character")
  void pieces() {
    String text = "Café crème — naïve 日本語 ✓ 🎁 gift wrap.";
    int[] tokens = Tokenizer.encode(text);
    List<String> pieces = Tokenizer.pieces(tokens);
    assertThat(pieces).hasSize(tokens.length);
    assertThat(String.join("", pieces)).isEqualTo(text);
    assertThat(pieces).allSatisfy(piece -> assertThat(piece).doesNotContain("\uFFFD"));
    assertThat(pieces).contains("");
  }

  @Test
  @DisplayName("prompt tokens count each message like OpenAI: 3 per message, role, name, content, 3 for the reply")
  void promptTokens() {
    List<ChatRequest.Message> messages = List.of(new ChatRequest.Message("system", null, "Be brief."),
        new ChatRequest.Message("user", "ana", "Hello there"));
    int expected = 3 + (3 + Tokenizer.count("system") + Tokenizer.count("Be brief."))
        + (3 + Tokenizer.count("user") + Tokenizer.count("Hello there") + 1 + Tokenizer.count("ana"));
    assertThat(Tokenizer.promptTokens(messages)).isEqualTo(expected);
    assertThat(Tokenizer.count("Hello there")).isEqualTo(2);
  }
}
