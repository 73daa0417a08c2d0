package concierge.gateway;

import concierge.ErrorCode;
import concierge.knowledge.KnowledgeService;
import concierge.metrics.TurnMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import concierge.security.KeyHash;
import concierge.security.SecurityConfig;

/**
 * {@code /admin/*}: re-ingest the knowledge base, clear the answer cache, cache and cost totals. Allowed with the admin key
 * ({@code Authorization: Bearer}, compared by SHA-256 in constant time, never logged), or, when no
 * admin key is configured and the server listens on loopback only, from a loopback address.
 * A client key is not an admin key (403).
 */
final class AdminRoutes {

  private final KnowledgeService knowledge;
  private final concierge.cache.CacheService cache;
  private final TurnMetrics metrics = new TurnMetrics();
  private final byte[] adminKeyHash;
  private final boolean loopbackOnly;

  AdminRoutes(Vertx vertx, byte[] adminKeyHash, boolean loopbackOnly) {
    this.knowledge = new KnowledgeService(vertx);
    this.cache = new concierge.cache.CacheService(vertx, 2000, 0);
    this.adminKeyHash = adminKeyHash;
    this.loopbackOnly = loopbackOnly;
  }

  void authorize(RoutingContext ctx) {
    String header = ctx.request().getHeader("authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      if (adminKeyHash != null && KeyHash.matches(KeyHash.sha256(header.substring(7).strip()), adminKeyHash)) {
        ctx.next();
        return;
      }
      throw new ApiError(ErrorCode.FORBIDDEN, "this key may not use admin routes");
    }
    if (adminKeyHash == null && loopbackOnly && ctx.request().remoteAddress() != null
        && SecurityConfig.isLoopback(ctx.request().remoteAddress().hostAddress())) {
      ctx.next();
      return;
    }
    throw new ApiError(ErrorCode.UNAUTHORIZED, "admin routes need the admin key");
  }

  void ingest(RoutingContext ctx) {
    knowledge.ingest().onSuccess(report -> ChatRoutes.json(ctx.response(), 200, report.toJson())).onFailure(ctx::fail);
  }

  void clearCache(RoutingContext ctx) {
    cache.clear().onSuccess(removed -> ChatRoutes.json(ctx.response(), 200, new JsonObject().put("removed", removed)))
        .onFailure(ctx::fail);
  }

  void cacheStats(RoutingContext ctx) {
    cache.stats().onSuccess(stats -> ChatRoutes.json(ctx.response(), 200, stats)).onFailure(ctx::fail);
  }

  void costs(RoutingContext ctx) {
    ChatRoutes.json(ctx.response(), 200, metrics.costs());
  }
}
