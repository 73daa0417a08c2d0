package concierge.knowledge;

import concierge.chroma.ChromaRecord;
import concierge.chroma.ChromaStore;
import concierge.embedding.EmbeddingService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Brings Chroma in line with the knowledge base: chunks (policies and products, in the
 * {@code knowledge} collection) whose content hash changed are embedded and upserted, chunks
 * whose source is gone are deleted, unchanged ones are left alone (so re-ingesting unchanged
 * content writes nothing). Each chunk's sentences are embedded too, into the {@code sentences}
 * collection, so the extractive generator never embeds knowledge per request. The version (a
 * hash of the layout and of every chunk id and hash) is stored in {@code concierge_meta}.
 */
public final class Ingestor {

  /** Every chunk, policies and products alike; {@code collection} in its metadata says which. */
  public static final String KNOWLEDGE = "knowledge";
  public static final String SENTENCES = "sentences";
  /** Where chunks were kept before they shared one collection; dropped at the next ingest. */
  private static final List<String> FORMER_COLLECTIONS = List.of("policies", "products");
  static final String META = "concierge_meta";
  private static final String VERSION_ID = "knowledge-version";
  private static final int BATCH = 32;
  /** Chroma's layout: 2 = one {@code knowledge} collection (1 had {@code policies} and {@code products}). */
  private static final String LAYOUT = "layout 2";

  private record Item(String id, String embedText, String document, JsonObject metadata, String hash) {
  }

  private record Tally(int upserted, int removed, int unchanged) {
  }

  private final ChromaStore store;
  private final EmbeddingService embeddings;

  public Ingestor(ChromaStore store, EmbeddingService embeddings) {
    this.store = store;
    this.embeddings = embeddings;
  }

  /** The version covers how chunks are stored too, so a data folder in an older layout is ingested again. */
  public static String version(List<KnowledgeChunk> chunks) {
    return Chunker.hash(LAYOUT + "\n"
        + chunks.stream().map(c -> c.id() + ":" + c.hash()).sorted().collect(Collectors.joining("\n")));
  }

  public Future<String> storedVersion() {
    return store.get(META, null, false).map(records -> records.stream()
        .filter(r -> VERSION_ID.equals(r.id())).map(ChromaRecord::document).findFirst().orElse(""));
  }

  public Future<IngestReport> ingest(List<KnowledgeChunk> chunks) {
    long started = System.currentTimeMillis();
    String version = version(chunks);
    List<Item> sentenceItems = sentenceItems(chunks);
    return storedVersion().compose(previous -> sync(KNOWLEDGE, items(chunks))
        .compose(tally -> sync(SENTENCES, sentenceItems).map(ignored -> tally))
        .compose(tally -> Future.all(FORMER_COLLECTIONS.stream().map(store::drop).toList()).map(tally))
        .compose(tally -> storeVersion(version).map(tally))
        .map(tally -> new IngestReport(version, previous, tally.upserted(), tally.removed(), tally.unchanged(),
            sentenceItems.size(), System.currentTimeMillis() - started)));
  }

  private static List<Item> items(List<KnowledgeChunk> chunks) {
    return chunks.stream().map(c -> new Item(c.id(), c.embeddingText(), c.text(), c.metadata(), c.hash())).toList();
  }

  private static List<Item> sentenceItems(List<KnowledgeChunk> chunks) {
    List<Item> items = new ArrayList<>();
    for (KnowledgeChunk chunk : chunks) {
      List<String> sentences = Sentences.split(chunk.text());
      for (int i = 0; i < sentences.size(); i++) {
        String sentence = sentences.get(i);
        String hash = Chunker.hash(sentence);
        JsonObject metadata = new JsonObject().put("chunk", chunk.id()).put("collection", chunk.collection())
            .put("position", i).put("hash", hash);
        items.add(new Item(chunk.id() + "~" + i, sentence, sentence, metadata, hash));
      }
    }
    return items;
  }

  private Future<Tally> sync(String collection, List<Item> desired) {
    return store.get(collection, null, false).compose(existing -> {
      Map<String, String> hashes = new HashMap<>();
      existing.forEach(r -> hashes.put(r.id(), r.metadata().getString("hash")));
      List<Item> changed = desired.stream().filter(item -> !Objects.equals(hashes.get(item.id()), item.hash())).toList();
      List<String> wanted = desired.stream().map(Item::id).toList();
      List<String> gone = hashes.keySet().stream().filter(id -> !wanted.contains(id)).toList();
      return upsertInBatches(collection, changed, 0)
          .compose(v -> store.delete(collection, gone))
          .map(v -> new Tally(changed.size(), gone.size(), desired.size() - changed.size()));
    });
  }

  private Future<Void> upsertInBatches(String collection, List<Item> items, int from) {
    if (from >= items.size()) {
      return Future.succeededFuture();
    }
    List<Item> batch = items.subList(from, Math.min(items.size(), from + BATCH));
    return embeddings.embedAll(batch.stream().map(Item::embedText).toList())
        .compose(vectors -> {
          List<ChromaRecord> records = new ArrayList<>(batch.size());
          for (int i = 0; i < batch.size(); i++) {
            Item item = batch.get(i);
            records.add(new ChromaRecord(item.id(), vectors.get(i), item.document(), item.metadata()));
          }
          return store.upsert(collection, records);
        })
        .compose(v -> upsertInBatches(collection, items, from + BATCH));
  }

  private Future<Void> storeVersion(String version) {
    float[] unit = new float[384];
    unit[0] = 1f;
    return store.upsert(META, List.of(new ChromaRecord(VERSION_ID, unit, version, new JsonObject().put("kind", "version"))));
  }
}
