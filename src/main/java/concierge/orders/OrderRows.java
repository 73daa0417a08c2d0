package concierge.orders;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps result rows to the domain records; column names are lower case on H2 (DATABASE_TO_LOWER) and PostgreSQL. */
final class OrderRows {

  /** Orders joined with their lines, in the order the query returned them. */
  static final String ORDER_COLUMNS = "o.id, o.customer_id, o.status, o.placed_at, o.shipped_at, o.delivered_at, "
      + "o.cancelled_at, o.carrier, o.tracking, o.expected_at, o.shipping_method, o.destination, o.subtotal_cents, "
      + "o.shipping_cents, o.total_cents, l.line_no, l.sku, l.name, l.option_value, l.quantity, l.unit_price_cents";
  static final String PRODUCT_COLUMNS = "sku, name, price_cents, max_price_cents, stock_status, backorder_date, "
      + "options, hazardous, final_sale, digital, note";

  private OrderRows() {
  }

  static List<Order> orders(RowSet<Row> rows) {
    Map<String, Order> orders = new LinkedHashMap<>();
    Map<String, List<OrderLine>> lines = new LinkedHashMap<>();
    for (Row row : rows) {
      String id = row.getString("id");
      orders.computeIfAbsent(id, ignored -> order(row));
      lines.computeIfAbsent(id, ignored -> new ArrayList<>()).add(new OrderLine(row.getInteger("line_no"),
          row.getString("sku"), row.getString("name"), row.getString("option_value"), row.getLong("quantity"),
          row.getLong("unit_price_cents")));
    }
    List<Order> out = new ArrayList<>();
    orders.forEach((id, order) -> out.add(order.withLines(lines.get(id))));
    return out;
  }

  private static Order order(Row row) {
    return new Order(row.getString("id"), row.getString("customer_id"), row.getString("status"),
        row.getLong("placed_at"), row.getLong("shipped_at"), row.getLong("delivered_at"), row.getLong("cancelled_at"),
        row.getString("carrier"), row.getString("tracking"), row.getLong("expected_at"),
        ShippingMethod.of(row.getString("shipping_method")), row.getString("destination"),
        row.getLong("subtotal_cents"), row.getLong("shipping_cents"), row.getLong("total_cents"), List.of());
  }

  static Product product(Row row) {
    return new Product(row.getString("sku"), row.getString("name"), row.getLong("price_cents"),
        row.getLong("max_price_cents"), row.getString("stock_status"), row.getString("backorder_date"),
        row.getString("options"), row.getBoolean("hazardous"), row.getBoolean("final_sale"),
        row.getBoolean("digital"), row.getString("note"));
  }

  static List<Product> products(RowSet<Row> rows) {
    List<Product> products = new ArrayList<>();
    rows.forEach(row -> products.add(product(row)));
    return products;
  }

  static Customer customer(Row row) {
    return new Customer(row.getString("id"), row.getString("name"), row.getString("email"),
        row.getBoolean("trailhead_member"));
  }
}
