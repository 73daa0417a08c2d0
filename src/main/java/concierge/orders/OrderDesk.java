package concierge.orders;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;

/**
 * The orders side of a conversation: answers order_status, order_place, order_cancel and
 * order_change turns, and the confirmation turn that follows a proposal.
 */
public final class OrderDesk {

  private final OrderStore store;
  private final OrderLookup lookup;
  private final OrderPlacement placement;
  private final OrderCancellation cancellation;
  private final OrderAmendment amendment;
  private final ConfirmationDesk confirmations;

  public OrderDesk(Pool pool, Catalogue catalogue, Clock clock) {
    store = new OrderStore(pool);
    PendingActions pending = new PendingActions(pool);
    lookup = new OrderLookup(store, new StatusAnswers(catalogue), clock);
    placement = new OrderPlacement(store, pending, catalogue, clock);
    cancellation = new OrderCancellation(store, pending, clock);
    amendment = new OrderAmendment(store, pending, catalogue, clock);
    confirmations = new ConfirmationDesk(store, pending, new ConfirmedActions(pool), clock);
  }

  public Future<OrderAnswer> turn(String intent, String customerId, String conversationId, String message) {
    return switch (intent) {
      case "order_status" -> lookup.answer(customerId, message);
      case "order_place" -> placement.answer(customerId, conversationId, message);
      case "order_cancel" -> cancellation.answer(customerId, conversationId, message);
      case "order_change" -> amendment.answer(customerId, conversationId, message);
      default -> Future.failedFuture(new IllegalArgumentException("intent must be one of order_status, order_place, "
          + "order_cancel, order_change"));
    };
  }

  /** A message after "where should the order ship?" (see {@link OrderPlacement#destination}). */
  public Future<OrderAnswer> destination(String customerId, String conversationId, String earlier, String message) {
    return placement.destination(customerId, conversationId, earlier, message);
  }

  public Future<OrderAnswer> confirm(String customerId, String conversationId, String message) {
    return confirmations.confirm(customerId, conversationId, message);
  }

  public Future<Customer> customer(String customerId) {
    return store.customer(customerId).map(found -> found.orElse(Customer.unknown(customerId)));
  }

  public Future<Void> ping() {
    return store.ping();
  }
}
