package concierge.gateway;

import concierge.ErrorCode;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Which web pages may call the API. Closed by default: a request that carries an {@code Origin}
 * other than the server's own (the chat page) and the configured {@code security.cors-origins}
 * is refused with 403, WebSocket upgrades included (browsers do not apply CORS to WebSockets, and
 * a page elsewhere must not drive the loopback server or its admin routes). Allowed origins get
 * CORS headers and preflight answers.
 */
final class Origins {

  private final List<String> allowed;
  private final CorsHandler cors;

  Origins(List<String> allowed) {
    this.allowed = allowed;
    this.cors = allowed.isEmpty() ? null : CorsHandler.create().addOrigins(allowed)
        .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.OPTIONS))
        .allowedHeaders(Set.of("authorization", "content-type")).maxAgeSeconds(600);
  }

  /** Whether a request from {@code origin} (may be null: not a browser) to {@code authority} may proceed. */
  boolean allows(String origin, String authority) {
    if (origin == null) {
      return true;
    }
    if (allowed.contains(origin)) {
      return true;
    }
    try {
      URI uri = new URI(origin);
      String host = uri.getHost();
      if (host == null || authority == null) {
        return false;
      }
      String hostPort = uri.getPort() < 0 ? host : host + ":" + uri.getPort();
      return hostPort.equalsIgnoreCase(authority);
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  /** Route handler: refuses foreign origins, then adds CORS headers for allowed ones. */
  void handle(RoutingContext ctx) {
    String authority = ctx.request().getHeader("host");
    String origin = ctx.request().getHeader("origin");
    if (!allows(origin, authority)) {
      throw new ApiError(ErrorCode.FORBIDDEN, "this origin may not call the API");
    }
    if (cors != null && allowed.contains(origin)) {
      cors.handle(ctx);
    } else {
      ctx.next();
    }
  }
}
