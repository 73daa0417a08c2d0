package concierge.orders;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

/**
 * A single statement on the pool, in autocommit. Safe outside a transaction only because
 * {@link ConnectionSource} puts connections back in autocommit after each transaction, which
 * vertx-jdbc-client 5.0.7 does not do (vert-x3/vertx-jdbc-client#356).
 */
final class Statements {

  private Statements() {
  }

  static Future<RowSet<Row>> run(Pool pool, String sql, Tuple params) {
    return pool.preparedQuery(sql).execute(params);
  }

  static Future<RowSet<Row>> run(Pool pool, String sql) {
    return pool.query(sql).execute();
  }
}
