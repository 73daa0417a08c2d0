package concierge.orders;

import java.util.Locale;

/** The US shipping services; outside the contiguous US only standard exists. */
public enum ShippingMethod {
  STANDARD("3-5 business days"),
  EXPEDITED("2 business days"),
  OVERNIGHT("1 business day");

  private final String transit;

  ShippingMethod(String transit) {
    this.transit = transit;
  }

  public String transit() {
    return transit;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ShippingMethod of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
