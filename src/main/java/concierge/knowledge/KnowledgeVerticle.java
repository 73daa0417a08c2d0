package concierge.knowledge;

import concierge.ErrorCode;
import concierge.chroma.ChromaStore;
import concierge.chroma.ChromaConfig;
import concierge.embedding.EmbeddingConfig;
import concierge.embedding.EmbeddingService;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Owns the knowledge base's lifecycle: reads the documents, ingests them into Chroma through
 * {@code concierge.chroma} when the stored version differs (or on request), and keeps the
 * current version where other verticles read it, announcing changes on
 * {@code concierge.knowledge.changed}. One ingest runs at a time.
 */
public final class KnowledgeVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeVerticle.class);

  private KnowledgeConfig settings;
  private Ingestor ingestor;
  private Future<IngestReport> running;

  @Override
  public Future<?> start() {
    settings = KnowledgeConfig.from(config());
    ingestor = new Ingestor(new ChromaStore(vertx, ChromaConfig.from(config()).requestTimeoutMs() * 4L),
        new EmbeddingService(vertx, EmbeddingConfig.from(config()).timeoutMs() * 30));
    Future<?> consumer = vertx.eventBus().<JsonObject>consumer(KnowledgeService.ADDRESS, this::handle).completion();
    return consumer.compose(v -> settings.ingestOnStart() ? ingestIfStale().mapEmpty() : adoptStoredVersion().mapEmpty());
  }

  private Future<?> adoptStoredVersion() {
    return ingestor.storedVersion()
        .onSuccess(version -> KnowledgeService.publishVersion(vertx, version))
        .recover(failure -> {
          LOG.warn("knowledge-base version unreadable: {}", failure.getMessage());
          return Future.succeededFuture("");
        });
  }

  private Future<?> ingestIfStale() {
    return chunks().compose(chunks -> ingestor.storedVersion().compose(stored -> {
      if (stored.equals(Ingestor.version(chunks))) {
        LOG.info("knowledge base {} is up to date in Chroma", stored);
        KnowledgeService.publishVersion(vertx, stored);
        return Future.succeededFuture();
      }
      return ingest(chunks);
    }));
  }

  private void handle(Message<JsonObject> message) {
    String action = message.headers().get(KnowledgeService.ACTION);
    if ("ingest".equals(action)) {
      chunks().compose(this::ingest).onComplete(result -> {
        if (result.succeeded()) {
          message.reply(result.result().toJson());
        } else {
          message.fail(ErrorCode.UNAVAILABLE.status(), "ingest failed: " + result.cause().getMessage());
        }
      });
    } else if ("version".equals(action)) {
      message.reply(new JsonObject().put("version", new KnowledgeService(vertx).currentVersion()));
    } else {
      message.fail(ErrorCode.INVALID_REQUEST.status(), "unknown knowledge action '" + action + "'");
    }
  }

  private Future<List<KnowledgeChunk>> chunks() {
    return vertx.executeBlocking(() ->
        new Chunker(settings.chunkTokens()).chunks(new KnowledgeSource(settings.dir()).documents()));
  }

  private synchronized Future<IngestReport> ingest(List<KnowledgeChunk> chunks) {
    Future<IngestReport> previous = running == null ? Future.succeededFuture() : running.recover(f -> Future.succeededFuture());
    running = previous.compose(ignored -> ingestor.ingest(chunks))
        .onSuccess(report -> {
          LOG.info("ingested knowledge base {}: {} upserted, {} removed, {} unchanged, {} sentences, {} ms",
              report.version(), report.upserted(), report.removed(), report.unchanged(), report.sentences(),
              report.tookMs());
          KnowledgeService.publishVersion(vertx, report.version());
        });
    return running;
  }
}
