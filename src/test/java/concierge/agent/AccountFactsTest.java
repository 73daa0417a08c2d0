package concierge.agent;

import concierge.orders.Customer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Account facts from the signed-in customer's own record")
class AccountFactsTest {

  private static final Customer MAYA = new Customer("c-1001", "Maya Chen", "maya.chen@example.com", true);
  private static final Customer JORDAN = new Customer("c-1002", "Jordan Lee", "jordan.lee@example.com", false);

  @Test
  @DisplayName("membership is answered from the record: yes for a member, not yet for anyone else")
  void membership() {
    assertThat(AccountFacts.of("am i a trailhead club member?", MAYA)).startsWith("Yes, you're a Trailhead Club member");
    assertThat(AccountFacts.of("how many trailhead points do i have", JORDAN))
        .startsWith("You're not a Trailhead Club member yet");
  }

  @Test
  @DisplayName("the email on file is the customer's own, and a guest gets nothing from a record")
  void email() {
    assertThat(AccountFacts.of("what email do you have on file for me", JORDAN))
        .isEqualTo("The email on your account is jordan.lee@example.com.");
    assertThat(AccountFacts.of("what email do you have on file for me", null)).isNull();
    assertThat(AccountFacts.of("what email do you have on file for me", Customer.unknown("c-9"))).isNull();
  }

  @Test
  @DisplayName("policy questions about membership in general ask nothing of the record")
  void generalQuestions() {
    assertThat(AccountFacts.of("what do trailhead club members get?", MAYA)).isNull();
    assertThat(AccountFacts.of("how do points work", MAYA)).isNull();
    assertThat(AccountFacts.asksAboutAccount("is the club free to join")).isFalse();
    assertThat(AccountFacts.asksAboutAccount("Am I a member?")).isTrue();
  }
}
