package concierge.orders;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same SQL on a real PostgreSQL: runs when CONCIERGE_TEST_POSTGRES_URL names a server
 * (postgresql://user[:pass]@host:port/db, a user allowed to create databases); each test gets a new
 * database, dropped afterwards. Skipped otherwise.
 */
@ExtendWith(VertxExtension.class)
class OrdersPostgresIT {

  private static final String ADMIN_URL = System.getenv("CONCIERGE_TEST_POSTGRES_URL");

  private String database;
  private OrdersService orders;
  private Pool db;

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) throws Exception {
    assumeTrue(ADMIN_URL != null && !ADMIN_URL.isBlank(), "CONCIERGE_TEST_POSTGRES_URL is not set");
    database = "concierge_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    admin("CREATE DATABASE " + database);
    JsonObject config = new JsonObject().put("database", new JsonObject().put("url", url(database)));
    vertx.deployVerticle(new OrdersVerticle(), new DeploymentOptions().setConfig(config))
        .onComplete(ctx.succeeding(id -> {
          orders = new OrdersService(vertx, 10_000);
          db = DatabaseConfig.from(config).pool(vertx);
          ctx.completeNow();
        }));
  }

  @AfterEach
  void drop(Vertx vertx) throws Exception {
    if (database != null) {
      vertx.close().await();
      admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  @Test
  @DisplayName("PostgreSQL: status, and another customer's order answered like a missing one")
  void status(VertxTestContext ctx) {
    Future<OrderAnswer> own = orders.turn("order_status", "c-1001", "pg-1", "where is AF-100234?");
    Future<OrderAnswer> theirs = orders.turn("order_status", "c-1001", "pg-1", "where is AF-100237?");
    Future<OrderAnswer> missing = orders.turn("order_status", "c-1001", "pg-1", "where is AF-999999?");
    Future.all(own, theirs, missing).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
      assertThat(own.result().answer()).contains("UPS", "1Z999AA10123456784", "$398.00");
      assertThat(theirs.result().answer().replace("AF-100237", "#"))
          .isEqualTo(missing.result().answer().replace("AF-999999", "#"));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("PostgreSQL: place on yes, once; cancel on yes; change a size on yes")
  void actions(VertxTestContext ctx) {
    orders.turn("order_place", "c-1002", "pg-2", "I want 2 Merino Hiker Socks 3-Packs shipped standard to Oregon")
        .compose(quote -> {
          ctx.verify(() -> assertThat(quote.answer()).contains("Total: $90.00"));
          return orders.confirm("c-1002", "pg-2", "yes");
        })
        .compose(placed -> {
          ctx.verify(() -> assertThat(placed.orderId()).isEqualTo("AF-100238"));
          return orders.confirm("c-1002", "pg-2", "yes");
        })
        .compose(again -> {
          ctx.verify(() -> assertThat(again.answer()).contains("already done"));
          return orders.turn("order_cancel", "c-1001", "pg-3", "cancel AF-100235");
        })
        .compose(question -> orders.confirm("c-1001", "pg-3", "go ahead"))
        .compose(cancelled -> {
          ctx.verify(() -> assertThat(cancelled.status()).isEqualTo("done"));
          return orders.turn("order_place", "c-1002", "pg-4", "a stormline rain jacket, women's M, to Ohio")
              .compose(quote -> orders.confirm("c-1002", "pg-4", "yes"));
        })
        .compose(jacket -> orders.turn("order_change", "c-1002", "pg-4", "change the size on " + jacket.orderId()
            + " to L").compose(question -> orders.confirm("c-1002", "pg-4", "yes")))
        .compose(changed -> {
          ctx.verify(() -> assertThat(changed.answer()).contains("women's L"));
          return Future.all(count("SELECT COUNT(*) FROM order_audit WHERE pending_action_id IS NOT NULL"),
              count("SELECT COUNT(*) FROM orders WHERE status = 'cancelled'"),
              count("SELECT COUNT(*) FROM schema_version"));
        })
        .onComplete(ctx.succeeding(counts -> ctx.verify(() -> {
          assertThat(counts.<Long>resultAt(0)).isEqualTo(4L);
          assertThat(counts.<Long>resultAt(1)).isEqualTo(1L);
          assertThat(counts.<Long>resultAt(2)).isEqualTo(3L);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("PostgreSQL: one pending action executed four times at once is done once")
  void concurrentConfirmations(VertxTestContext ctx) {
    orders.turn("order_place", "c-1002", "pg-5", "3 lumen 900 headlamps to Utah")
        .compose(quote -> new PendingActions(db).latest("pg-5", "c-1002"))
        .compose(pending -> {
          ConfirmedActions actions = new ConfirmedActions(db);
          Customer jordan = new Customer("c-1002", "Jordan Lee", "jordan.lee@example.com", false);
          List<Future<Execution>> runs = new ArrayList<>();
          for (int i = 0; i < 4; i++) {
            runs.add(actions.execute(pending.orElseThrow(), jordan, System.currentTimeMillis()));
          }
          return Future.all(runs).map(all -> runs.stream().map(run -> run.result().outcome()).toList());
        })
        .onComplete(ctx.succeeding(outcomes -> ctx.verify(() -> {
          assertThat(outcomes.stream().filter(Execution.Outcome.DONE::equals)).hasSize(1);
          assertThat(outcomes.stream().filter(Execution.Outcome.ALREADY_DONE::equals)).hasSize(3);
          ctx.completeNow();
        })));
  }

  private Future<Long> count(String sql) {
    return Statements.run(db, sql, Tuple.tuple()).map(rows -> rows.iterator().next().getLong(0));
  }

  private static String url(String databaseName) {
    URI admin = URI.create(ADMIN_URL);
    return admin.getScheme() + "://" + admin.getRawAuthority() + "/" + databaseName;
  }

  private static void admin(String sql) throws Exception {
    DatabaseConfig settings = DatabaseConfig.from(new JsonObject().put("database",
        new JsonObject().put("url", ADMIN_URL)));
    try (Connection conn = settings.user().isEmpty() ? DriverManager.getConnection(settings.jdbcUrl())
        : DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
      conn.createStatement().execute(sql);
    }
  }
}
