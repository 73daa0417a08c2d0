package concierge.agent;

import concierge.knowledge.KnowledgeDocument;
import concierge.knowledge.KnowledgeSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Spelling correction against the shop's words")
class SpellingTest {

  private static Spelling spelling;

  @BeforeAll
  static void load() {
    List<KnowledgeDocument> documents = new KnowledgeSource(null).documents();
    spelling = Spelling.of(
        documents.stream().filter(d -> !d.path().startsWith("intents/")).map(KnowledgeDocument::text).toList(),
        documents.stream().filter(d -> d.path().startsWith("intents/")).map(KnowledgeDocument::text).toList(),
        Spelling.englishVocabulary("/bert-vocabulary-en.txt"));
  }

  @ParameterizedTest(name = "\"{0}\" reads as \"{1}\"")
  @DisplayName("misspelt shop words are corrected, the rest of the message is kept as typed")
  @CsvSource(delimiter = '|', value = {
      "retrn windo for boots|return window for boots",
      "Retrn policy?|Return policy?",
      "how long does shiping take to canda|how long does shipping take to canada",
      "whats the warrenty on the tent|what's the warranty on the tent",
      "can I get a refnud for AF-100234|can I get a refund for AF-100234",
  })
  void corrects(String typed, String read) {
    assertThat(spelling.correct(typed)).isEqualTo(read);
  }

  @ParameterizedTest(name = "\"{0}\" is left alone")
  @DisplayName("English words, names, order numbers, short words and other languages are never changed")
  @CsvSource(delimiter = '|', value = {
      "do you sell bikes",
      "Is Marguerite's order AF-100234 shipped?",
      "my grandma wants a gift",
      "teh tent",
      "¿Puedo devolver las botas?",
      "what is the return window for the Kestrel boots",
  })
  void leavesAlone(String typed) {
    assertThat(spelling.correct(typed)).isEqualTo(typed);
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @DisplayName("the edit distance counts a swap of neighbours as one edit and stops above its limit")
  @CsvSource({"retrun,return,1", "windo,window,1", "abc,abc,0", "kitten,sitting,3"})
  void distance(String a, String b, int expected) {
    assertThat(Spelling.distance(a, b, 3)).isEqualTo(Math.min(expected, 4));
  }
}
