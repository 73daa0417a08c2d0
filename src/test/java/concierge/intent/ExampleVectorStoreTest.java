package concierge.intent;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The examples' vectors kept between runs")
class ExampleVectorStoreTest {

  @Test
  @DisplayName("vectors written are read back, by text")
  void roundTrip(@TempDir Path dir) throws IOException {
    ExampleVectorStore store = new ExampleVectorStore(dir.resolve("sub/vectors.bin"), "all-minilm-l6-v2-q");
    store.write(Map.of("hi", new float[] {0.6f, 0.8f}, "où est ma commande ?", new float[] {1f, 0f}));
    Map<String, float[]> read = store.read();
    assertThat(read).hasSize(2);
    assertThat(read.get("hi")).containsExactly(0.6f, 0.8f);
    assertThat(read.get("où est ma commande ?")).containsExactly(1f, 0f);
  }

  @Test
  @DisplayName("a missing file, a file of another model and a damaged file give nothing")
  void unusable(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("vectors.bin");
    assertThat(new ExampleVectorStore(file, "all-minilm-l6-v2-q").read()).isEmpty();
    new ExampleVectorStore(file, "all-minilm-l6-v2").write(Map.of("hi", new float[] {1f}));
    assertThat(new ExampleVectorStore(file, "all-minilm-l6-v2-q").read()).isEmpty();
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 2));
    assertThat(new ExampleVectorStore(file, "all-minilm-l6-v2").read()).isEmpty();
  }
}
