package concierge.orders;

/** A priced line of a quote or an order: the unit price is the one the customer is charged. */
public record QuoteLine(Product product, String option, long quantity, long unitPriceCents) {

  public long totalCents() {
    return unitPriceCents * quantity;
  }

  /** "Stormline Rain Jacket (women's M)". */
  public String title() {
    return option == null ? product.name() : product.name() + " (" + option + ")";
  }
}
