package concierge.gateway;

import concierge.ErrorCode;
import concierge.InputRules;
import concierge.agent.AgentConfig;
import concierge.agent.ChatService;
import concierge.embedding.EmbeddingService;
import concierge.retrieval.RetrievalConfig;
import concierge.retrieval.RetrievalService;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.netty.handler.codec.http.QueryStringDecoder;
import concierge.security.ClientKey;
import concierge.security.SecurityConfig;
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
  private Access access;
  private Origins origins;
  private Limits limits;
  private HealthChecks health;
  private EmbeddingService embeddings;
  private RetrievalService retrieval;
  private ChatService chat;
  private int topN;
  private ShutdownGate gate;
  private final Set<ServerWebSocket> sockets = new HashSet<>();
  private static final short GOING_AWAY = 1001;
  /** How much of an unread, refused body is read and dropped before its connection closes. */
  private static final long DRAIN_BYTES = 16L * 1024 * 1024;
  private static final long DRAIN_MILLIS = 5_000;

  @Override
  public Future<?> start() {
    http = HttpConfig.from(config());
    SecurityConfig security = SecurityConfig.from(config());
    security.checkExposure(http.host());
    access = new Access(security.clientKeys());
    origins = new Origins(security.corsOrigins());
    health = new HealthChecks(vertx);
    RetrievalConfig retrievalConfig = RetrievalConfig.from(config());
    topN = retrievalConfig.topN();
    embeddings = new EmbeddingService(vertx, 2000);
    retrieval = new RetrievalService(vertx, retrievalConfig.timeoutMs());
    long turnTimeout = AgentConfig.from(config()).turnTimeoutMs();
    chat = new ChatService(vertx, turnTimeout + 2000);
    limits = (Limits) vertx.sharedData().<String, Limits>getLocalMap("concierge.gateway")
        .computeIfAbsent("limits", k -> new Limits(config()));
    ChatRoutes routes = new ChatRoutes(vertx, turnTimeout, limits);

    gate = ShutdownGate.of(vertx);
    Router router = Router.router(vertx);
    router.route().handler(GatewayVerticle::readableQuery);
    router.route("/v1/*").handler(this::refuseWhenDraining);
    router.route("/v1/*").handler(origins::handle);
    router.route("/v1/*").handler(limits::rateByAddress);
    router.route("/v1/*").handler(access::authorize);
    router.route("/v1/*").handler(limits::rateByKey);
    router.post("/v1/chat").handler(this::countTurn);
    router.post("/v1/chat/stream").handler(this::countTurn);
    router.post("/v1/*").handler(BodyHandler.create(false).setBodyLimit(http.maxBodyBytes()));
    router.post("/v1/chat").handler(routes::chat);
    router.post("/v1/chat/stream").handler(routes::stream);
    router.get("/v1/conversations/:id").handler(routes::conversation);
    router.get("/v1/search").handler(this::search);
    router.get("/health").handler(this::health);
    router.get("/metrics").handler(this::metrics);
    AdminRoutes admin = new AdminRoutes(vertx, security.adminKeySha256(), SecurityConfig.isLoopback(http.host()));
    router.route("/admin/*").handler(origins::handle);
    router.route("/admin/*").handler(limits::rateByAddress);
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
        // chat frames are a sentence each: deflating them costs CPU per frame and a zlib state per socket
        .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false)
        .setMaxInitialLineLength(http.maxBodyBytes())
        .setMaxWebSocketFrameSize(http.maxBodyBytes() * 2).setMaxWebSocketMessageSize(http.maxBodyBytes() * 4);
    return vertx.createHttpServer(options)
        .invalidRequestHandler(GatewayVerticle::invalidRequest)
        .webSocketHandshakeHandler(this::handshake)
        .webSocketHandler(this::socket)
        .requestHandler(request -> {
          if (readableAuthority(request)) {
            router.handle(request);
          }
        }).listen()
        .onSuccess(server -> LOG.debug("gateway listening on {}:{}", http.host(), server.actualPort()));
  }

  /**
   * False, after answering 400, when the request's authority (the {@code Host} header) cannot
   * even be parsed: Vert.x's own check throws on some malformed values ({@code 12%007.0.0.1}),
   * which inside the router left the request unanswered.
   */
  private static boolean readableAuthority(HttpServerRequest request) {
    try {
      if (request instanceof io.vertx.core.internal.http.HttpServerRequestInternal internal) {
        internal.isValidAuthority(); // what the router asks first; it throws instead of saying false
      }
      return true;
    } catch (RuntimeException unreadable) {
      ApiError error = new ApiError(ErrorCode.INVALID_REQUEST, "the Host header is not valid");
      request.response().setStatusCode(400).putHeader("content-type", "application/json").putHeader("connection", "close")
          .end(error.toJson().encode()).onComplete(done -> closeAfterDraining(request));
      return false;
    }
  }

  /** A request the HTTP parser could not read (bad request line, headers too long): the API's error shape, then close. */
  private static void invalidRequest(io.vertx.core.http.HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    boolean tooLong = cause instanceof io.netty.handler.codec.TooLongFrameException;
    int status = !tooLong ? 400 : cause.getMessage() != null && cause.getMessage().contains("header") ? 431 : 414;
    ApiError error = tooLong ? new ApiError(ErrorCode.TOO_LARGE, "request line or headers are too long")
        : new ApiError(ErrorCode.INVALID_REQUEST, "the request is not valid HTTP");
    request.response().setStatusCode(status).putHeader("content-type", "application/json").putHeader("connection", "close")
        .end(error.toJson().encode()).onComplete(done -> request.connection().close());
  }

  /** A '%' not followed by two hex digits: a path the router cannot normalise. */
  private static final java.util.regex.Pattern BAD_ESCAPE = java.util.regex.Pattern.compile("%(?![0-9A-Fa-f]{2})");

  /**
   * First on every request: a path or query string that cannot be decoded (a bad %-escape) is a
   * 400 here, before the router decodes it while matching routes and fails outside any handler
   * (with a plain-text 400 for the path, a 500 for the query).
   */
  private static void readableQuery(RoutingContext ctx) {
    String path = ctx.request().path();
    if (path != null && BAD_ESCAPE.matcher(path).find()) {
      fail(ctx, new ApiError(ErrorCode.INVALID_REQUEST, "the path is not valid URL encoding"));
      return;
    }
    try {
      // decoded apart from the request: reading the request's own params would consume a POST's form state
      new QueryStringDecoder(ctx.request().uri()).parameters();
    } catch (IllegalArgumentException e) {
      fail(ctx, new ApiError(ErrorCode.INVALID_REQUEST, "the query string is not valid URL encoding"));
      return;
    }
    ctx.next();
  }

  /**
   * A WebSocket is authenticated before it is upgraded: a wrong path is 404, a foreign origin
   * 403, a caller over its rate 429, a missing or unknown key 401, a {@code customerId} its key
   * may not act for 403. The key comes from {@code Authorization: Bearer} or {@code ?access_token=}.
   */
  private void handshake(ServerWebSocketHandshake handshake) {
    if (gate.draining()) {
      handshake.reject(503);
      return;
    }
    if (!"/v1/chat/ws".equals(handshake.path())) {
      handshake.reject(404);
      return;
    }
    try {
      if (!origins.allows(handshake.headers().get("origin"), handshake.headers().get("host"))) {
        handshake.reject(403);
        return;
      }
      limits.checkAddress(handshake.remoteAddress());
      ClientKey key = socketKey(handshake.headers(), handshake.uri());
      if (key == null) {
        handshake.reject(401);
        return;
      }
      Access.actFor(key, Access.queryParam(query(handshake.uri()), "customerId"));
      limits.checkKey(key);
      handshake.accept();
    } catch (ApiError refused) {
      handshake.reject(refused.code().status());
    } catch (RuntimeException malformed) {
      handshake.reject(400);
    }
  }

  private ClientKey socketKey(MultiMap headers, String uri) {
    return access.authenticate(headers.get("authorization"), Access.queryParam(query(uri), Access.ACCESS_TOKEN));
  }

  private static MultiMap query(String uri) {
    MultiMap params = MultiMap.caseInsensitiveMultiMap();
    new QueryStringDecoder(uri).parameters().forEach(params::add);
    return params;
  }

  private void socket(ServerWebSocket socket) {
    ClientKey key = socketKey(socket.headers(), socket.uri());
    if (key == null) {
      socket.close((short) 1008, "unauthorized");
      return;
    }
    String customerId = (String) Access.actFor(key, Access.queryParam(query(socket.uri()), "customerId"));
    sockets.add(socket);
    socket.endHandler(v -> sockets.remove(socket));
    new ChatSocket(vertx, socket, chat, http.maxBodyBytes(), key, customerId, limits).start();
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

  /** A client error a library handler failed with: its status, in the API's words, without the library's message. */
  private static ApiError byStatus(int status) {
    for (ErrorCode code : ErrorCode.values()) {
      if (code.status() == status) {
        return new ApiError(code, switch (code) {
          case TOO_LARGE -> "request body is larger than the limit";
          case FORBIDDEN -> "this request is not allowed";
          case UNAUTHORIZED -> "a valid key is required";
          case NOT_FOUND -> "no such route";
          default -> "bad request";
        });
      }
    }
    return status == 405 ? new ApiError(ErrorCode.NOT_FOUND, "no such route") : new ApiError(ErrorCode.INVALID_REQUEST, "bad request");
  }

  /** The one place where failures become HTTP responses. */
  static void fail(RoutingContext ctx, Throwable failure) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    ApiError error = failure != null && !(failure instanceof ApiError) && ctx.statusCode() >= 400 && ctx.statusCode() < 500
        ? byStatus(ctx.statusCode())
        : failure != null ? ApiError.of(failure)
        : ctx.statusCode() == 413 ? new ApiError(ErrorCode.TOO_LARGE, "request body is larger than the limit")
        : ctx.statusCode() == 404 ? new ApiError(ErrorCode.NOT_FOUND, "no such route")
        : ctx.statusCode() == 405 ? new ApiError(ErrorCode.NOT_FOUND, "no such route")
        : new ApiError(ErrorCode.INVALID_REQUEST, "bad request");
    if (error.code() == ErrorCode.INTERNAL) {
      LOG.warn("request {} {} failed", ctx.request().method(), ctx.request().path(), failure);
    }
    if (error instanceof Limits.RateLimited limited) {
      ctx.response().putHeader("retry-after", String.valueOf(limited.retryAfterSeconds()));
    } else if (error.code() == ErrorCode.RATE_LIMITED || error.code() == ErrorCode.UNAVAILABLE) {
      ctx.response().putHeader("retry-after", "1");
    }
    HttpServerRequest request = ctx.request();
    boolean unread = !request.isEnded();
    if (unread) {
      // answered before its body was read (a refused key, a bad query): the body would block the
      // connection's next request, so this connection ends with this answer
      ctx.response().putHeader("connection", "close");
    }
    ctx.response().setStatusCode(error.code().status()).putHeader("content-type", "application/json")
        .end(error.toJson().encode()).onComplete(done -> {
          if (unread) {
            closeAfterDraining(request);
          }
        });
  }

  /**
   * Closes a connection whose request was answered before its body was read. Closing at once
   * while the client is still sending makes the kernel reset the connection, and the client can
   * lose the answer it was sent; so the rest of the body is read and dropped first, up to a bound
   * in bytes and time.
   */
  private static void closeAfterDraining(HttpServerRequest request) {
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.currentContext().owner();
    long[] drained = {0};
    long deadline = vertx.setTimer(DRAIN_MILLIS, id -> request.connection().close());
    try {
      request.handler(chunk -> {
        drained[0] += chunk.length();
        if (drained[0] > DRAIN_BYTES) {
          vertx.cancelTimer(deadline);
          request.connection().close();
        }
      });
      request.endHandler(end -> {
        vertx.cancelTimer(deadline);
        request.connection().close();
      });
      request.resume();
    } catch (IllegalStateException alreadyRead) {
      vertx.cancelTimer(deadline);
      request.connection().close();
    }
  }
}
