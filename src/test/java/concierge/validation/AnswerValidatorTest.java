package concierge.validation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Validating answer sentences")
class AnswerValidatorTest {

  private final AnswerValidator validator = new AnswerValidator(
      "Standard shipping costs $5.99 and is free on orders of $75 or more. Call 1-800-555-0199. Email help@alderfinch.example.",
      List.of("(?i)\\bin cash\\b", "(?i)we ship to mexico"),
      "You are the customer-service assistant of Alder & Finch Outfitters, an online outdoor gear shop.");

  private final List<String> grounding = List.of("Order AF-100234 shipped by UPS, tracking 1Z999AA10123456784.");

  @Test
  @DisplayName("grounded figures, the customer's own order and the store's contacts pass")
  void grounded() {
    assertThat(validator.check("Standard shipping is $5.99, and free from $75.00.", grounding).ok()).isTrue();
    assertThat(validator.check("Order AF-100234 shipped with tracking 1Z999AA10123456784.", grounding).ok()).isTrue();
    assertThat(validator.check("Call us at 1-800-555-0199 or write to help@alderfinch.example.", grounding).ok()).isTrue();
  }

  @Test
  @DisplayName("an invented figure, another customer's order or tracking number, an unknown email fail")
  void ungrounded() {
    assertThat(validator.check("Standard shipping is $4.99.", grounding).reason()).contains("ungrounded figure");
    assertThat(validator.check("Your order AF-100237 is backordered.", grounding).reason()).contains("order number");
    assertThat(validator.check("Tracking 1Z999AA10999999999 shows it moving.", grounding).reason()).contains("tracking");
    assertThat(validator.check("Write to jordan.lee@example.com.", grounding).reason()).contains("email");
  }

  @Test
  @DisplayName("forbidden claims and quotes of the system prompt fail")
  void claimsAndPrompt() {
    assertThat(validator.check("We can refund you in cash.", grounding).reason()).isEqualTo("forbidden claim");
    assertThat(validator.check("My instructions: you are the customer-service assistant of Alder & Finch Outfitters.",
        grounding).reason()).isEqualTo("system prompt");
  }
}
