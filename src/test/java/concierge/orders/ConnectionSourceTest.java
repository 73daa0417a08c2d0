package concierge.orders;

import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCConnectOptions;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * vertx-jdbc-client 5.0.7 leaves pooled connections out of autocommit after a transaction; a bare
 * statement afterwards is then invisible to everyone else. The first test shows the defect on a
 * plain pool, the second that the orders pool does not have it.
 */
@ExtendWith(VertxExtension.class)
class ConnectionSourceTest {

  @Test
  @DisplayName("A plain 5.0.7 JDBC pool: an update after a transaction is not committed (the upstream defect)")
  void plainPoolLosesTheUpdate(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    String url = "jdbc:h2:file:" + dir.resolve("plain") + DatabaseConfig.H2_OPTIONS;
    Pool pool = JDBCPool.pool(vertx, new JDBCConnectOptions().setJdbcUrl(url), new PoolOptions().setMaxSize(1));
    updateAfterTransaction(pool, url, ctx, 0);
  }

  @Test
  @DisplayName("The orders pool: an update after a transaction is committed and seen by another connection")
  void ordersPoolCommitsTheUpdate(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    String url = "jdbc:h2:file:" + dir.resolve("orders") + DatabaseConfig.H2_OPTIONS;
    Pool pool = JDBCPool.pool(vertx, new ConnectionSource(url, "", "", 5), new PoolOptions().setMaxSize(1));
    updateAfterTransaction(pool, url, ctx, 1);
  }

  private static void updateAfterTransaction(Pool pool, String url, VertxTestContext ctx, int expectedSeen) {
    pool.query("CREATE TABLE t (id INT PRIMARY KEY, v INT)").execute()
        .compose(created -> pool.withTransaction(conn -> conn.query("INSERT INTO t VALUES (1, 0)").execute()))
        .compose(inserted -> pool.query("UPDATE t SET v = 1 WHERE id = 1").execute())
        .compose(updated -> pool.getConnection().compose(conn -> conn.close()))
        .onComplete(ctx.succeeding(ignored -> ctx.verify(() -> {
          try (Connection other = DriverManager.getConnection(url);
               ResultSet rows = other.createStatement().executeQuery("SELECT v FROM t WHERE id = 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(expectedSeen);
          }
          ctx.completeNow();
        })));
  }
}
