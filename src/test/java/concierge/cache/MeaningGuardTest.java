package concierge.cache;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static concierge.cache.Meaning.Family.ENTITY;
import static org.assertj.core.api.Assertions.assertThat;

class MeaningGuardTest {

  private final MeaningGuard guard = new MeaningGuard();

  private MeaningGuard.Reason compare(String a, String b) {
    return guard.compare(guard.read(a), guard.read(b));
  }

  @ParameterizedTest(name = "{0} | {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "how much is the lumen 400 | how much is the lumen 900 | ENTITY",
      "how much is AF-BAG-20 | how much is the alpine down 0 | ENTITY",
      "where is order AF-100235 | where is order AF-100236 | ENTITY",
      "is shipping free on a $60 order | is shipping free on a $90 order | ENTITY",
      "do you ship to the uk | do you ship to mexico | ENTITY",
      "how much is standard shipping to oregon | how much is standard shipping to hawaii | ENTITY",
      "delivered december 10, last day to return? | delivered october 10, last day to return? | ENTITY",
      "can I return an opened fuel canister | can I return an unopened fuel canister | NEGATION",
      "which items are final sale | which items are not final sale | NEGATION",
      "is return shipping free if the item is defective | is return shipping free if the item isn't defective | NEGATION",
      "what items can't be returned | can I return an unused item | NEGATION",
      "what's your cheapest tent | what's your most expensive tent | COMPARISON",
      "can I return something before 30 days | can I return something after 30 days | COMPARISON",
      "klarna for orders above $1,000 | klarna for orders below $1,000 | COMPARISON",
      "how long do trailhead club members have to return items | how long do non-members have to return items | GROUP",
      "do you have a military discount | do you have a student discount | GROUP",
      "where does my refund go if I paid with a gift card | where does my refund go if I paid with a credit card | ENTITY",
      "how long until I get store credit for a return | how long until I get a refund for a return | TOPIC",
      "how long do I have to report a damaged package | how long do I have to report a lost package | TOPIC",
      "how long does standard shipping take | how much does standard shipping cost | TOPIC",
      "how many points do I earn per dollar | how many points do I need for a reward | TOPIC",
      "what colors does the stormline come in | what sizes does the stormline come in | TOPIC",
      "how many people does the ridgeline 4 sleep | how much does the ridgeline 4 weigh | TOPIC",
      "is there a charge for return shipping | do I get my original shipping cost back | TOPIC",
      "is there a price adjustment policy | do you price match | TOPIC",
      "can I return clearance items | can I return items marked final sale | TOPIC",
      "what is the trail cook set made of | what is in the trail cook set | TOPIC",
      "what is the drop of the kestrel swift trail runners | are the kestrel swift trail runners waterproof | TOPIC",
      "what amounts do digital gift cards come in | how is the digital gift card delivered | TOPIC"})
  @DisplayName("questions that differ in an entity, negation, comparison, group or topic are refused with that reason")
  void nearMissesAreRefused(String first, String second, MeaningGuard.Reason reason) {
    assertThat(compare(first, second)).isEqualTo(reason);
    assertThat(compare(second, first)).isEqualTo(reason);
  }

  @ParameterizedTest(name = "{0} | {1}")
  @CsvSource(delimiter = '|', value = {
      "how long do I have to return something | how many days do i get to send an item back",
      "do you ship to the uk | do you ship to australia",
      "do you ship to alaska | do you ship to hawaii",
      "how much is standard shipping to oregon | how much is standard shipping to texas",
      "do you have a military discount | do you have a first responder discount",
      "how much does the ridgeline 2 cost | ridgeline 2 tent price",
      "do the trailblazer boots run small | kestrel trailblazer sizing, true to size or not",
      "can I ship fuel canisters to canada | can I ship fuel canisters to the uk",
      "what's the warranty on the lumen 400 | what's the warranty on the lumen 900",
      "how long does shipping to canada take | do you ship to canada"})
  @DisplayName("paraphrases and the store's equivalent entities pass")
  void sameQuestionsPass(String first, String second) {
    assertThat(compare(first, second)).isNull();
  }

  @Test
  @DisplayName("a question that asks two things is served only by an answer to both")
  void compoundQuestions() {
    Meaning both = guard.read("What's the Basecamp Fleece made from, and how much is it?");
    Meaning one = guard.read("What is the Basecamp Fleece made of?");
    assertThat(both.compound()).isTrue();
    assertThat(guard.compare(both, one)).as("asked both, stored one").isEqualTo(MeaningGuard.Reason.TOPIC);
    assertThat(guard.compare(one, both)).as("asked one, stored both").isNull();
  }

  @Test
  @DisplayName("an equivalence holds only for the question it is true for")
  void equivalencesAreScoped() {
    assertThat(compare("what's the warranty on the lumen 400", "what's the warranty on the lumen 900")).isNull();
    assertThat(compare("is the lumen 400 waterproof", "is the lumen 900 waterproof")).isEqualTo(MeaningGuard.Reason.ENTITY);
    assertThat(compare("what's the warranty on the lumen 400 headlamp", "what's the warranty on the ridgeline 2 tent"))
        .isEqualTo(MeaningGuard.Reason.ENTITY);
    assertThat(compare("can I ship fuel to california", "can I ship fuel to hawaii")).isEqualTo(MeaningGuard.Reason.ENTITY);
    assertThat(compare("how much is shipping to canada", "how much is shipping to the uk")).isEqualTo(MeaningGuard.Reason.ENTITY);
  }

  @Test
  @DisplayName("a product named by SKU, by name or by its one-product family is the same entity")
  void productNames() {
    assertThat(guard.read("how much is AF-TNT-2P").get(ENTITY)).containsExactly("product:AF-TNT-2P");
    assertThat(guard.read("how much is the Ridgeline 2 tent").get(ENTITY)).containsExactly("product:AF-TNT-2P");
    assertThat(guard.read("does the stove come with fuel").get(ENTITY))
        .containsExactlyInAnyOrder("product:AF-STV-1", "product:AF-FUEL-230");
    assertThat(guard.read("is fuel included with the flashpoint stove").get(ENTITY))
        .containsExactlyInAnyOrder("product:AF-STV-1", "product:AF-FUEL-230");
    assertThat(guard.read("which tents are freestanding").get(ENTITY)).containsExactly("family:tent");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"how much is it", "and for members?", "what about canada", "yes please", "why?",
      "is that one waterproof"})
  @DisplayName("a message that needs its conversation to mean anything is never cached")
  void contextDependentMessages(String message) {
    assertThat(MeaningGuard.uncacheable(message, QuestionText.normalize(message))).isEqualTo("context");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"where is order AF-100234", "my email is maya.chen@example.com, what's my status",
      "call me at 555-123-4567 about returns", "am i a trailhead club member?", "how many trailhead points do i have",
      "where's my refund", "has my package arrived", "how much store credit do i have"})
  @DisplayName("a message with an order number, email address or phone number is personal")
  void personalMessages(String message) {
    assertThat(MeaningGuard.uncacheable(message, QuestionText.normalize(message))).isEqualTo("personal");
  }

  @Test
  @DisplayName("ordinary standalone questions are cacheable")
  void standaloneQuestions() {
    for (String message : new String[] {"return window?", "lightest tent", "does it cost anything to cancel an order",
        "how do I return something", "will my refund go back to my visa", "forgot my password, how do i get a new one",
        "how much store credit do i get for trading in used gear", "how many points do i earn per dollar"}) {
      assertThat(MeaningGuard.uncacheable(message, QuestionText.normalize(message))).as(message).isNull();
    }
  }

  @Test
  @DisplayName("a short follow-up-like question is read as written when it opens its conversation: nothing came before it")
  void firstTurnIsReadAsWritten() {
    String message = "what if the price drops after i buy?";
    assertThat(MeaningGuard.uncacheable(message, QuestionText.normalize(message))).isEqualTo("context");
    assertThat(MeaningGuard.uncacheable(message, QuestionText.normalize(message), true)).isNull();
    assertThat(MeaningGuard.uncacheable("where's my refund", "wheres my refund", true)).isEqualTo("personal");
  }

  @Test
  @DisplayName("a general question is not served the answer to a particular one; the general answer serves the particular")
  void generalQuestionNeedsTheGeneralAnswer() {
    assertThat(compare("Do you ship to Canada?", "How long does delivery to Canada take?")).isEqualTo(MeaningGuard.Reason.TOPIC);
    assertThat(compare("How long does delivery to Canada take?", "Do you ship to Canada?")).isNull();
  }
}
