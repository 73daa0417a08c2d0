package concierge.orders;

import java.util.List;
import java.util.stream.Collectors;

/** A stored order with its lines; times are epoch milliseconds, null when it has not happened. */
public record Order(String id, String customerId, String status, long placedAt, Long shippedAt, Long deliveredAt,
                    Long cancelledAt, String carrier, String tracking, Long expectedAt, ShippingMethod method,
                    String destination, long subtotalCents, long shippingCents, long totalCents,
                    List<OrderLine> lines) {

  public static final String PLACED = "placed";
  public static final String SHIPPED = "shipped";
  public static final String DELIVERED = "delivered";
  public static final String BACKORDERED = "backordered";
  public static final String CANCELLED = "cancelled";

  public Order withLines(List<OrderLine> newLines) {
    return new Order(id, customerId, status, placedAt, shippedAt, deliveredAt, cancelledAt, carrier, tracking,
        expectedAt, method, destination, subtotalCents, shippingCents, totalCents, List.copyOf(newLines));
  }

  /** "2 x Merino Hiker Socks 3-Pack, 1 x Lumen 400 Headlamp". */
  public String items() {
    return lines.stream().map(OrderLine::summary).collect(Collectors.joining(", "));
  }
}
