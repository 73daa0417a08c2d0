package concierge.gateway;

import concierge.ErrorCode;
import concierge.embedding.EmbeddingService;
import concierge.retrieval.RetrievalConfig;
import concierge.retrieval.RetrievalService;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front door. It holds no pipeline logic: it validates requests, turns them into
 * event-bus calls, and maps every failure to the API's error shape in one place.
 */
public final class GatewayVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayVerticle.class);

  private HttpConfig http;
  private HealthChecks health;
  private EmbeddingService embeddings;
  private RetrievalService retrieval;
  private int topN;

  @Override
  public Future<?> start() {
    http = HttpConfig.from(config());
    health = new HealthChecks(vertx);
    RetrievalConfig retrievalConfig = RetrievalConfig.from(config());
    topN = retrievalConfig.topN();
    embeddings = new EmbeddingService(vertx, 2000);
    retrieval = new RetrievalService(vertx, retrievalConfig.timeoutMs());
    Router router = Router.router(vertx);
    router.get("/health").handler(this::health);
    router.get("/v1/search").handler(this::search);
    router.route().last().handler(ctx -> fail(ctx, new ApiError(ErrorCode.NOT_FOUND, "no such route")));
    router.route().failureHandler(ctx -> fail(ctx, ctx.failure() == null
        ? new ApiError(ErrorCode.of(null), "request failed") : ctx.failure()));
    HttpServerOptions options = new HttpServerOptions().setHost(http.host()).setPort(http.port())
        .setIdleTimeout(http.idleTimeoutSeconds()).setCompressionSupported(false)
        .setMaxInitialLineLength(http.maxBodyBytes());
    return vertx.createHttpServer(options).requestHandler(router).listen()
        .onSuccess(server -> LOG.debug("gateway listening on {}:{}", http.host(), server.actualPort()));
  }

  private void health(RoutingContext ctx) {
    health.report().onSuccess(report -> ctx.response()
        .setStatusCode(report.getBoolean("ready") ? 200 : 503)
        .putHeader("content-type", "application/json")
        .end(report.encode()));
  }

  private void search(RoutingContext ctx) {
    String query;
    try {
      query = InputRules.text(ctx.queryParams().get("q"), "q", http.maxMessageChars());
    } catch (ApiError e) {
      fail(ctx, e);
      return;
    }
    long started = System.nanoTime();
    embeddings.embed(query)
        .compose(vector -> retrieval.retrieve(vector, null, topN))
        .onSuccess(chunks -> {
          JsonArray results = new JsonArray();
          chunks.forEach(chunk -> results.add(chunk.toJson()));
          ctx.response().putHeader("content-type", "application/json")
              .end(new JsonObject().put("query", query).put("chunks", results)
                  .put("tookMs", (System.nanoTime() - started) / 1_000_000.0).encode());
        })
        .onFailure(failure -> fail(ctx, failure));
  }

  /** The one place where failures become HTTP responses. */
  static void fail(RoutingContext ctx, Throwable failure) {
    if (ctx.response().ended()) {
      return;
    }
    ApiError error = failure instanceof ApiError api ? api
        : ctx.statusCode() == 413 ? new ApiError(ErrorCode.TOO_LARGE, "request body is too large")
        : ctx.statusCode() == 400 ? new ApiError(ErrorCode.INVALID_REQUEST, "bad request")
        : ApiError.of(failure);
    if (error.code() == ErrorCode.INTERNAL) {
      LOG.warn("request {} {} failed", ctx.request().method(), ctx.request().path(), failure);
    }
    ctx.response().setStatusCode(error.code().status()).putHeader("content-type", "application/json")
        .end(error.toJson().encode());
  }

}
