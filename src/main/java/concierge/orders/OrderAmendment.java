package concierge.orders;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;

import java.time.Clock;

/**
 * order_change: finds the order, applies the change rule, works out the changed order and its new
 * price, and asks for an explicit yes with the old and new totals.
 */
final class OrderAmendment {

  private final OrderStore store;
  private final PendingActions pending;
  private final Catalogue catalogue;
  private final Clock clock;

  OrderAmendment(OrderStore store, PendingActions pending, Catalogue catalogue, Clock clock) {
    this.store = store;
    this.pending = pending;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  Future<OrderAnswer> answer(String customerId, String conversationId, String message) {
    if (customerId == null) {
      return Future.succeededFuture(StatusAnswers.signIn(ActionAnswers.CHANGE));
    }
    long now = clock.millis();
    return OrderTarget.find(store, customerId, message, ActionAnswers.CHANGE,
            order -> OrderPolicy.change(order, now) == OrderPolicy.Verdict.ALLOWED)
        .compose(target -> target.answer() != null ? Future.succeededFuture(target.answer())
            : store.customerOrUnknown(customerId).compose(customer -> propose(target.order(), customer,
                conversationId, message, now)));
  }

  private Future<OrderAnswer> propose(Order order, Customer customer, String conversationId, String message,
                                      long now) {
    OrderPolicy.Verdict verdict = OrderPolicy.change(order, now);
    if (verdict != OrderPolicy.Verdict.ALLOWED) {
      return Future.succeededFuture(PolicyAnswers.refused(ActionAnswers.CHANGE, order, verdict, customer.member(),
          now));
    }
    OrderChanges.Plan plan = OrderChanges.plan(order, message, catalogue);
    if (plan.problem() != null) {
      return Future.succeededFuture(plan.problem());
    }
    OrderPricing.Priced priced = OrderPricing.quote(plan.lines(), plan.destination(), plan.method(), plan.poBox(),
        customer.member());
    if (priced.refused()) {
      return Future.succeededFuture(ProblemAnswers.pricing(ActionAnswers.CHANGE, priced.refusal(), plan.lines(),
          plan.destination(), order.id()));
    }
    Quote quote = priced.quote();
    return pending.propose(conversationId, customer.id(), PendingAction.CHANGE, order.id(),
            Proposal.of(quote).toJson().put("changes", new JsonArray(plan.changes())), now)
        .map(proposed -> ActionAnswers.changeQuestion(order, plan.changes(), quote, customer.member()));
  }
}
