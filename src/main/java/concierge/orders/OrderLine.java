package concierge.orders;

/** A stored line of an order, at the price it was ordered at. */
public record OrderLine(int lineNo, String sku, String name, String option, long quantity, long unitPriceCents) {

  public long totalCents() {
    return unitPriceCents * quantity;
  }

  /** "2 x Merino Hiker Socks 3-Pack", "1 x Stormline Rain Jacket (women's M)". */
  public String summary() {
    return quantity + " x " + name + (option == null ? "" : " (" + option + ")");
  }
}
