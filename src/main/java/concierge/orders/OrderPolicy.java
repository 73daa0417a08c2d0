package concierge.orders;

/**
 * The cancel-or-change rule: an order can be cancelled or changed within 1 hour of being placed,
 * as long as it has not shipped; a backordered order can be cancelled at any time before it ships
 * (changing it follows the 1-hour rule). After shipping, a return is the way. Pure.
 */
public final class OrderPolicy {

  public static final long WINDOW_MS = 60 * 60 * 1000L;

  public enum Verdict { ALLOWED, SHIPPED, DELIVERED, CANCELLED, TOO_LATE }

  private OrderPolicy() {
  }

  public static Verdict cancel(Order order, long now) {
    Verdict settled = settled(order);
    if (settled != null) {
      return settled;
    }
    return Order.BACKORDERED.equals(order.status()) || withinWindow(order, now) ? Verdict.ALLOWED : Verdict.TOO_LATE;
  }

  public static Verdict change(Order order, long now) {
    Verdict settled = settled(order);
    if (settled != null) {
      return settled;
    }
    return withinWindow(order, now) ? Verdict.ALLOWED : Verdict.TOO_LATE;
  }

  /** Minutes left to cancel or change, rounded down; 0 when the window has closed. */
  public static long minutesLeft(Order order, long now) {
    return Math.max(0, (order.placedAt() + WINDOW_MS - now) / 60_000);
  }

  private static boolean withinWindow(Order order, long now) {
    return now - order.placedAt() <= WINDOW_MS;
  }

  private static Verdict settled(Order order) {
    return switch (order.status()) {
      case Order.CANCELLED -> Verdict.CANCELLED;
      case Order.DELIVERED -> Verdict.DELIVERED;
      case Order.SHIPPED -> Verdict.SHIPPED;
      default -> order.shippedAt() != null ? Verdict.SHIPPED : null;
    };
  }
}
