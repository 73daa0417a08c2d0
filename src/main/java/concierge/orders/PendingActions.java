package concierge.orders;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;
import java.util.UUID;

/**
 * The pending_actions table: at most one pending action per conversation and customer (proposing
 * a new one withdraws the previous), found again by the next turn of that conversation.
 */
public final class PendingActions {

  private static final String COLUMNS = "id, conversation_id, customer_id, kind, order_id, payload, status, "
      + "created_at, executed_at";

  private final Pool pool;

  public PendingActions(Pool pool) {
    this.pool = pool;
  }

  public Future<PendingAction> propose(String conversationId, String customerId, String kind, String orderId,
                                       JsonObject payload, long now) {
    PendingAction action = new PendingAction(UUID.randomUUID().toString(), conversationId, customerId, kind, orderId,
        payload, PendingAction.PENDING, now, null);
    return pool.withTransaction(conn -> conn.preparedQuery("UPDATE pending_actions SET status = 'cancelled' "
            + "WHERE conversation_id = ? AND customer_id = ? AND status = 'pending'")
        .execute(Tuple.of(conversationId, customerId))
        .compose(withdrawn -> conn.preparedQuery("INSERT INTO pending_actions (" + COLUMNS + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)")
            .execute(Tuple.of(action.id(), conversationId, customerId, kind, orderId, payload.encode(),
                PendingAction.PENDING, now)))
        .map(inserted -> action));
  }

  /** The latest action proposed in this conversation to this customer, whatever its status. */
  public Future<Optional<PendingAction>> latest(String conversationId, String customerId) {
    return Statements.run(pool, "SELECT " + COLUMNS + " FROM pending_actions WHERE conversation_id = ? "
            + "AND customer_id = ? ORDER BY created_at DESC LIMIT 1",
        Tuple.of(conversationId, customerId))
        .map(rows -> OrderStore.first(rows).map(PendingActions::action));
  }

  public Future<Optional<PendingAction>> byId(String id) {
    return Statements.run(pool, "SELECT " + COLUMNS + " FROM pending_actions WHERE id = ?",
        Tuple.of(id))
        .map(rows -> OrderStore.first(rows).map(PendingActions::action));
  }

  /** Withdraws a pending action; false when it was no longer pending. */
  public Future<Boolean> withdraw(String id) {
    return Statements.run(pool, "UPDATE pending_actions SET status = 'cancelled' WHERE id = ? AND status = 'pending'",
        Tuple.of(id))
        .map(rows -> rows.rowCount() > 0);
  }

  static PendingAction action(Row row) {
    return new PendingAction(row.getString("id"), row.getString("conversation_id"), row.getString("customer_id"),
        row.getString("kind"), row.getString("order_id"), new JsonObject(row.getString("payload")),
        row.getString("status"), row.getLong("created_at"), row.getLong("executed_at"));
  }
}
