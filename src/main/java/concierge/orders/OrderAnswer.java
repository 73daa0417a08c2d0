package concierge.orders;

import java.util.List;

/**
 * What the orders service answers for a turn: the text, the action it concerns and its status, and
 * the facts (every number, price, order id, tracking number and date the text states) for the
 * answer validator. {@code handled} false means "not for me, answer the message normally".
 */
public record OrderAnswer(boolean handled, String answer, String type, String status, String orderId,
                          List<String> facts) {

  public static final String NONE = "none";
  public static final String NEEDS_CONFIRMATION = "needs_confirmation";
  public static final String DONE = "done";
  public static final String REFUSED = "refused";

  public static OrderAnswer unhandled() {
    return new OrderAnswer(false, null, null, null, null, List.of());
  }
}
