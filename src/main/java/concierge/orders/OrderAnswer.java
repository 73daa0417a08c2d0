package concierge.orders;

import java.util.List;

/**
 * What the orders service answers for a turn: the text, the action it concerns and its status, and
 * the facts (every number, price, order id, tracking number and date the text states) for the
 * answer validator. {@code handled} false means "not for me, answer the message normally".
 * {@code awaiting} names what the answer asked the customer for ({@link #DESTINATION}), or is null.
 */
public record OrderAnswer(boolean handled, String answer, String type, String status, String orderId,
                          List<String> facts, String awaiting) {

  /** The answer asked where the order should ship: the next message may be just the place. */
  public static final String DESTINATION = "destination";

  public static final String NONE = "none";
  public static final String NEEDS_CONFIRMATION = "needs_confirmation";
  public static final String DONE = "done";
  public static final String REFUSED = "refused";

  public static OrderAnswer unhandled() {
    return new OrderAnswer(false, null, null, null, null, List.of(), null);
  }

  /** This answer, asking the customer for {@code what}. */
  public OrderAnswer awaiting(String what) {
    return new OrderAnswer(handled, answer, type, status, orderId, facts, what);
  }
}
