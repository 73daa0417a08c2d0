package concierge.retrieval;

import concierge.Addresses;
import concierge.ErrorCode;
import concierge.Replies;
import concierge.chroma.ChromaHit;
import concierge.chroma.ChromaStore;
import concierge.embedding.Vectors;
import concierge.knowledge.Chunker;
import concierge.knowledge.Ingestor;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Serves {@code concierge.retrieval}: the top chunks of the {@code knowledge} collection (policies
 * and products) for a question vector, through the Chroma owner, preferring the collection that
 * fits the intent: a chunk of the other collection scores {@code other-collection-penalty} less
 * (a product question still finds the policy it names, and a policy question that names a
 * product still finds the product's restrictions).
 * <p>
 * One query asks for twice as many chunks as are kept. Its ranking is final when the last kept
 * chunk scores at least the similarity of the last chunk returned, since nothing below that can
 * overtake it; otherwise (rare: the penalty reorders chunks at the edge) each collection is
 * queried for its own top chunks, which is exact.
 */
public final class RetrievalVerticle extends VerticleBase {

  private static final Set<String> PRODUCT_INTENTS = Set.of("product_question", "order_place");

  private RetrievalConfig settings;
  private ChromaStore chroma;

  @Override
  public Future<?> start() {
    settings = RetrievalConfig.from(config());
    chroma = new ChromaStore(vertx, settings.timeoutMs());
    return vertx.eventBus().<JsonObject>consumer(Addresses.RETRIEVAL, this::handle).completion();
  }

  private void handle(Message<JsonObject> message) {
    Replies.answer(message, body -> {
      String vector = body.getString("vector");
      if (vector == null) {
        throw new IllegalArgumentException("vector is required");
      }
      int topN = Math.max(1, Math.min(20, body.getInteger("topN", settings.topN())));
      return retrieve(Vectors.decode(vector), body.getString("intent"), topN)
          .recover(failure -> Future.failedFuture(ErrorCode.UNAVAILABLE.exception("retrieval unavailable: "
              + failure.getMessage())))
          .map(RetrievalService::encode);
    });
  }

  Future<List<RetrievedChunk>> retrieve(float[] vector, String intent, int topN) {
    String preferred = intent != null && PRODUCT_INTENTS.contains(intent) ? "products" : "policies";
    int asked = 2 * topN;
    return chroma.query(Ingestor.KNOWLEDGE, vector, asked, null).compose(hits -> {
      List<RetrievedChunk> top = ranked(hits, preferred, topN);
      if (hits.size() < asked || top.get(top.size() - 1).score() >= hits.get(hits.size() - 1).similarity()) {
        return Future.succeededFuture(top);
      }
      return perCollection(vector, preferred, topN);
    });
  }

  private Future<List<RetrievedChunk>> perCollection(float[] vector, String preferred, int topN) {
    List<Future<List<ChromaHit>>> queries = Chunker.COLLECTIONS.stream()
        .map(collection -> chroma.query(Ingestor.KNOWLEDGE, vector, topN, new JsonObject().put("collection", collection)))
        .toList();
    return Future.all(queries).map(all -> {
      List<ChromaHit> hits = new ArrayList<>();
      queries.forEach(query -> hits.addAll(query.result()));
      return ranked(hits, preferred, topN);
    });
  }

  private List<RetrievedChunk> ranked(List<ChromaHit> hits, String preferred, int topN) {
    List<RetrievedChunk> chunks = new ArrayList<>(hits.size());
    for (ChromaHit hit : hits) {
      String collection = hit.metadata().getString("collection", "policies");
      double penalty = collection.equals(preferred) ? 0 : settings.otherCollectionPenalty();
      chunks.add(new RetrievedChunk(hit.id(), hit.metadata().getString("title", hit.id()), collection, hit.document(),
          hit.metadata().getString("sku"), hit.similarity() - penalty));
    }
    chunks.sort(Comparator.comparingDouble(RetrievedChunk::score).reversed());
    return chunks.subList(0, Math.min(topN, chunks.size()));
  }
}
