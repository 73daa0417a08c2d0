package concierge.orders;

import io.vertx.core.Future;

import java.time.Clock;

/** order_status: the order named, or the customer's recent orders; never another customer's. */
final class OrderLookup {

  private final OrderStore store;
  private final StatusAnswers answers;
  private final Clock clock;

  OrderLookup(OrderStore store, StatusAnswers answers, Clock clock) {
    this.store = store;
    this.answers = answers;
    this.clock = clock;
  }

  Future<OrderAnswer> answer(String customerId, String message) {
    if (customerId == null) {
      return Future.succeededFuture(StatusAnswers.signIn(StatusAnswers.STATUS));
    }
    long now = clock.millis();
    return OrderNumbers.find(message)
        .map(orderId -> store.order(orderId, customerId).map(found -> found.map(order -> answers.one(order, now))
            .orElseGet(() -> StatusAnswers.notFound(StatusAnswers.STATUS, orderId))))
        .orElseGet(() -> store.recentOrders(customerId).map(orders -> answers.recent(orders, now)));
  }
}
