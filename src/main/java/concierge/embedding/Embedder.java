package concierge.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;

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

  /**
   * The model of the jar on an ONNX session of its own: one inference thread per call and no
   * spinning. ONNX Runtime's default (a thread per core that spins between calls) and
   * LangChain4j's default executor (a thread per core for every list of texts) made two
   * concurrent calls fight for the same two cores; one thread per call and {@code workers}
   * concurrent calls embed 1.6 times as many texts per second here. Texts are still embedded one
   * at a time: a batched call of the quantized model changes a text's vector with its batchmates
   * (activations are quantized per batch), and a text must always get the same vector.
   */
  private static EmbeddingModel load(String name) {
    String file = switch (name) {
      case "all-minilm-l6-v2-q", "all-minilm-l6-v2" -> name;
      default -> throw new IllegalArgumentException("unknown embedding model '" + name
          + "': use all-minilm-l6-v2-q or all-minilm-l6-v2");
    };
    try (InputStream model = resource(file + ".onnx", name); InputStream tokenizer = resource(file + "-tokenizer.json", name);
         OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession session = environment.createSession(model.readAllBytes(), options);
      return new InProcessModel(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN));
    } catch (IOException | OrtException e) {
      throw new IllegalStateException("could not load embedding model '" + name + "'", e);
    }
  }

  private static InputStream resource(String file, String name) {
    InputStream in = Embedder.class.getResourceAsStream("/" + file);
    if (in == null) {
      throw new IllegalStateException("embedding model '" + name + "' is not in this build"
          + (name.endsWith("-q") ? "" : ": build with -Pfull-model for all-minilm-l6-v2"));
    }
    return in;
  }

  /** LangChain4j's in-process model, embedding a list in the calling thread. */
  private static final class InProcessModel extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    InProcessModel(OnnxBertBiEncoder encoder) {
      super(Runnable::run);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return 384;
    }
  }
}
