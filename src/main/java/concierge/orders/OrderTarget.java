package concierge.orders;

import io.vertx.core.Future;

import java.util.List;
import java.util.function.Predicate;

/**
 * Which order a cancel or change request is about: the number in the message; else, among the
 * customer's recent orders, the only one the action is possible for; else the only order; else a
 * question listing them. {@code answer} is set when there is no order to act on.
 */
record OrderTarget(Order order, OrderAnswer answer) {

  static Future<OrderTarget> find(OrderStore store, String customerId, String message, String type,
                                  Predicate<Order> possible) {
    return OrderNumbers.find(message)
        .map(orderId -> store.order(orderId, customerId).map(found -> found
            .map(order -> new OrderTarget(order, null))
            .orElseGet(() -> new OrderTarget(null, StatusAnswers.notFound(type, orderId)))))
        .orElseGet(() -> store.recentOrders(customerId).map(orders -> choose(orders, type, possible)));
  }

  private static OrderTarget choose(List<Order> orders, String type, Predicate<Order> possible) {
    if (orders.isEmpty()) {
      return new OrderTarget(null, new AnswerText().say("I don't see any orders on your account yet.")
          .answer(type, OrderAnswer.NONE, null));
    }
    List<Order> candidates = orders.stream().filter(possible).toList();
    if (candidates.size() == 1) {
      return new OrderTarget(candidates.get(0), null);
    }
    if (orders.size() == 1) {
      return new OrderTarget(orders.get(0), null);
    }
    return new OrderTarget(null, ActionAnswers.askWhich(type, orders));
  }
}
