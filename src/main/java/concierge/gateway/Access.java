package concierge.gateway;

import concierge.ErrorCode;
import concierge.security.ClientKey;
import concierge.security.ClientKeys;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Who is calling {@code /v1}: with client keys configured every request must present one
 * ({@code Authorization: Bearer <key>}; a browser's WebSocket may pass {@code ?access_token=} on
 * the upgrade instead, since it cannot set headers), and may act only for the customers its key
 * lists. Without keys (loopback only) every caller is {@link ClientKey#OPEN}, as before keys
 * existed. Keys are never logged; a key's name stands for it.
 */
final class Access {

  static final String KEY = "concierge.clientKey";
  static final String ACCESS_TOKEN = "access_token";

  private final ClientKeys keys;

  Access(ClientKeys keys) {
    this.keys = keys;
  }

  /** The caller's key, or null when none or an unknown one was presented. */
  ClientKey authenticate(String authorization, String accessToken) {
    if (keys.none()) {
      return ClientKey.OPEN;
    }
    return keys.find(bearer(authorization) != null ? bearer(authorization) : accessToken);
  }

  /** Route handler for {@code /v1/*}: 401 without a valid key. */
  void authorize(RoutingContext ctx) {
    ClientKey key = authenticate(ctx.request().getHeader("authorization"), null);
    if (key == null) {
      ctx.response().putHeader("www-authenticate", "Bearer realm=\"concierge\"");
      throw new ApiError(ErrorCode.UNAUTHORIZED, "a valid client key is required: Authorization: Bearer <key>");
    }
    ctx.put(KEY, key);
    ctx.next();
  }

  static ClientKey key(RoutingContext ctx) {
    ClientKey key = ctx.get(KEY);
    return key == null ? ClientKey.OPEN : key;
  }

  /**
   * The customer a request acts for: the one it names, if its key allows it (403 otherwise), or
   * the key's only customer when it names none. A value that is not a string is left for the
   * request's own validation to refuse.
   */
  static Object actFor(ClientKey key, Object requested) {
    if (requested == null) {
      return key.defaultCustomer();
    }
    if (requested instanceof String customerId && !key.allows(customerId)) {
      throw new ApiError(ErrorCode.FORBIDDEN, "this key may not act for that customer");
    }
    return requested;
  }

  static String queryParam(MultiMap params, String name) {
    String value = params.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  private static String bearer(String header) {
    if (header == null || header.length() <= 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).strip();
    return token.isEmpty() ? null : token;
  }
}
