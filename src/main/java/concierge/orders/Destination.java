package concierge.orders;

/**
 * Where an order ships: a US state ({@code US-OR}) or a country ({@code CA}, {@code GB}, ISO codes),
 * with the shipping zone whose rates apply.
 */
public record Destination(String code, String name, Zone zone) {

  public enum Zone {
    /** The 48 contiguous states and DC: every service, free standard shipping at $75. */
    CONTIGUOUS_US,
    /** Alaska and Hawaii: standard only, flat $12.99. */
    ALASKA_HAWAII,
    /** Canada: $14.99, free at $150, duties prepaid. */
    CANADA,
    /** United Kingdom, EU, Australia, Japan: flat $29.99, duties paid on delivery. */
    OVERSEAS
  }

  public boolean unitedStates() {
    return zone == Zone.CONTIGUOUS_US || zone == Zone.ALASKA_HAWAII;
  }
}
