package concierge.orders;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

/**
 * Removes what a confirmation's transaction left behind when its process died before the commit.
 * A transaction that never committed should leave nothing; H2's MVStore has been seen to keep an
 * uncommitted row after a {@code kill -9} (an order row without its lines, once in a few hundred
 * crash runs of {@code OrdersCrashIT}). Every order ends its transaction with an audit row
 * ({@code seeded} for the demo orders, {@code placed}, {@code cancelled}, {@code changed}), so an
 * order without any audit row (with its lines, if any) and an action marked done with no audit row
 * of its own are such leftovers; the action is pending again, as it was before the lost commit. Run once at start, before any request; a no-op on a database
 * that keeps transactions whole (PostgreSQL).
 */
final class InterruptedWrites {

  private InterruptedWrites() {
  }

  /** The number of rows removed or reset. */
  static Future<Integer> repair(Pool pool) {
    return pool.withTransaction(InterruptedWrites::repair);
  }

  private static Future<Integer> repair(SqlConnection conn) {
    int[] rows = {0};
    return update(conn, "DELETE FROM order_lines WHERE order_id IN (SELECT o.id FROM orders o WHERE NOT EXISTS "
        + "(SELECT 1 FROM order_audit a WHERE a.order_id = o.id))", rows)
        .compose(v -> update(conn, "DELETE FROM orders o WHERE NOT EXISTS "
            + "(SELECT 1 FROM order_audit a WHERE a.order_id = o.id)", rows))
        .compose(v -> update(conn, "UPDATE pending_actions p SET status = 'pending', executed_at = NULL, "
            + "order_id = CASE WHEN p.kind = 'place' THEN NULL ELSE p.order_id END "
            + "WHERE p.status = 'done' AND NOT EXISTS (SELECT 1 FROM order_audit a WHERE a.pending_action_id = p.id)",
            rows))
        .map(v -> rows[0]);
  }

  private static Future<Void> update(SqlConnection conn, String sql, int[] rows) {
    return conn.query(sql).execute().map(result -> {
      rows[0] += result.rowCount();
      return null;
    });
  }
}
