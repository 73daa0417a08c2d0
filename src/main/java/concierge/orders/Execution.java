package concierge.orders;

/**
 * The outcome of executing a confirmed action. DONE carries the order as it now is (and for a place
 * or change, the quote it was done at); REFUSED carries why: the policy verdict when the order moved
 * on meanwhile (shipped, window closed), or {@code repriced} when the items or prices changed.
 */
public record Execution(Outcome outcome, String orderId, Order order, Quote quote, OrderPolicy.Verdict verdict,
                        boolean repriced) {

  public enum Outcome { DONE, ALREADY_DONE, REFUSED }

  static Execution done(String orderId, Order order, Quote quote) {
    return new Execution(Outcome.DONE, orderId, order, quote, null, false);
  }

  static Execution alreadyDone(String orderId) {
    return new Execution(Outcome.ALREADY_DONE, orderId, null, null, null, false);
  }

  static Execution refused(String orderId, Order order, OrderPolicy.Verdict verdict) {
    return new Execution(Outcome.REFUSED, orderId, order, null, verdict, verdict == null);
  }
}
