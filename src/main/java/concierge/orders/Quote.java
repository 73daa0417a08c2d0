package concierge.orders;

import java.util.List;

/**
 * What an order costs: lines, shipping and total in cents. {@code destination} is null for an order
 * of digital items only (gift cards go by email); {@code methodAssumed} is true when the customer
 * named no shipping method and standard was used.
 */
public record Quote(List<QuoteLine> lines, Destination destination, ShippingMethod method, boolean methodAssumed,
                    boolean poBox, long subtotalCents, long shippingCents) {

  public long totalCents() {
    return subtotalCents + shippingCents;
  }

  public boolean backordered() {
    return lines.stream().anyMatch(line -> line.product().backordered());
  }

  public boolean shipsPhysically() {
    return lines.stream().anyMatch(line -> !line.product().digital());
  }
}
