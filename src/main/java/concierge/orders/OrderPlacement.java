package concierge.orders;

import io.vertx.core.Future;

import java.time.Clock;
import java.util.List;

/**
 * order_place: reads the request, asks what is missing, prices it with the shop's rules and, when
 * it can ship, stores it as a pending action and asks for an explicit yes.
 */
final class OrderPlacement {

  private final OrderStore store;
  private final PendingActions pending;
  private final Catalogue catalogue;
  private final Clock clock;

  OrderPlacement(OrderStore store, PendingActions pending, Catalogue catalogue, Clock clock) {
    this.store = store;
    this.pending = pending;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  /**
   * The message after this placement asked where to ship, {@code earlier} being the request it was
   * asked about: when the message names a place and no product of its own, the two are placed as
   * one request; otherwise it is not handled here (a new request, or something else) and is
   * answered as itself.
   */
  Future<OrderAnswer> destination(String customerId, String conversationId, String earlier, String message) {
    OrderRequest alone = catalogue.parse(message);
    if (alone.place() == null || alone.namesProducts() || !alone.lines().isEmpty()) {
      return Future.succeededFuture(OrderAnswer.unhandled());
    }
    return answer(customerId, conversationId, OrdersService.completed(earlier, message));
  }

  Future<OrderAnswer> answer(String customerId, String conversationId, String message) {
    if (customerId == null) {
      return Future.succeededFuture(StatusAnswers.signIn(ActionAnswers.PLACE));
    }
    OrderRequest request = catalogue.parse(message);
    List<LineRequest> wanted = request.lines().stream().filter(line -> !line.removal()).toList();
    if (request.hasIssues()) {
      return Future.succeededFuture(ProblemAnswers.issues(ActionAnswers.PLACE, request.issues(), null));
    }
    if (wanted.isEmpty()) {
      return Future.succeededFuture(ProblemAnswers.unknownProduct(ActionAnswers.PLACE, null));
    }
    boolean ships = wanted.stream().anyMatch(line -> !line.product().digital());
    if (ships && request.place() != null && !request.place().shippable()) {
      return Future.succeededFuture(ProblemAnswers.place(ActionAnswers.PLACE, request.place(), null));
    }
    List<QuoteLine> lines = wanted.stream()
        .map(line -> new QuoteLine(line.product(), line.option(), line.quantity(), line.unitPriceCents())).toList();
    return store.customerOrUnknown(customerId).compose(customer -> {
      if (ships && request.place() == null) {
        OrderPricing.Priced inUs = OrderPricing.quote(lines, OrderPricing.CONTIGUOUS_US, request.method(),
            request.poBox(), customer.member());
        return Future.succeededFuture(ProblemAnswers.askDestination(wanted, inUs.quote()));
      }
      Destination destination = ships ? request.place().destination() : null;
      OrderPricing.Priced priced = OrderPricing.quote(lines, destination, request.method(), request.poBox(),
          customer.member());
      if (priced.refused()) {
        return Future.succeededFuture(ProblemAnswers.pricing(ActionAnswers.PLACE, priced.refusal(), lines,
            destination, null));
      }
      Quote quote = priced.quote();
      return pending.propose(conversationId, customerId, PendingAction.PLACE, null, Proposal.of(quote).toJson(),
              clock.millis())
          .map(proposed -> ActionAnswers.placeQuestion(quote, customer.member()));
    });
  }
}
