package concierge.generation;

import concierge.chroma.ChromaRecord;
import concierge.chroma.ChromaStore;
import concierge.knowledge.Ingestor;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every knowledge sentence with the vector computed at ingest, by chunk, held in memory (a few MB
 * for the demo shop) so that composing an answer embeds nothing. Loaded from Chroma's
 * {@code sentences} collection at start and again when the knowledge base changes.
 */
public final class SentenceIndex {

  /** A knowledge sentence, its ingest-time vector, and its content words (computed once, here). */
  public record Sentence(String text, float[] vector, int position, Set<String> words) {

    public Sentence(String text, float[] vector, int position) {
      this(text, vector, position, ExtractiveAnswerer.words(text));
    }
  }

  private volatile Map<String, List<Sentence>> byChunk = Map.of();

  public Future<Integer> load(ChromaStore store) {
    return store.get(Ingestor.SENTENCES, null, true).map(records -> {
      Map<String, List<Sentence>> index = new HashMap<>();
      for (ChromaRecord record : records) {
        String chunk = record.metadata().getString("chunk");
        index.computeIfAbsent(chunk, k -> new ArrayList<>())
            .add(new Sentence(record.document(), record.vector(), record.metadata().getInteger("position", 0)));
      }
      index.values().forEach(list -> list.sort(Comparator.comparingInt(Sentence::position)));
      byChunk = index;
      return records.size();
    });
  }

  public List<Sentence> of(String chunkId) {
    return byChunk.getOrDefault(chunkId, List.of());
  }

  public boolean isEmpty() {
    return byChunk.isEmpty();
  }
}
