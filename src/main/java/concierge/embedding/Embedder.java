package concierge.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-process sentence-embedding model (all-MiniLM-L6-v2 in ONNX, from the jar: nothing is
 * downloaded) with a small LRU of recent texts. Thread-safe; blocking: call it from a worker.
 */
public final class Embedder {

  /** MiniLM reads at most 256 word pieces; longer input only costs time. */
  static final int MAX_CHARS = 2000;

  private final EmbeddingModel model;
  private final Map<String, float[]> recent;

  public Embedder(String modelName, int cacheEntries) {
    this.model = load(modelName);
    this.recent = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
        return size() > cacheEntries;
      }
    };
  }

  public int dimension() {
    return 384;
  }

  public synchronized float[] cached(String text) {
    return recent.get(key(text));
  }

  /** Unit vectors for the texts, in order; cached ones are not recomputed. */
  public List<float[]> embed(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    List<TextSegment> missing = new ArrayList<>();
    List<Integer> missingAt = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      float[] hit = cached(texts.get(i));
      out.add(hit);
      if (hit == null) {
        missing.add(TextSegment.from(key(texts.get(i))));
        missingAt.add(i);
      }
    }
    if (!missing.isEmpty()) {
      List<Embedding> embeddings = model.embedAll(missing).content();
      for (int j = 0; j < embeddings.size(); j++) {
        float[] vector = Vectors.normalize(embeddings.get(j).vector());
        out.set(missingAt.get(j), vector);
        remember(missing.get(j).text(), vector);
      }
    }
    return out;
  }

  private synchronized void remember(String key, float[] vector) {
    recent.put(key, vector);
  }

  private static String key(String text) {
    String trimmed = text.strip();
    return trimmed.length() > MAX_CHARS ? trimmed.substring(0, MAX_CHARS) : trimmed;
  }

  private static EmbeddingModel load(String name) {
    String className = switch (name) {
      case "all-minilm-l6-v2-q" -> "dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel";
      case "all-minilm-l6-v2" -> "dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel";
      default -> throw new IllegalArgumentException("unknown embedding model '" + name
          + "': use all-minilm-l6-v2-q or all-minilm-l6-v2");
    };
    try {
      return (EmbeddingModel) Class.forName(className).getDeclaredConstructor().newInstance();
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("embedding model '" + name + "' is not in this build: "
          + "build with -Pfull-model for all-minilm-l6-v2", e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("could not load embedding model '" + name + "'", e);
    }
  }
}
