package concierge.llmsim;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerComposerTest {

  private static final String CHUNKS = """
      You are the assistant of Alder & Finch. Answer only from the knowledge below.
      <<<chunk id=returns-1 source=policies/returns.md>>>
      Returns are accepted within 30 days of delivery. Items must be unused and in their original packaging.
      Refunds are issued to the original payment method within 5 business days of receiving the item.
      <<<end>>>
      <<<chunk id=shipping-2 source=policies/shipping.md>>>
      - Standard shipping takes 3 to 5 business days within the country.
      - Express shipping costs 9.95 EUR and arrives the next business day.
      Orders placed before 2 p.m. ship the same day.
      <<<end>>>
      <<<chunk id=care-3 source=products/care.md>>>
      Wash the linen covers at 40 degrees and dry them flat. Do not tumble dry the wool throws.
      <<<end>>>
      """;

  private static final Pattern SENTENCE = Pattern.compile("[^.!?]+[.!?]?");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

  private static ChatRequest request(String system, String user) {
    JsonArray messages = new JsonArray();
    if (system != null) {
      messages.add(new JsonObject().put("role", "system").put("content", system));
    }
    messages.add(new JsonObject().put("role", "user").put("content", user));
    return ChatRequest.parse(Buffer.buffer(new JsonObject().put("model", "gpt-4o").put("messages", messages).encode()));
  }

  private static List<String> sentences(String text) {
    Matcher matcher = SENTENCE.matcher(text);
    List<String> found = new java.util.ArrayList<>();
    while (matcher.find()) {
      found.add(matcher.group().strip());
    }
    return found;
  }

  @Test
  @DisplayName("every sentence of five or more words in the answer is quoted verbatim from the prompt")
  void quotesVerbatim() {
    ChatRequest request = request(CHUNKS, "Hello!\nHow many days do I have to return an item?");
    for (int seed = 0; seed < 200; seed++) {
      AnswerComposer.Answer answer = AnswerComposer.compose(request, 20 + seed * 2, new Random(seed));
      for (String sentence : sentences(answer.text())) {
        if (sentence.split("\\s+").length >= 5) {
          assertThat(CHUNKS).as("seed %d: %s", seed, answer.text()).contains(sentence);
        }
      }
    }
  }

  @Test
  @DisplayName("a long enough answer quotes two to four sentences, the one closest to the question first")
  void quotesClosestFirst() {
    ChatRequest request = request(CHUNKS, "Hi there\nHow long does express shipping take to arrive?");
    for (int seed = 0; seed < 30; seed++) {
      AnswerComposer.Answer answer = AnswerComposer.compose(request, 300, new Random(seed));
      assertThat(answer.quotes()).hasSizeBetween(2, 4);
      assertThat(answer.quotes().get(0)).isEqualTo("Express shipping costs 9.95 EUR and arrives the next business day.");
      assertThat(answer.text()).contains(answer.quotes());
    }
  }

  @Test
  @DisplayName("the invent fault puts a made-up figure after the first sentence, in no more tokens than the answer had")
  void invented() {
    ChatRequest request = request(CHUNKS, "Can I return a used item?");
    AnswerComposer.Answer answer = AnswerComposer.compose(request, 80, new Random(3));
    AnswerComposer.Answer invented = AnswerComposer.invented(answer);
    String first = sentences(answer.text()).get(0);
    assertThat(invented.text()).startsWith(first + " " + AnswerComposer.INVENTED);
    assertThat(invented.tokens().length).isEqualTo(answer.tokens().length);
    assertThat(CHUNKS).doesNotContain("73");
  }

  @Test
  @DisplayName("the answer has exactly the drawn number of tokens")
  void exactLength() {
    ChatRequest request = request(CHUNKS, "Can I return a used item?");
    for (int target : new int[] {1, 2, 7, 40, 150, 401, 1200}) {
      AnswerComposer.Answer answer = AnswerComposer.compose(request, target, new Random(target));
      assertThat(answer.tokens()).hasSize(target);
      assertThat(Tokenizer.count(answer.text())).isBetween(target - 1, target + 1);
    }
  }

  @Test
  @DisplayName("the answer holds no number that is not in the prompt")
  void noInventedNumbers() {
    ChatRequest withKnowledge = request(CHUNKS, "What does express shipping cost?");
    ChatRequest without = request(null, "Hello, I need some help please");
    for (int seed = 0; seed < 100; seed++) {
      assertThat(numbers(AnswerComposer.compose(withKnowledge, 50 + seed * 7, new Random(seed)).text()))
          .isSubsetOf(numbers(CHUNKS));
      assertThat(numbers(AnswerComposer.compose(without, 50 + seed * 7, new Random(seed)).text())).isEmpty();
    }
  }

  @Test
  @DisplayName("without knowledge in the prompt the answer is made of neutral customer-service sentences")
  void neutralWithoutKnowledge() {
    AnswerComposer.Answer answer = AnswerComposer.compose(request("Be kind", "Hi\nwhere is my order"), 120,
        new Random(1));
    assertThat(answer.quotes()).isEmpty();
    List<String> whole = sentences(answer.text());
    assertThat(whole.subList(0, whole.size() - 1)).allSatisfy(s -> assertThat(Phrases.NEUTRAL).contains(s));
  }

  @Test
  @DisplayName("without chunk markers, five-word sentences ending in a period of the last system and user messages are knowledge")
  void tolerantKnowledge() {
    ChatRequest request = request("Context: Gift cards are valid for three years from purchase. Be brief.",
        "Our loyalty points expire after one year of inactivity.\nDo gift cards expire?");
    assertThat(KnowledgeQuotes.candidates(request)).containsExactly(
        "Context: Gift cards are valid for three years from purchase.",
        "Our loyalty points expire after one year of inactivity.");
    assertThat(KnowledgeQuotes.best(request, 1)).containsExactly(
        "Context: Gift cards are valid for three years from purchase.");
  }

  @Test
  @DisplayName("chunk blocks win over the rest of the prompt, list markers are dropped and abbreviations do not end a sentence")
  void chunkSentences() {
    assertThat(KnowledgeQuotes.candidates(request(CHUNKS, "Hi"))).containsExactly(
        "Returns are accepted within 30 days of delivery.",
        "Items must be unused and in their original packaging.",
        "Refunds are issued to the original payment method within 5 business days of receiving the item.",
        "Standard shipping takes 3 to 5 business days within the country.",
        "Express shipping costs 9.95 EUR and arrives the next business day.",
        "Orders placed before 2 p.m. ship the same day.",
        "Wash the linen covers at 40 degrees and dry them flat.",
        "Do not tumble dry the wool throws.");
  }

  @Test
  @DisplayName("connectives are short and number-free, so padding never looks like knowledge")
  void connectives() {
    assertThat(Phrases.CONNECTIVES).allSatisfy(phrase -> {
      assertThat(phrase.split("\\s+").length).isLessThan(5);
      assertThat(phrase).doesNotContainPattern("\\d");
    });
    assertThat(Phrases.NEUTRAL).allSatisfy(phrase -> assertThat(phrase).doesNotContainPattern("\\d"));
  }

  private static List<String> numbers(String text) {
    Matcher matcher = NUMBER.matcher(text);
    List<String> found = new java.util.ArrayList<>();
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }
}
