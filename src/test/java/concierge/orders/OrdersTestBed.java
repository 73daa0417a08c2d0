package concierge.orders;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Deploys the orders verticle on a fresh H2 database in a temporary folder, as the server does. */
final class OrdersTestBed {

  final Vertx vertx;
  final String deploymentId;
  final OrdersService orders;
  final Pool db;

  private OrdersTestBed(Vertx vertx, String deploymentId, OrdersService orders, Pool db) {
    this.vertx = vertx;
    this.deploymentId = deploymentId;
    this.orders = orders;
    this.db = db;
  }

  static JsonObject config(Path dataDir) {
    return new JsonObject().put("data-dir", dataDir.toString())
        .put("database", new JsonObject().put("url", "").put("pool-size", 4));
  }

  static Future<OrdersTestBed> deploy(Vertx vertx, Path dataDir) {
    return deploy(vertx, dataDir, Clock.systemUTC());
  }

  static Future<OrdersTestBed> deploy(Vertx vertx, Path dataDir, Clock clock) {
    JsonObject config = config(dataDir);
    return vertx.deployVerticle(new OrdersVerticle(clock), new DeploymentOptions().setConfig(config))
        .map(id -> new OrdersTestBed(vertx, id, new OrdersService(vertx, 10_000), DatabaseConfig.from(config).pool(vertx)));
  }

  /** The first column of the first row, as a long. */
  Future<Long> count(String sql, Object... params) {
    return Statements.run(db, sql, Tuple.wrap(params)).map(rows -> rows.iterator().next().getLong(0));
  }

  Future<Integer> update(String sql, Object... params) {
    return Statements.run(db, sql, Tuple.wrap(params)).map(rows -> rows.rowCount());
  }

  Future<List<Row>> rows(String sql, Object... params) {
    return Statements.run(db, sql, Tuple.wrap(params)).map(rows -> {
      List<Row> out = new ArrayList<>();
      rows.forEach(out::add);
      return out;
    });
  }
}
