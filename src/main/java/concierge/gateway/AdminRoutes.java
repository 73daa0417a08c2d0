package concierge.gateway;

import concierge.ErrorCode;
import concierge.knowledge.KnowledgeService;
import concierge.metrics.TurnMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code /admin/*}: re-ingest the knowledge base, clear the answer cache, cache and cost totals. Allowed with the admin key
 * ({@code Authorization: Bearer}, compared by SHA-256 in constant time, never logged), or from a
 * loopback address when no admin key is configured.
 */
final class AdminRoutes {

  private final KnowledgeService knowledge;
  private final concierge.cache.CacheService cache;
  private final TurnMetrics metrics = new TurnMetrics();
  private final byte[] adminKeyHash;

  AdminRoutes(Vertx vertx, JsonObject config) {
    this.knowledge = new KnowledgeService(vertx);
    this.cache = new concierge.cache.CacheService(vertx, 2000, 0);
    String hex = config.getJsonObject("security", new JsonObject()).getString("admin-key-sha256", "");
    this.adminKeyHash = hex.isBlank() ? null : HexFormat.of().parseHex(hex.strip().toLowerCase());
  }

  void authorize(RoutingContext ctx) {
    String header = ctx.request().getHeader("authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      if (adminKeyHash != null && MessageDigest.isEqual(sha256(header.substring(7).strip()), adminKeyHash)) {
        ctx.next();
        return;
      }
      throw new ApiError(ErrorCode.FORBIDDEN, "this key may not use admin routes");
    }
    if (adminKeyHash == null && ctx.request().remoteAddress() != null
        && isLoopback(ctx.request().remoteAddress().hostAddress())) {
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

  private static boolean isLoopback(String address) {
    return address.startsWith("127.") || address.equals("0:0:0:0:0:0:0:1") || address.equals("::1");
  }

  static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
