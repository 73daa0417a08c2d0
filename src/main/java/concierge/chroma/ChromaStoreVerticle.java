package concierge.chroma;

import concierge.Addresses;
import concierge.ErrorCode;
import concierge.Replies;
import concierge.embedding.Vectors;
import concierge.faults.Breakers;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The single owner of the Chroma client. The client is created and checked before this verticle
 * reports started, and a second deployment in the same JVM fails: there is exactly one client, so
 * no two threads can race to initialise one (the failure the Python agent had under load).
 * It runs on an event loop because the client is non-blocking.
 */
public final class ChromaStoreVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ChromaStoreVerticle.class);
  private static final AtomicBoolean DEPLOYED = new AtomicBoolean();
  private static final Set<String> READS = Set.of("query", "get", "count");
  private static final long READ_RETRY_DELAY_MS = 200;

  private final String url;
  private ChromaClient client;
  private Breakers.Breaker breaker;
  private boolean owner;

  public ChromaStoreVerticle(String url) {
    this.url = url;
  }

  @Override
  public Future<?> start() {
    if (!DEPLOYED.compareAndSet(false, true)) {
      return Future.failedFuture(new IllegalStateException(
          "ChromaStoreVerticle is already deployed in this JVM: it must be deployed exactly once"));
    }
    owner = true;
    ChromaConfig chroma = ChromaConfig.from(config());
    client = new ChromaClient(vertx, url, chroma.requestTimeoutMs());
    breaker = Breakers.of(vertx).breaker(Breakers.CHROMA, config(), ChromaStoreVerticle::countsAgainstChroma);
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(Addresses.CHROMA, this::handle);
    return client.heartbeat()
        .recover(failure -> {
          LOG.warn("Chroma at {} is not answering yet: {}", url, failure.getMessage());
          return Future.succeededFuture();
        })
        .compose(ignored -> consumer.completion());
  }

  @Override
  public Future<?> stop() {
    if (owner) {
      DEPLOYED.set(false);
    }
    if (client != null) {
      client.close();
    }
    return Future.succeededFuture();
  }

  private void handle(Message<JsonObject> message) {
    String action = message.headers().get(ChromaStore.ACTION);
    String name = action == null ? "" : action;
    Replies.answer(message, body -> guarded(name, body)
        .recover(failure -> failure instanceof IllegalArgumentException ? Future.failedFuture(failure)
            : Future.failedFuture(ErrorCode.UNAVAILABLE.exception("chroma " + action + " failed: "
                + failure.getMessage()))));
  }

  /**
   * Through the breaker, except the heartbeat (health must see Chroma itself, not the breaker). A
   * read refused because nothing listens (Chroma restarting) is tried once more shortly after;
   * writes are never retried here (the ingestor re-runs them as a whole).
   */
  private Future<JsonObject> guarded(String action, JsonObject body) {
    if ("heartbeat".equals(action)) {
      return dispatch(action, body);
    }
    Future<JsonObject> first = breaker.call(() -> dispatch(action, body));
    if (!READS.contains(action)) {
      return first;
    }
    return first.recover(failure -> failure instanceof ConnectException
        ? retryLater(() -> breaker.call(() -> dispatch(action, body)))
        : Future.failedFuture(failure));
  }

  private Future<JsonObject> retryLater(java.util.function.Supplier<Future<JsonObject>> call) {
    Promise<JsonObject> retried = Promise.promise();
    vertx.setTimer(READ_RETRY_DELAY_MS, id -> call.get().onComplete(retried));
    return retried.future();
  }

  /** Failures that say Chroma is unwell: not our bad requests, nor a collection it does not have. */
  static boolean countsAgainstChroma(Throwable failure) {
    if (failure instanceof IllegalArgumentException) {
      return false;
    }
    return !(failure instanceof ChromaException e) || e.status() >= 500 || e.status() == 429;
  }

  private Future<JsonObject> dispatch(String action, JsonObject body) {
    String collection = body.getString("collection");
    return switch (action) {
      case "query" -> client.query(collection, Vectors.decode(body.getString("vector")), body.getInteger("k", 3),
              body.getJsonObject("where"))
          .map(hits -> new JsonObject().put("hits", ChromaStore.encodeHits(hits)));
      case "upsert" -> client.upsert(collection, ChromaStore.decodeRecords(body.getJsonArray("records")))
          .map(v -> new JsonObject());
      case "get" -> client.get(collection, body.getJsonObject("where"), body.getBoolean("withVectors", false))
          .map(records -> new JsonObject().put("records", ChromaStore.encodeRecords(records)));
      case "count" -> client.count(collection).map(count -> new JsonObject().put("count", count));
      case "delete" -> client.delete(collection, body.getJsonArray("ids").stream().map(String::valueOf).toList())
          .map(v -> new JsonObject());
      case "drop" -> client.drop(collection).map(v -> new JsonObject());
      case "heartbeat" -> client.heartbeat().map(v -> new JsonObject().put("url", url));
      default -> Future.failedFuture(new IllegalArgumentException("unknown chroma action '" + action + "'"));
    };
  }
}
