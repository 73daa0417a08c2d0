package concierge.orders;

import java.util.List;

/** Why an item of a request cannot be quoted yet: the customer must clarify or change it. */
public record ItemIssue(Kind kind, List<Product> products, String detail, long quantity) {

  public enum Kind {
    /** Several products fit the words ("tent"): ask which. */
    AMBIGUOUS,
    /** A size, fit or length is needed: detail is the question. */
    OPTION_MISSING,
    /** The option asked for does not exist: detail says what does. */
    OPTION_INVALID,
    /** Zero, negative or not a whole number. */
    QUANTITY_INVALID,
    /** 20 or more of one item: corporate sales. */
    QUANTITY_BULK,
    /** A gift card without an amount, or outside $25-$500. */
    AMOUNT,
    /** Not available to order now. */
    UNAVAILABLE
  }

  public Product product() {
    return products.get(0);
  }
}
