package concierge.orders;

import java.util.List;

/**
 * What an order message asks for, as far as it can be read without a model: the order number, the
 * items, what is unclear about them, where it ships, how, and whether the address is a PO box.
 * {@code place} is null when no place is named; {@code method} is null when no method is named.
 */
public record OrderRequest(String orderId, List<LineRequest> lines, List<ItemIssue> issues, Destinations.Place place,
                           ShippingMethod method, boolean poBox, boolean namesProducts) {

  public boolean hasIssues() {
    return !issues.isEmpty();
  }
}
