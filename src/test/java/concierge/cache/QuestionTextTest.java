package concierge.cache;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionTextTest {

  @Test
  @DisplayName("case, spacing, punctuation and Unicode compatibility forms do not change the text")
  void variantsNormalizeAlike() {
    String plain = QuestionText.normalize("can i return an opened fuel canister");
    assertThat(QuestionText.normalize("Can I return an OPENED fuel canister?")).isEqualTo(plain);
    assertThat(QuestionText.normalize("  can I\treturn   an opened\u00a0fuel canister!!! ")).isEqualTo(plain);
    assertThat(QuestionText.normalize("ｃａｎ ｉ return an opened fuel canister")).isEqualTo(plain);
    assertThat(QuestionText.normalize("which items are \ufb01nal sale")).isEqualTo("which items are final sale");
    assertThat(QuestionText.normalize("what can\u2019t be returned")).isEqualTo(QuestionText.normalize("what cant be returned"))
        .isEqualTo(QuestionText.normalize("What can't be returned?"));
  }

  @Test
  @DisplayName("signs, digit separators and hyphens inside SKUs and order numbers are kept")
  void meaningfulPunctuationIsKept() {
    assertThat(QuestionText.normalize("Is shipping free on a $1,000.50 order, 20% off?"))
        .isEqualTo("is shipping free on a $1,000.50 order 20% off");
    assertThat(QuestionText.normalize("Where is order AF-100234?")).isEqualTo("where is order af-100234");
    assertThat(QuestionText.normalize("price of AF-BAG-20 for non-members")).isEqualTo("price of af-bag-20 for non-members");
    assertThat(QuestionText.normalize("order by 12:00 pm - same day?")).isEqualTo("order by 12:00 pm same day");
    assertThat(QuestionText.normalize("$75+ orders")).isEqualTo("$75+ orders");
  }

  @Test
  @DisplayName("different amounts, SKUs and order numbers stay different texts")
  void differentNumbersStayDifferent() {
    assertThat(QuestionText.normalize("where is order AF-100235")).isNotEqualTo(QuestionText.normalize("where is order AF-100236"));
    assertThat(QuestionText.normalize("gift card for $20?")).isNotEqualTo(QuestionText.normalize("gift card for $200?"));
    assertThat(QuestionText.normalize("is 1,000 ok")).isNotEqualTo(QuestionText.normalize("is 1000 ok"));
  }
}
