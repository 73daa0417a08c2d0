package concierge;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The rules every customer text must pass")
class InputRulesTest {

  @Test
  @DisplayName("text the embedding model would read as nothing is refused as empty: marks, format characters, spaces")
  void emptyToTheModel() {
    for (String nothing : new String[] {"\u0301", "\u0301\u0301 \u20DD", "\uFEFF", "\u200B \t"}) {
      assertThatThrownBy(() -> InputRules.text(nothing, "message", 100))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("message must not be empty");
    }
  }

  @Test
  @DisplayName("accented letters, emoji and punctuation are text")
  void realText() {
    assertThat(InputRules.text(" e\u0301te\u0301 ", "message", 100)).isEqualTo("e\u0301te\u0301");
    assertThat(InputRules.readsAsEmpty("\uD83D\uDE00")).isFalse();
    assertThat(InputRules.readsAsEmpty("??")).isFalse();
    assertThat(InputRules.readsAsEmpty("\u0000\u0000\u0007")).as("control characters only").isTrue();
  }
}
