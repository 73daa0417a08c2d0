package concierge.cache;

import concierge.Addresses;
import concierge.Replies;
import concierge.knowledge.KnowledgeService;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code concierge.cache} from one {@link AnswerCache}: deploy exactly one instance per
 * node, since coalescing only works where every lookup of a question meets the same cache.
 * Listens on {@code concierge.knowledge.changed} and drops the answers of other versions. When
 * {@code cache.enabled} is false every lookup misses and nothing is stored.
 */
public final class CacheVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(CacheVerticle.class);
  private static final long PURGE_PERIOD_MS = 60_000;

  private CacheConfig settings;
  private AnswerCache cache;

  @Override
  public Future<?> start() {
    settings = CacheConfig.from(config());
    cache = new AnswerCache(settings);
    String version = new KnowledgeService(vertx).currentVersion();
    if (!version.isEmpty()) {
      cache.invalidateExcept(version);
    }
    vertx.setPeriodic(Math.max(10, Math.min(1000, settings.coalesceTimeoutMs() / 4)), id -> cache.expireLeaders());
    vertx.setPeriodic(PURGE_PERIOD_MS, id -> cache.purgeExpired());
    return Future.all(
        vertx.eventBus().<JsonObject>consumer(Addresses.CACHE, this::handle).completion(),
        vertx.eventBus().<JsonObject>consumer(Addresses.KNOWLEDGE_CHANGED, this::knowledgeChanged).completion());
  }

  @Override
  public Future<?> stop() {
    cache.releaseAll();
    return Future.succeededFuture();
  }

  private void knowledgeChanged(Message<JsonObject> message) {
    String version = message.body() == null ? null : message.body().getString("version");
    if (version != null) {
      int removed = cache.invalidateExcept(version);
      LOG.info("knowledge version {}: {} cached answers of other versions dropped", version, removed);
    }
  }

  private void handle(Message<JsonObject> message) {
    String action = String.valueOf(message.headers().get(CacheService.ACTION));
    Replies.answer(message, body -> switch (action) {
      case "lookupExact" -> lookupExact(CacheService.Request.read(body));
      case "lookupSimilar" -> lookupSimilar(CacheService.Request.read(body)).map(CacheService::encodeHit);
      case "store" -> Future.succeededFuture(new JsonObject().put("stored", store(CacheService.Request.read(body))));
      case "release" -> {
        CacheService.Request request = CacheService.Request.read(body);
        cache.release(request.message(), request.kbVersion(), request.settingsKey());
        yield Future.succeededFuture(new JsonObject());
      }
      case "clear" -> Future.succeededFuture(new JsonObject().put("removed", cache.clear()));
      case "stats" -> Future.succeededFuture(CacheService.encodeStats(cache.stats(), settings));
      default -> throw new IllegalArgumentException("unknown cache action '" + action + "'");
    });
  }

  private Future<JsonObject> lookupExact(CacheService.Request request) {
    if (!settings.enabled()) {
      return Future.succeededFuture(CacheService.encodeHit(null));
    }
    return cache.lookupExact(request.message(), request.kbVersion(), request.settingsKey(), request.standalone()).map(CacheService::encodeHit);
  }

  private Future<CachedAnswer> lookupSimilar(CacheService.Request request) {
    float[] vector = request.requireVector();
    String intent = request.requireIntent();
    if (!settings.enabled()) {
      return Future.succeededFuture();
    }
    CachedAnswer stored = cache.lookupSimilar(request.message(), vector, intent, request.kbVersion(),
        request.settingsKey(), request.standalone());
    return stored != null ? Future.succeededFuture(stored)
        : cache.followSimilarInFlight(request.message(), vector, intent, request.kbVersion(), request.settingsKey(),
            request.standalone());
  }

  private boolean store(CacheService.Request request) {
    float[] vector = request.requireVector();
    String intent = request.requireIntent();
    String answer = request.answerText();
    return settings.enabled() && cache.store(request.message(), vector, intent, request.kbVersion(),
        request.settingsKey(), answer, request.sources(), request.usage(), request.standalone(),
        request.exactOnly());
  }
}
