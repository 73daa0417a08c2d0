package concierge.orders;

import io.vertx.core.json.JsonObject;

/**
 * An order action the agent proposed and waits for an explicit yes on, stored so that it survives a
 * restart and is seen by every node. {@code kind} is place, cancel or change; {@code orderId} is the
 * order acted on (for place: the order placed, once done).
 */
public record PendingAction(String id, String conversationId, String customerId, String kind, String orderId,
                            JsonObject payload, String status, long createdAt, Long executedAt) {

  public static final String PLACE = "place";
  public static final String CANCEL = "cancel";
  public static final String CHANGE = "change";

  public static final String PENDING = "pending";
  public static final String DONE = "done";
  public static final String CANCELLED = "cancelled";

  public boolean pending() {
    return PENDING.equals(status);
  }

  /** The answer's action type for this kind: order_place, order_cancel, order_change. */
  public String actionType() {
    return "order_" + kind;
  }
}
