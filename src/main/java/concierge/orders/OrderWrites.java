package concierge.orders;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The statements that change orders, each run on the connection of the caller's transaction. */
final class OrderWrites {

  private OrderWrites() {
  }

  static Future<String> nextOrderId(SqlConnection conn) {
    return conn.query("SELECT nextval('order_numbers')").execute()
        .map(rows -> OrderNumbers.format(rows.iterator().next().getLong(0)));
  }

  /**
   * Marks the pending action done if it still is pending: the one statement that makes a repeated
   * or concurrent confirmation do nothing twice (the loser updates 0 rows).
   */
  static Future<Boolean> claim(SqlConnection conn, String pendingId, String orderId, long now) {
    return conn.preparedQuery("UPDATE pending_actions SET status = 'done', executed_at = ?, order_id = ? "
            + "WHERE id = ? AND status = 'pending'")
        .execute(Tuple.of(now, orderId, pendingId))
        .map(rows -> rows.rowCount() == 1);
  }

  /** A claimed action whose re-check failed: cancelled instead of done, in the same transaction. */
  static Future<Void> release(SqlConnection conn, String pendingId) {
    return conn.preparedQuery("UPDATE pending_actions SET status = 'cancelled' WHERE id = ?")
        .execute(Tuple.of(pendingId)).mapEmpty();
  }

  /** Locks the customer's order row for the rest of the transaction and reads it with its lines. */
  static Future<Optional<Order>> lockOrder(SqlConnection conn, String orderId, String customerId) {
    return conn.preparedQuery("SELECT id FROM orders WHERE id = ? AND customer_id = ? FOR UPDATE")
        .execute(Tuple.of(orderId, customerId))
        .compose(locked -> locked.size() == 0 ? Future.succeededFuture(Optional.<Order>empty())
            : OrderStore.order(conn, orderId, customerId));
  }

  static Future<Void> insertOrder(SqlConnection conn, String orderId, String customerId, Quote quote, long now) {
    String status = quote.backordered() ? Order.BACKORDERED : Order.PLACED;
    String destination = quote.destination() == null ? "EMAIL" : quote.destination().code();
    return conn.preparedQuery("INSERT INTO orders (id, customer_id, status, placed_at, shipping_method, destination, "
            + "subtotal_cents, shipping_cents, total_cents, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .execute(Tuple.from(List.of(orderId, customerId, status, now, quote.method().label(), destination,
            quote.subtotalCents(), quote.shippingCents(), quote.totalCents(), now)))
        .compose(inserted -> insertLines(conn, orderId, quote.lines()));
  }

  static Future<Void> insertLines(SqlConnection conn, String orderId, List<QuoteLine> lines) {
    List<Tuple> batch = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      QuoteLine line = lines.get(i);
      batch.add(Tuple.of(orderId, i + 1, line.product().sku(), line.product().name(), line.option(), line.quantity(),
          line.unitPriceCents()));
    }
    return conn.preparedQuery("INSERT INTO order_lines (order_id, line_no, sku, name, option_value, quantity, "
            + "unit_price_cents) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .executeBatch(batch).mapEmpty();
  }

  static Future<Void> cancelOrder(SqlConnection conn, String orderId, long now) {
    return conn.preparedQuery("UPDATE orders SET status = 'cancelled', cancelled_at = ?, updated_at = ? WHERE id = ?")
        .execute(Tuple.of(now, now, orderId)).mapEmpty();
  }

  /** Replaces what a change touches: items, destination, method and amounts. */
  static Future<Void> changeOrder(SqlConnection conn, String orderId, Quote quote, long now) {
    String status = quote.backordered() ? Order.BACKORDERED : Order.PLACED;
    String destination = quote.destination() == null ? "EMAIL" : quote.destination().code();
    return conn.preparedQuery("UPDATE orders SET status = ?, shipping_method = ?, destination = ?, subtotal_cents = ?, "
            + "shipping_cents = ?, total_cents = ?, updated_at = ? WHERE id = ?")
        .execute(Tuple.from(List.of(status, quote.method().label(), destination, quote.subtotalCents(),
            quote.shippingCents(), quote.totalCents(), now, orderId)))
        .compose(updated -> conn.preparedQuery("DELETE FROM order_lines WHERE order_id = ?").execute(Tuple.of(orderId)))
        .compose(deleted -> insertLines(conn, orderId, quote.lines()));
  }

  /** The append-only trail: one row per executed action, in the same transaction as the change. */
  static Future<Void> audit(SqlConnection conn, String orderId, String customerId, String action, JsonObject detail,
                            String pendingId, long now) {
    return conn.preparedQuery("INSERT INTO order_audit (order_id, customer_id, action, detail, pending_action_id, "
            + "created_at) VALUES (?, ?, ?, ?, ?, ?)")
        .execute(Tuple.of(orderId, customerId, action, detail.encode(), pendingId, now)).mapEmpty();
  }
}
