package concierge.orders;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Clock;

/** order_cancel: finds the order, applies the cancel rule, and asks for an explicit yes. */
final class OrderCancellation {

  private final OrderStore store;
  private final PendingActions pending;
  private final Clock clock;

  OrderCancellation(OrderStore store, PendingActions pending, Clock clock) {
    this.store = store;
    this.pending = pending;
    this.clock = clock;
  }

  Future<OrderAnswer> answer(String customerId, String conversationId, String message) {
    if (customerId == null) {
      return Future.succeededFuture(StatusAnswers.signIn(ActionAnswers.CANCEL));
    }
    long now = clock.millis();
    return OrderTarget.find(store, customerId, message, ActionAnswers.CANCEL,
            order -> OrderPolicy.cancel(order, now) == OrderPolicy.Verdict.ALLOWED)
        .compose(target -> {
          if (target.answer() != null) {
            return Future.succeededFuture(target.answer());
          }
          Order order = target.order();
          OrderPolicy.Verdict verdict = OrderPolicy.cancel(order, now);
          if (verdict != OrderPolicy.Verdict.ALLOWED) {
            return store.customerOrUnknown(customerId)
                .map(customer -> PolicyAnswers.refused(ActionAnswers.CANCEL, order, verdict, customer.member(), now));
          }
          return pending.propose(conversationId, customerId, PendingAction.CANCEL, order.id(),
                  new JsonObject().put("totalCents", order.totalCents()), now)
              .map(proposed -> ActionAnswers.cancelQuestion(order));
        });
  }
}
