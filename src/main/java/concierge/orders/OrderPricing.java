package concierge.orders;

import concierge.orders.Destination.Zone;

import java.util.List;

/**
 * The shop's shipping rules, as store policy states them: US standard $5.99, free at $75 or more
 * (after discounts, before tax) and always free for Trailhead Club members; expedited $14.99;
 * overnight $29.99, never to PO boxes; Alaska and Hawaii standard only, flat $12.99; Canada $14.99,
 * free at $150; UK, EU, Australia and Japan flat $29.99 with duties paid on delivery; fuel
 * canisters by ground within the contiguous US only. Pure: no I/O, no clock.
 */
public final class OrderPricing {

  public static final long US_STANDARD = 599;
  public static final long US_FREE_FROM = 7500;
  public static final long US_EXPEDITED = 1499;
  public static final long US_OVERNIGHT = 2999;
  public static final long ALASKA_HAWAII = 1299;
  public static final long CANADA = 1499;
  public static final long CANADA_FREE_FROM = 15000;
  public static final long OVERSEAS = 2999;

  /** A quote, or the rule that forbids it. */
  public record Priced(Quote quote, Refusal refusal) {
    public boolean refused() {
      return refusal != null;
    }
  }

  /** Why an order cannot ship as asked. */
  public enum Refusal {
    HAZARDOUS_DESTINATION, HAZARDOUS_SPEED, ALASKA_HAWAII_SPEED, INTERNATIONAL_SPEED, OVERNIGHT_PO_BOX
  }

  /** The zone most orders ship to, for an estimate before the customer has said where. */
  static final Destination CONTIGUOUS_US = new Destination("US", "the contiguous US", Destination.Zone.CONTIGUOUS_US);

  private OrderPricing() {
  }

  /** {@code method} null means none was named: standard. {@code destination} may be null for digital items only. */
  public static Priced quote(List<QuoteLine> lines, Destination destination, ShippingMethod method, boolean poBox,
                             boolean member) {
    ShippingMethod used = method == null ? ShippingMethod.STANDARD : method;
    long subtotal = lines.stream().mapToLong(QuoteLine::totalCents).sum();
    long physical = lines.stream().filter(line -> !line.product().digital()).mapToLong(QuoteLine::totalCents).sum();
    boolean shipsPhysically = lines.stream().anyMatch(line -> !line.product().digital());
    if (!shipsPhysically) {
      return new Priced(new Quote(lines, destination, used, method == null, poBox, subtotal, 0), null);
    }
    Refusal refusal = refusal(lines, destination, used, poBox);
    if (refusal != null) {
      return new Priced(null, refusal);
    }
    long shipping = shipping(destination.zone(), used, physical, member);
    return new Priced(new Quote(lines, destination, used, method == null, poBox, subtotal, shipping), null);
  }

  private static Refusal refusal(List<QuoteLine> lines, Destination destination, ShippingMethod method,
                                 boolean poBox) {
    boolean hazardous = lines.stream().anyMatch(line -> line.product().hazardous());
    Zone zone = destination.zone();
    if (hazardous && zone != Zone.CONTIGUOUS_US) {
      return Refusal.HAZARDOUS_DESTINATION;
    }
    if (method != ShippingMethod.STANDARD) {
      if (zone == Zone.ALASKA_HAWAII) {
        return Refusal.ALASKA_HAWAII_SPEED;
      }
      if (!destination.unitedStates()) {
        return Refusal.INTERNATIONAL_SPEED;
      }
      if (hazardous) {
        return Refusal.HAZARDOUS_SPEED;
      }
      if (method == ShippingMethod.OVERNIGHT && poBox) {
        return Refusal.OVERNIGHT_PO_BOX;
      }
    }
    return null;
  }

  static long shipping(Zone zone, ShippingMethod method, long physicalSubtotal, boolean member) {
    return switch (zone) {
      case CONTIGUOUS_US -> switch (method) {
        case STANDARD -> member || physicalSubtotal >= US_FREE_FROM ? 0 : US_STANDARD;
        case EXPEDITED -> US_EXPEDITED;
        case OVERNIGHT -> US_OVERNIGHT;
      };
      case ALASKA_HAWAII -> ALASKA_HAWAII;
      case CANADA -> physicalSubtotal >= CANADA_FREE_FROM ? 0 : CANADA;
      case OVERSEAS -> OVERSEAS;
    };
  }
}
