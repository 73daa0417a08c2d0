package concierge.intent;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The embeddings of the intent examples kept in a file between runs, so that a restart does not
 * embed the same ~2,000 lines again (seconds of inference on two cores). The file records the
 * embedding model; a file of another model, or a damaged one, is ignored. Blocking file IO.
 */
final class ExampleVectorStore {

  private static final int FORMAT = 1;

  private final Path file;
  private final String model;

  ExampleVectorStore(Path file, String model) {
    this.file = file;
    this.model = model;
  }

  /** The stored vectors by text; empty when there is no usable file. */
  Map<String, float[]> read() {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (in.readInt() != FORMAT || !in.readUTF().equals(model)) {
        return Map.of();
      }
      int count = in.readInt();
      int dimension = in.readInt();
      Map<String, float[]> vectors = new HashMap<>(count * 2);
      for (int i = 0; i < count; i++) {
        String text = in.readUTF();
        float[] vector = new float[dimension];
        for (int j = 0; j < dimension; j++) {
          vector[j] = in.readFloat();
        }
        vectors.put(text, vector);
      }
      return vectors;
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
  }

  /** Replaces the file with these vectors (all of one dimension), atomically where the file system can. */
  void write(Map<String, float[]> vectors) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
      out.writeInt(FORMAT);
      out.writeUTF(model);
      out.writeInt(vectors.size());
      out.writeInt(vectors.isEmpty() ? 0 : vectors.values().iterator().next().length);
      for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
        out.writeUTF(entry.getKey());
        for (float x : entry.getValue()) {
          out.writeFloat(x);
        }
      }
    }
    try {
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
