package concierge.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The in-process embedding model on its own ONNX session")
class EmbedderTest {

  private static final String QUESTION = "Can I return a tent I already set up once?";
  private static Embedder embedder;

  @BeforeAll
  static void load() {
    embedder = new Embedder("all-minilm-l6-v2-q", 0);
  }

  @Test
  @DisplayName("gives the vector LangChain4j's own model gives (normalized), so stored vectors stay valid")
  void sameAsLangChain4j() {
    EmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
    float[] expected = Vectors.normalize(reference.embed(QUESTION).content().vector());
    assertThat(embedder.embed(List.of(QUESTION)).get(0)).containsExactly(expected, org.assertj.core.data.Offset.offset(1e-6f));
  }

  @Test
  @DisplayName("a text gets the same vector alone, among other texts and from concurrent callers")
  void sameVectorWhateverTheCompany() throws Exception {
    float[] alone = embedder.embed(List.of(QUESTION)).get(0);
    List<float[]> inList = embedder.embed(List.of("hi", QUESTION, "Do you ship kayaks to Alaska, and what does it cost?"));
    assertThat(inList.get(1)).containsExactly(alone);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<float[]>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String other = "question number " + i + " about shipping";
        calls.add(pool.submit(() -> embedder.embed(List.of(other, QUESTION)).get(1)));
      }
      for (Future<float[]> call : calls) {
        assertThat(call.get()).containsExactly(alone);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  @DisplayName("an unknown model name is a clear error")
  void unknownModel() {
    assertThatThrownBy(() -> new Embedder("bert-large", 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown embedding model 'bert-large'");
  }
}
