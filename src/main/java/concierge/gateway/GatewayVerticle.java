package concierge.gateway;

import concierge.ErrorCode;
import concierge.InputRules;
import concierge.agent.AgentConfig;
import concierge.agent.ChatService;
import concierge.embedding.EmbeddingService;
import concierge.retrieval.RetrievalConfig;
import concierge.retrieval.RetrievalService;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The HTTP front door. It holds no pipeline logic: it validates requests, turns them into
 * {@code concierge.chat} calls, streams the frames the pipeline sends, and maps every failure
 * to the API's error shape in one place ({@link #fail}).
 */
public final class GatewayVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayVerticle.class);

  private HttpConfig http;
  private HealthChecks health;
  private EmbeddingService embeddings;
  private RetrievalService retrieval;
  private ChatService chat;
  private int topN;
  private ShutdownGate gate;
  private final Set<ServerWebSocket> sockets = new HashSet<>();
  private static final short GOING_AWAY = 1001;

  @Override
  public Future<?> start() {
    http = HttpConfig.from(config());
    health = new HealthChecks(vertx);
    RetrievalConfig retrievalConfig = RetrievalConfig.from(config());
    topN = retrievalConfig.topN();
    embeddings = new EmbeddingService(vertx, 2000);
    retrieval = new RetrievalService(vertx, retrievalConfig.timeoutMs());
    long turnTimeout = AgentConfig.from(config()).turnTimeoutMs();
    chat = new ChatService(vertx, turnTimeout + 2000);
    Limits limits = (Limits) vertx.sharedData().<String, Limits>getLocalMap("concierge.gateway")
        .computeIfAbsent("limits", k -> new Limits(config()));
    ChatRoutes routes = new ChatRoutes(vertx, turnTimeout, limits);

    gate = ShutdownGate.of(vertx);
    Router router = Router.router(vertx);
    router.route("/v1/*").handler(this::refuseWhenDraining);
    router.post("/v1/chat").handler(this::countTurn);
    router.post("/v1/chat/stream").handler(this::countTurn);
    router.route("/v1/*").handler(limits::rate);
    router.route("/v1/*").handler(BodyHandler.create(false).setBodyLimit(http.maxBodyBytes()));
    router.post("/v1/chat").handler(routes::chat);
    router.post("/v1/chat/stream").handler(routes::stream);
    router.get("/v1/conversations/:id").handler(routes::conversation);
    router.get("/v1/search").handler(this::search);
    router.get("/health").handler(this::health);
    router.get("/metrics").handler(this::metrics);
    AdminRoutes admin = new AdminRoutes(vertx, config());
    router.route("/admin/*").handler(admin::authorize);
    router.post("/admin/ingest").handler(admin::ingest);
    router.get("/admin/costs").handler(admin::costs);
    router.post("/admin/cache/clear").handler(admin::clearCache);
    router.get("/admin/cache").handler(admin::cacheStats);
    router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false).setIndexPage("index.html"));
    router.route().last().handler(ctx -> fail(ctx, new ApiError(ErrorCode.NOT_FOUND, "no such route")));
    router.route().failureHandler(ctx -> fail(ctx, ctx.failure()));

    HttpServerOptions options = new HttpServerOptions().setHost(http.host()).setPort(http.port())
        .setIdleTimeout(http.idleTimeoutSeconds()).setCompressionSupported(false)
        .setMaxInitialLineLength(http.maxBodyBytes())
        .setMaxWebSocketFrameSize(http.maxBodyBytes() * 2).setMaxWebSocketMessageSize(http.maxBodyBytes() * 4);
    return vertx.createHttpServer(options)
        .webSocketHandshakeHandler(handshake -> {
          if (gate.draining()) {
            handshake.reject(503);
          } else if ("/v1/chat/ws".equals(handshake.path())) {
            handshake.accept();
          } else {
            handshake.reject(404);
          }
        })
        .webSocketHandler(this::socket)
        .requestHandler(router).listen()
        .onSuccess(server -> LOG.debug("gateway listening on {}:{}", http.host(), server.actualPort()));
  }

  private void socket(ServerWebSocket socket) {
    var customer = new io.netty.handler.codec.http.QueryStringDecoder(socket.uri()).parameters().get("customerId");
    String customerId = customer == null || customer.isEmpty() ? null : customer.get(0);
    Limits limits = (Limits) vertx.sharedData().<String, Limits>getLocalMap("concierge.gateway").get("limits");
    sockets.add(socket);
    socket.endHandler(v -> sockets.remove(socket));
    new ChatSocket(vertx, socket, chat, http.maxBodyBytes(), customerId, limits).start();
  }

  /** Open WebSockets are told the server is going away (1001) before the server closes. */
  @Override
  public Future<?> stop() {
    List<Future<Void>> closing = new ArrayList<>();
    for (ServerWebSocket socket : List.copyOf(sockets)) {
      if (!socket.isClosed()) {
        closing.add(socket.close(GOING_AWAY, "server shutting down"));
      }
    }
    return Future.join(closing).otherwiseEmpty();
  }

  /** While the node drains for a stop, new requests get a fast 503 and their connection is closed. */
  private void refuseWhenDraining(RoutingContext ctx) {
    if (gate.draining()) {
      ctx.response().putHeader("connection", "close");
      throw new ApiError(ErrorCode.UNAVAILABLE, "the server is shutting down; please retry shortly");
    }
    ctx.next();
  }

  private void countTurn(RoutingContext ctx) {
    if (!gate.admit()) {
      ctx.response().putHeader("connection", "close");
      throw new ApiError(ErrorCode.UNAVAILABLE, "the server is shutting down; please retry shortly");
    }
    ctx.addEndHandler(done -> gate.done());
    ctx.next();
  }

  private void health(RoutingContext ctx) {
    health.report().onSuccess(report -> {
      if (gate.draining()) {
        report.put("status", "DRAINING").put("ready", false);
      }
      ChatRoutes.json(ctx.response(), report.getBoolean("ready") ? 200 : 503, report);
    });
  }

  private void metrics(RoutingContext ctx) {
    var registry = concierge.ConciergeServer.prometheus();
    ctx.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
        .end(registry == null ? "" : registry.scrape());
  }

  private void search(RoutingContext ctx) {
    String query = InputRules.text(ctx.queryParams().get("q"), "q", http.maxMessageChars());
    long started = System.nanoTime();
    embeddings.embed(query)
        .compose(vector -> retrieval.retrieve(vector, null, topN))
        .onSuccess(chunks -> {
          JsonArray results = new JsonArray();
          chunks.forEach(chunk -> results.add(chunk.toJson()));
          ChatRoutes.json(ctx.response(), 200, new JsonObject().put("query", query).put("chunks", results)
              .put("tookMs", (System.nanoTime() - started) / 1_000_000.0));
        })
        .onFailure(ctx::fail);
  }

  /** The one place where failures become HTTP responses. */
  static void fail(RoutingContext ctx, Throwable failure) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    ApiError error = failure != null ? ApiError.of(failure)
        : ctx.statusCode() == 413 ? new ApiError(ErrorCode.TOO_LARGE, "request body is larger than the limit")
        : ctx.statusCode() == 404 ? new ApiError(ErrorCode.NOT_FOUND, "no such route")
        : ctx.statusCode() == 405 ? new ApiError(ErrorCode.NOT_FOUND, "no such route")
        : new ApiError(ErrorCode.INVALID_REQUEST, "bad request");
    if (error.code() == ErrorCode.INTERNAL) {
      LOG.warn("request {} {} failed", ctx.request().method(), ctx.request().path(), failure);
    }
    if (error.code() == ErrorCode.RATE_LIMITED || error.code() == ErrorCode.UNAVAILABLE) {
      ctx.response().putHeader("retry-after", "1");
    }
    ctx.response().setStatusCode(error.code().status()).putHeader("content-type", "application/json")
        .end(error.toJson().encode());
  }
}
