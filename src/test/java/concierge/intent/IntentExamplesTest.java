package concierge.intent;

import concierge.knowledge.KnowledgeSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Intent examples from the knowledge base")
class IntentExamplesTest {

  @Test
  @DisplayName("the bundled knowledge base has many examples for each of the 12 intents")
  void bundled() {
    Map<String, Long> perIntent = IntentExamples.load(new KnowledgeSource("")).stream()
        .collect(Collectors.groupingBy(IntentExample::intent, Collectors.counting()));
    assertThat(perIntent.keySet()).containsExactlyInAnyOrder("policy_question", "product_question",
        "order_status", "order_place", "order_cancel", "order_change", "return_request", "account_help",
        "complaint", "human_agent", "greeting", "out_of_scope");
    assertThat(perIntent.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(60));
  }

  @Test
  @DisplayName("a folder's intents/<intent>.txt are read one example a line, without blanks and # comments")
  void folder(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("intents/drafts"));
    Files.writeString(dir.resolve("intents/greeting.txt"), "# greetings\nhi\n\n  hello  \n");
    Files.writeString(dir.resolve("intents/drafts/complaint.txt"), "not an intent file\n");
    Files.writeString(dir.resolve("intents/notes.md"), "not an intent file\n");
    Files.writeString(dir.resolve("returns.md"), "# Returns\n");
    List<IntentExample> examples = IntentExamples.load(new KnowledgeSource(dir.toString()));
    assertThat(examples).containsExactly(new IntentExample("greeting", "hi"), new IntentExample("greeting", "hello"));
  }

  @Test
  @DisplayName("a knowledge base without intent examples is an error, not an empty classifier")
  void none(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("returns.md"), "# Returns\n");
    assertThatThrownBy(() -> IntentExamples.load(new KnowledgeSource(dir.toString())))
        .isInstanceOf(IllegalStateException.class);
  }
}
