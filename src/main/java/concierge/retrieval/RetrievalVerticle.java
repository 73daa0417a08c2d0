package concierge.retrieval;

import concierge.Addresses;
import concierge.ErrorCode;
import concierge.Replies;
import concierge.chroma.ChromaHit;
import concierge.chroma.ChromaStore;
import concierge.embedding.Vectors;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Serves {@code concierge.retrieval}: queries the {@code policies} and {@code products}
 * collections in parallel through the Chroma owner and merges them by score, preferring the
 * collection that fits the intent (a product question still finds the policy it names, and a
 * policy question that names a product still finds the product's restrictions).
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
    Future<List<ChromaHit>> policies = chroma.query("policies", vector, topN, null);
    Future<List<ChromaHit>> products = chroma.query("products", vector, topN, null);
    return Future.all(policies, products).map(all -> {
      List<RetrievedChunk> merged = new ArrayList<>();
      add(merged, policies.result(), "policies", preferred);
      add(merged, products.result(), "products", preferred);
      merged.sort(Comparator.comparingDouble(RetrievedChunk::score).reversed());
      return merged.subList(0, Math.min(topN, merged.size()));
    });
  }

  private void add(List<RetrievedChunk> out, List<ChromaHit> hits, String collection, String preferred) {
    double penalty = collection.equals(preferred) ? 0 : settings.otherCollectionPenalty();
    for (ChromaHit hit : hits) {
      out.add(new RetrievedChunk(hit.id(), hit.metadata().getString("title", hit.id()), collection, hit.document(),
          hit.metadata().getString("sku"), hit.similarity() - penalty));
    }
  }
}
