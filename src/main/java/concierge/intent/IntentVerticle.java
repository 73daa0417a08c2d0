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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves {@code concierge.intent}. At start it reads the intent examples of the knowledge base,
 * has those not embedded on an earlier run embedded by {@code concierge.embedding} (deployed
 * before it), and trains the classifier off the event loop; it takes requests only once the
 * classifier is ready. A classification is a fraction of a millisecond: it runs on the event loop.
 */
public final class IntentVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(IntentVerticle.class);
  /** Examples are embedded a few at a time, so that customers' requests are not queued behind them. */
  private static final int EMBED_CHUNK = 32;
  private static final String VECTOR_FILE = "intent-example-vectors.bin";

  /** The examples and the vectors already known for some of their texts. */
  private record Examples(List<IntentExample> list, Map<String, float[]> known) {
  }

  private IntentConfig settings;
  private ExampleVectorStore store;
  private EmbeddingService embeddings;
  private IntentClassifier classifier;

  @Override
  public Future<?> start() {
    settings = IntentConfig.from(config());
    String model = EmbeddingConfig.from(config()).model();
    store = new ExampleVectorStore(Path.of(config().getString("data-dir", "data"), VECTOR_FILE), model);
    embeddings = new EmbeddingService(vertx, EmbeddingConfig.from(config()).timeoutMs());
    String dir = KnowledgeConfig.from(config()).dir();
    long started = System.currentTimeMillis();
    return vertx.executeBlocking(() -> new Examples(examples(dir), settings.keepVectors() ? store.read() : Map.of()))
        .compose(this::train)
        .onSuccess(trained -> {
          classifier = trained;
          LOG.info("intent classifier ready: {} intents, temperature {}, {} ms", trained.intents().size(),
              String.format("%.2f", trained.temperature()), System.currentTimeMillis() - started);
        })
        .compose(trained -> vertx.eventBus().<JsonObject>consumer(Addresses.INTENT, this::handle).completion());
  }

  /** The examples of the configured knowledge base, or the bundled ones when it has none. */
  private static List<IntentExample> examples(String dir) {
    try {
      return IntentExamples.load(new KnowledgeSource(dir));
    } catch (IllegalStateException e) {
      if (dir.isBlank()) {
        throw e;
      }
      LOG.warn("no intents/*.txt in {}: using the bundled intent examples", dir);
      return IntentExamples.load(new KnowledgeSource(""));
    }
  }

  private Future<IntentClassifier> train(Examples examples) {
    List<String> texts = examples.list().stream().map(IntentExample::text).toList();
    List<String> missing = texts.stream().filter(text -> !examples.known().containsKey(text)).distinct().toList();
    LOG.info("training the intent classifier on {} examples ({} to embed)", texts.size(), missing.size());
    return embed(missing).compose(embedded -> vertx.executeBlocking(() -> {
      Map<String, float[]> byText = new HashMap<>(examples.known());
      for (int i = 0; i < missing.size(); i++) {
        byText.put(missing.get(i), embedded.get(i));
      }
      if (!missing.isEmpty() && settings.keepVectors()) {
        keep(byText);
      }
      return IntentClassifier.train(examples.list(), texts.stream().map(byText::get).toList(), settings);
    }));
  }

  private void keep(Map<String, float[]> byText) {
    try {
      store.write(byText);
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("could not keep the intent examples' vectors: {}", e.getMessage());
    }
  }

  /** Embeds the examples chunk after chunk; a chunk may wait behind a queue of customers' requests. */
  private Future<List<float[]>> embed(List<String> texts) {
    EmbeddingService patient = new EmbeddingService(vertx, EmbeddingConfig.from(config()).timeoutMs() * 10);
    List<float[]> vectors = new ArrayList<>(texts.size());
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < texts.size(); from += EMBED_CHUNK) {
      List<String> chunk = texts.subList(from, Math.min(texts.size(), from + EMBED_CHUNK));
      chain = chain.compose(v -> patient.embedAll(chunk)).map(chunkVectors -> {
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
