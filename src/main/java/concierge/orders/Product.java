package concierge.orders;

/**
 * A catalogue product. {@code maxPriceCents} is set when the customer picks the amount (gift card,
 * {@code priceCents} is then the lowest); {@code options} names what must be chosen with it.
 */
public record Product(String sku, String name, long priceCents, Long maxPriceCents, String stockStatus,
                      String backorderDate, String options, boolean hazardous, boolean finalSale, boolean digital,
                      String note) {

  public boolean backordered() {
    return "backordered".equals(stockStatus);
  }

  public boolean available() {
    return !"out_of_stock".equals(stockStatus);
  }

  public boolean pricedByAmount() {
    return maxPriceCents != null;
  }

  /** Boots, shoes and poles come as a pair: "a pair of boots" is one. */
  public boolean soldInPairs() {
    return "footwear".equals(options) || name.endsWith("Poles") || name.endsWith("Runners");
  }
}
