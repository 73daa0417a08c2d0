package concierge.orders;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Executes a confirmed action in ONE transaction: claim the pending action (pending -> done, which
 * only one transaction can do), re-check the order and prices as they are now, write the change and
 * its audit row. A failed re-check marks the action cancelled instead; any error rolls all back.
 */
public final class ConfirmedActions {

  private static final int ATTEMPTS = 3;

  private final Pool pool;

  public ConfirmedActions(Pool pool) {
    this.pool = pool;
  }

  public Future<Execution> execute(PendingAction action, Customer customer, long now) {
    Function<SqlConnection, Future<Execution>> work = switch (action.kind()) {
      case PendingAction.PLACE -> conn -> place(conn, action, customer, now);
      case PendingAction.CANCEL -> conn -> cancel(conn, action, now);
      case PendingAction.CHANGE -> conn -> change(conn, action, customer, now);
      default -> throw new IllegalStateException("unknown pending action kind " + action.kind());
    };
    return attempt(work, 1);
  }

  /** Two confirmations racing on one row: the loser may get a lock conflict; its retry then finds it done. */
  private Future<Execution> attempt(Function<SqlConnection, Future<Execution>> work, int attempt) {
    return pool.withTransaction(work::apply)
        .recover(failure -> attempt < ATTEMPTS && conflict(failure) ? attempt(work, attempt + 1)
            : Future.failedFuture(failure));
  }

  private Future<Execution> place(SqlConnection conn, PendingAction action, Customer customer, long now) {
    Proposal proposal = Proposal.fromJson(action.payload());
    return OrderWrites.nextOrderId(conn).compose(orderId -> OrderWrites.claim(conn, action.id(), orderId, now)
        .compose(claimed -> !claimed ? Future.succeededFuture(Execution.alreadyDone(action.orderId()))
            : OrderStore.products(conn, proposal.skus())
                .compose(products -> {
                  Quote quote = reprice(proposal, products, customer);
                  if (quote == null) {
                    return OrderWrites.release(conn, action.id()).map(Execution.refused(null, null, null));
                  }
                  return OrderWrites.insertOrder(conn, orderId, customer.id(), quote, now)
                      .compose(inserted -> OrderWrites.audit(conn, orderId, customer.id(), "placed",
                          proposal.toJson(), action.id(), now))
                      .map(Execution.done(orderId, null, quote));
                })));
  }

  private Future<Execution> cancel(SqlConnection conn, PendingAction action, long now) {
    return OrderWrites.claim(conn, action.id(), action.orderId(), now)
        .compose(claimed -> !claimed ? Future.succeededFuture(Execution.alreadyDone(action.orderId()))
            : OrderWrites.lockOrder(conn, action.orderId(), action.customerId())
                .compose(found -> {
                  OrderPolicy.Verdict verdict = found.map(order -> OrderPolicy.cancel(order, now))
                      .orElse(OrderPolicy.Verdict.CANCELLED);
                  if (verdict != OrderPolicy.Verdict.ALLOWED) {
                    return OrderWrites.release(conn, action.id())
                        .map(Execution.refused(action.orderId(), found.orElse(null), verdict));
                  }
                  Order order = found.get();
                  return OrderWrites.cancelOrder(conn, order.id(), now)
                      .compose(cancelled -> OrderWrites.audit(conn, order.id(), action.customerId(), "cancelled",
                          new JsonObject().put("status", order.status()).put("totalCents", order.totalCents()),
                          action.id(), now))
                      .map(Execution.done(order.id(), order, null));
                }));
  }

  private Future<Execution> change(SqlConnection conn, PendingAction action, Customer customer, long now) {
    Proposal proposal = Proposal.fromJson(action.payload());
    return OrderWrites.claim(conn, action.id(), action.orderId(), now)
        .compose(claimed -> !claimed ? Future.succeededFuture(Execution.alreadyDone(action.orderId()))
            : OrderWrites.lockOrder(conn, action.orderId(), action.customerId())
                .compose(found -> OrderStore.products(conn, proposal.skus()).compose(products -> {
                  OrderPolicy.Verdict verdict = found.map(order -> OrderPolicy.change(order, now))
                      .orElse(OrderPolicy.Verdict.CANCELLED);
                  Quote quote = verdict == OrderPolicy.Verdict.ALLOWED ? reprice(proposal, products, customer) : null;
                  if (quote == null) {
                    return OrderWrites.release(conn, action.id()).map(Execution.refused(action.orderId(),
                        found.orElse(null), verdict == OrderPolicy.Verdict.ALLOWED ? null : verdict));
                  }
                  Order before = found.get();
                  JsonObject detail = new JsonObject().put("before", new JsonObject().put("items", before.items())
                      .put("destination", before.destination()).put("method", before.method().label())
                      .put("totalCents", before.totalCents())).put("after", proposal.toJson());
                  return OrderWrites.changeOrder(conn, before.id(), quote, now)
                      .compose(changed -> OrderWrites.audit(conn, before.id(), action.customerId(), "changed", detail,
                          action.id(), now))
                      .map(Execution.done(before.id(), before, quote));
                })));
  }

  /** The proposal priced again with today's catalogue and rules; null if anything differs from what was quoted. */
  static Quote reprice(Proposal proposal, java.util.List<Product> products, Customer customer) {
    Map<String, Product> bySku = products.stream().collect(Collectors.toMap(Product::sku, p -> p));
    java.util.List<QuoteLine> lines = proposal.quoteLines(bySku);
    if (lines == null || lines.stream().anyMatch(line -> !line.product().available()
        || (!line.product().pricedByAmount() && line.product().priceCents() != line.unitPriceCents()))) {
      return null;
    }
    Destination destination = Optional.ofNullable(proposal.destination()).flatMap(Destinations::byCode).orElse(null);
    if (destination == null && lines.stream().anyMatch(line -> !line.product().digital())) {
      return null;
    }
    OrderPricing.Priced priced = OrderPricing.quote(lines, destination, proposal.method(), proposal.poBox(),
        customer.member());
    return priced.refused() || priced.quote().totalCents() != proposal.totalCents() ? null : priced.quote();
  }

  private static boolean conflict(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        String state = String.valueOf(sql.getSQLState());
        if (state.equals("90131") || state.equals("40001") || state.equals("40P01") || state.equals("HYT00")) {
          return true;
        }
      }
    }
    return false;
  }
}
