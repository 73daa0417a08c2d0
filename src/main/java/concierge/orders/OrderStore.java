package concierge.orders;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.Optional;

/**
 * Reads orders, customers and the catalogue. Every order query is scoped to the customer: an order
 * of someone else is not found, by the same query that finds nothing for a wrong number.
 */
public final class OrderStore {

  static final int RECENT = 3;

  private final Pool pool;

  public OrderStore(Pool pool) {
    this.pool = pool;
  }

  public Pool pool() {
    return pool;
  }

  public Future<Void> ping() {
    return Statements.run(pool, "SELECT 1").mapEmpty();
  }

  public Future<List<Product>> products() {
    return Statements.run(pool, "SELECT " + OrderRows.PRODUCT_COLUMNS + " FROM products ORDER BY sku")
        .map(OrderRows::products);
  }

  public Future<Optional<Customer>> customer(String customerId) {
    return Statements.run(pool, "SELECT id, name, email, trailhead_member FROM customers WHERE id = ?",
        Tuple.of(customerId))
        .map(rows -> rows.size() == 0 ? Optional.<Customer>empty() : Optional.of(OrderRows.customer(rows.iterator().next())));
  }

  /** The customer, or an unknown non-member for a signed-in id the directory does not have. */
  public Future<Customer> customerOrUnknown(String customerId) {
    return customer(customerId).map(found -> found.orElse(Customer.unknown(customerId)));
  }

  public Future<Optional<Order>> order(String orderId, String customerId) {
    return pool.withTransaction(conn -> order(conn, orderId, customerId));
  }

  static Future<Optional<Order>> order(SqlClient client, String orderId, String customerId) {
    return client.preparedQuery("SELECT " + OrderRows.ORDER_COLUMNS + " FROM orders o JOIN order_lines l "
            + "ON l.order_id = o.id WHERE o.id = ? AND o.customer_id = ? ORDER BY l.line_no")
        .execute(Tuple.of(orderId, customerId))
        .map(rows -> OrderRows.orders(rows).stream().findFirst());
  }

  /** The customer's most recent orders, newest first. */
  public Future<List<Order>> recentOrders(String customerId) {
    return Statements.run(pool, "SELECT " + OrderRows.ORDER_COLUMNS + " FROM orders o JOIN order_lines l "
            + "ON l.order_id = o.id WHERE o.id IN (SELECT id FROM orders WHERE customer_id = ? "
            + "ORDER BY placed_at DESC, id DESC LIMIT " + RECENT + ") ORDER BY o.placed_at DESC, o.id DESC, l.line_no",
        Tuple.of(customerId))
        .map(OrderRows::orders);
  }

  static Future<List<Product>> products(SqlClient client, List<String> skus) {
    Tuple params = Tuple.tuple();
    skus.forEach(params::addString);
    String marks = String.join(", ", java.util.Collections.nCopies(skus.size(), "?"));
    return client.preparedQuery("SELECT " + OrderRows.PRODUCT_COLUMNS + " FROM products WHERE sku IN (" + marks + ")")
        .execute(params)
        .map(OrderRows::products);
  }

  static Optional<Row> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
  }
}
