package concierge.orders;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The turn after a proposal: only an explicit yes from the same customer in the same conversation
 * executes the pending action; a no withdraws it ("nothing was changed"); anything else withdraws it
 * and leaves the message to be answered normally. A yes repeated after it was done does nothing.
 */
final class ConfirmationDesk {

  /** A proposal older than this is not confirmed by a late yes. */
  static final long EXPIRES_MS = 30 * 60 * 1000L;
  /** A repeated yes this soon after execution is answered "already done" instead of being ignored. */
  static final long REPEAT_MS = 10 * 60 * 1000L;

  private final OrderStore store;
  private final PendingActions pending;
  private final ConfirmedActions confirmed;
  private final Clock clock;

  ConfirmationDesk(OrderStore store, PendingActions pending, ConfirmedActions confirmed, Clock clock) {
    this.store = store;
    this.pending = pending;
    this.confirmed = confirmed;
    this.clock = clock;
  }

  Future<OrderAnswer> confirm(String customerId, String conversationId, String message) {
    if (customerId == null || conversationId == null) {
      return Future.succeededFuture(OrderAnswer.unhandled());
    }
    Confirmations.Reply reply = Confirmations.classify(message);
    long now = clock.millis();
    return pending.latest(conversationId, customerId).compose(latest -> {
      if (latest.isEmpty()) {
        return Future.succeededFuture(OrderAnswer.unhandled());
      }
      PendingAction action = latest.get();
      if (!action.pending()) {
        boolean repeat = PendingAction.DONE.equals(action.status()) && reply == Confirmations.Reply.YES
            && action.executedAt() != null && now - action.executedAt() < REPEAT_MS;
        return Future.succeededFuture(repeat ? ActionAnswers.alreadyDone(action.actionType(), action.orderId())
            : OrderAnswer.unhandled());
      }
      if (reply != Confirmations.Reply.YES || now - action.createdAt() > EXPIRES_MS) {
        return pending.withdraw(action.id()).map(withdrawn -> switch (reply) {
          case YES -> ActionAnswers.expired(action.actionType());
          case NO -> ActionAnswers.nothingChanged(action.actionType());
          default -> OrderAnswer.unhandled();
        });
      }
      return store.customerOrUnknown(customerId)
          .compose(customer -> confirmed.execute(action, customer, now)
              .compose(execution -> answer(action, execution, customer, now)));
    });
  }

  private Future<OrderAnswer> answer(PendingAction action, Execution execution, Customer customer, long now) {
    String type = action.actionType();
    return switch (execution.outcome()) {
      case ALREADY_DONE -> pending.byId(action.id()).map(stored -> ActionAnswers.alreadyDone(type,
          stored.map(PendingAction::orderId).orElse(action.orderId())));
      case REFUSED -> Future.succeededFuture(execution.repriced() || execution.order() == null
          ? ActionAnswers.repriced(type, execution.orderId())
          : PolicyAnswers.refused(type, execution.order(), execution.verdict(), customer.member(), now));
      case DONE -> Future.succeededFuture(switch (action.kind()) {
        case PendingAction.PLACE -> ActionAnswers.placed(execution.orderId(), execution.quote());
        case PendingAction.CANCEL -> ActionAnswers.cancelled(execution.order());
        default -> ActionAnswers.changed(execution.orderId(), changes(action), execution.quote());
      });
    };
  }

  private static List<String> changes(PendingAction action) {
    JsonArray changes = Optional.ofNullable(action.payload().getJsonArray("changes")).orElse(new JsonArray());
    return changes.stream().map(String::valueOf).toList();
  }
}
