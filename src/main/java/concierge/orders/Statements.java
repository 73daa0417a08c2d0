package concierge.orders;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

/**
 * Runs a single statement in its own transaction. vertx-jdbc-client 5.0.7 leaves a pooled
 * connection in autocommit=false after any transaction (vert-x3/vertx-jdbc-client#356, fixed
 * upstream after 5.0.7): a bare statement run on it later is never committed and keeps its locks.
 * So nothing here runs outside {@code withTransaction}, reads included.
 */
final class Statements {

  private Statements() {
  }

  static Future<RowSet<Row>> run(Pool pool, String sql, Tuple params) {
    return pool.withTransaction(conn -> conn.preparedQuery(sql).execute(params));
  }

  static Future<RowSet<Row>> run(Pool pool, String sql) {
    return pool.withTransaction(conn -> conn.query(sql).execute());
  }
}
