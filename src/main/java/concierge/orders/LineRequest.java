package concierge.orders;

/**
 * One item a customer asked for: the product, how many, the option chosen (size, fit, length) and,
 * for a gift card, the amount. {@code removal}/{@code addition} say whether the words around it ask
 * to take it off or to add it ("remove the headlamp", "add another pair of socks").
 */
public record LineRequest(Product product, long quantity, boolean quantityGiven, String option, Long amountCents,
                          boolean removal, boolean addition) {

  public long unitPriceCents() {
    return amountCents != null ? amountCents : product.priceCents();
  }
}
