package concierge.intent;

import concierge.Addresses;
import concierge.Replies;
import concierge.embedding.EmbeddingConfig;
import concierge.embedding.EmbeddingService;
import concierge.knowledge.KnowledgeConfig;
import concierge.knowledge.KnowledgeSource;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Serves {@code concierge.intent}. At start it reads the intent examples of the knowledge base,
 * has them embedded by {@code concierge.embedding} (deployed before it) and trains the
 * classifier off the event loop; it takes requests only once the classifier is ready.
 * A classification itself is a fraction of a millisecond, so it runs on the event loop.
 */
public final class IntentVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(IntentVerticle.class);
  /** Examples are embedded a few at a time, so that customers' requests are not queued behind them. */
  private static final int EMBED_CHUNK = 32;

  private EmbeddingService embeddings;
  private IntentClassifier classifier;

  @Override
  public Future<?> start() {
    IntentConfig settings = IntentConfig.from(config());
    String dir = KnowledgeConfig.from(config()).dir();
    embeddings = new EmbeddingService(vertx, EmbeddingConfig.from(config()).timeoutMs() * 10);
    long started = System.currentTimeMillis();
    return vertx.executeBlocking(() -> IntentExamples.load(new KnowledgeSource(dir)))
        .compose(examples -> embed(examples).compose(vectors ->
            vertx.executeBlocking(() -> IntentClassifier.train(examples, vectors, settings))))
        .onSuccess(trained -> {
          classifier = trained;
          LOG.info("intent classifier ready: {} intents, temperature {}, {} ms", trained.intents().size(),
              String.format("%.2f", trained.temperature()), System.currentTimeMillis() - started);
        })
        .compose(trained -> vertx.eventBus().<JsonObject>consumer(Addresses.INTENT, this::handle).completion());
  }

  private Future<List<float[]>> embed(List<IntentExample> examples) {
    List<String> texts = examples.stream().map(IntentExample::text).toList();
    List<float[]> vectors = new ArrayList<>(texts.size());
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < texts.size(); from += EMBED_CHUNK) {
      List<String> chunk = texts.subList(from, Math.min(texts.size(), from + EMBED_CHUNK));
      chain = chain.compose(v -> embeddings.embedAll(chunk)).map(chunkVectors -> {
        vectors.addAll(chunkVectors);
        return null;
      });
    }
    return chain.map(v -> vectors);
  }

  private void handle(Message<JsonObject> message) {
    Replies.answer(message, body -> {
      IntentService.Request request = IntentService.request(body);
      Future<float[]> vector = request.vector() != null
          ? Future.succeededFuture(request.vector())
          : embeddings.embed(request.message());
      return vector.map(v -> IntentService.encode(classifier.classify(request.message(), v)));
    });
  }
}
