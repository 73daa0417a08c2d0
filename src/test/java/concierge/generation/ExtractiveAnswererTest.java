package concierge.generation;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The embedded generator's content words")
class ExtractiveAnswererTest {

  @Test
  @DisplayName("keep figures, percentages and hyphenated words; drop stopwords, edge punctuation and plurals")
  void words() {
    assertThat(ExtractiveAnswerer.words("Is standard shipping $5.99, and free over $75.00?"))
        .containsExactlyInAnyOrder("standard", "shipping", "5.99", "free", "over", "75.00");
    assertThat(ExtractiveAnswerer.words("Members get 10% off -- see the follow-up... Batteries and boots."))
        .containsExactlyInAnyOrder("member", "10%", "off", "see", "follow-up", "battery", "boot");
    assertThat(ExtractiveAnswerer.words("")).isEmpty();
  }

  @Test
  @DisplayName("are the same words the regular-expression definition gives, on every line of the knowledge base")
  void sameAsTheRegexDefinition() throws IOException {
    List<String> lines;
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/kb"))) {
      lines = files.filter(Files::isRegularFile).flatMap(ExtractiveAnswererTest::lines).toList();
    }
    assertThat(lines).hasSizeGreaterThan(500);
    for (String line : lines) {
      assertThat(ExtractiveAnswerer.words(line)).as(line).isEqualTo(regexWords(line));
    }
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The tokenizer's definition in regular expressions (the stopword and stem rules are the tokenizer's own). */
  private static Set<String> regexWords(String text) {
    Set<String> expected = new HashSet<>();
    for (String raw : text.toLowerCase(Locale.ROOT).split("[^a-z0-9$.%-]+")) {
      String word = raw.replaceAll("^[.$-]+|[.-]+$", "");
      expected.addAll(ExtractiveAnswerer.words(word)); // one clean token: only the stopword and stem rules apply
    }
    return expected;
  }
}
