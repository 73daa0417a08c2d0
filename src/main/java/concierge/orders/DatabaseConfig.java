package concierge.orders;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The database.* settings. An empty url means the embedded H2 file database under data-dir; a
 * {@code postgresql://user:pass@host:port/db} url (the DATABASE_URL form) or any jdbc: url is used as given.
 */
public record DatabaseConfig(String jdbcUrl, String user, String password, int poolSize, int connectTimeoutMs,
                             int queryTimeoutSeconds, int idleTimeoutSeconds, boolean migrateOnStart,
                             long requestTimeoutMs) {

  /**
   * H2 speaks PostgreSQL's dialect here; WRITE_DELAY=0 writes each commit to the file at once, so a
   * killed process loses no confirmed order.
   */
  public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
      + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64";

  public static DatabaseConfig from(JsonObject root) {
    JsonObject c = root.getJsonObject("database", new JsonObject());
    String url = c.getString("url", "").trim();
    String user = c.getString("user", "");
    String password = c.getString("password", "");
    if (url.isEmpty()) {
      Path file = Path.of(root.getString("data-dir", "data"), "orders").toAbsolutePath();
      url = "jdbc:h2:file:" + file + H2_OPTIONS;
    } else if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
      URI uri = URI.create(url);
      String userInfo = uri.getRawUserInfo();
      if (userInfo != null) {
        int colon = userInfo.indexOf(':');
        user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        password = colon < 0 ? password : decode(userInfo.substring(colon + 1));
      }
      int port = uri.getPort() < 0 ? 5432 : uri.getPort();
      url = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath()
          + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
    return new DatabaseConfig(url, user, password, c.getInteger("pool-size", 8),
        c.getInteger("connect-timeout-ms", 5000), c.getInteger("query-timeout-seconds", 5),
        c.getInteger("idle-timeout-seconds", 300), c.getBoolean("migrate-on-start", true),
        c.getLong("request-timeout-ms", 5000L));
  }

  public boolean h2() {
    return jdbcUrl.startsWith("jdbc:h2:");
  }

  /** One pool per database and Vert.x instance, shared by every OrdersVerticle instance. */
  public Pool pool(Vertx vertx) {
    PoolOptions pool = new PoolOptions().setMaxSize(poolSize).setShared(true).setName("concierge-orders " + safeUrl())
        .setConnectionTimeout(connectTimeoutMs).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
        .setIdleTimeout(idleTimeoutSeconds).setIdleTimeoutUnit(TimeUnit.SECONDS);
    return JDBCPool.pool(vertx, new ConnectionSource(jdbcUrl, user, password, queryTimeoutSeconds), pool);
  }

  /** The url without credentials, for logs. */
  public String safeUrl() {
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
