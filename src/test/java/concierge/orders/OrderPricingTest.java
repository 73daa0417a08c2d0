package concierge.orders;

import concierge.orders.OrderPricing.Refusal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderPricingTest {

  private static final Catalogue CATALOGUE = DemoCatalogue.catalogue();

  private static List<QuoteLine> lines(String sku, long quantity) {
    Product product = CATALOGUE.product(sku).orElseThrow();
    return List.of(new QuoteLine(product, null, quantity, product.priceCents()));
  }

  private static Destination to(String code) {
    return Destinations.byCode(code).orElseThrow();
  }

  private static OrderPricing.Priced quote(String sku, long quantity, String code, ShippingMethod method,
                                          boolean member) {
    return OrderPricing.quote(lines(sku, quantity), to(code), method, false, member);
  }

  @Test
  @DisplayName("US standard: $5.99 under $75, free from $75 (the socks example: $90.00 total), free for members")
  void usStandard() {
    assertThat(quote("AF-SOCK-3", 2, "US-OR", ShippingMethod.STANDARD, false).quote().totalCents()).isEqualTo(9000);
    assertThat(quote("AF-SOCK-3", 1, "US-OR", null, false).quote().shippingCents()).isEqualTo(599);
    assertThat(quote("AF-SOCK-3", 1, "US-OR", null, false).quote().methodAssumed()).isTrue();
    assertThat(quote("AF-FLC-100", 1, "US-OR", null, false).quote().shippingCents()).isEqualTo(599);
    assertThat(quote("AF-LMP-400", 1, "US-TX", null, true).quote().shippingCents()).isZero();
    assertThat(quote("AF-PCK-28", 1, "US-TX", null, false).quote().shippingCents()).isZero();
  }

  @Test
  @DisplayName("Expedited $14.99 and overnight $29.99, whatever the amount; overnight never to a PO box")
  void fasterServices() {
    assertThat(quote("AF-SOCK-3", 4, "US-NY", ShippingMethod.EXPEDITED, true).quote().shippingCents()).isEqualTo(1499);
    assertThat(quote("AF-SOCK-3", 4, "US-NY", ShippingMethod.OVERNIGHT, false).quote().shippingCents())
        .isEqualTo(2999);
    assertThat(OrderPricing.quote(lines("AF-SOCK-3", 1), to("US-CO"), ShippingMethod.OVERNIGHT, true, false)
        .refusal()).isEqualTo(Refusal.OVERNIGHT_PO_BOX);
  }

  @Test
  @DisplayName("Alaska and Hawaii: standard only, flat $12.99 without a free threshold")
  void alaskaHawaii() {
    assertThat(quote("AF-TNT-2P", 1, "US-AK", null, false).quote().shippingCents()).isEqualTo(1299);
    assertThat(quote("AF-TNT-2P", 1, "US-HI", null, true).quote().shippingCents()).isEqualTo(1299);
    assertThat(quote("AF-TNT-2P", 1, "US-HI", ShippingMethod.EXPEDITED, false).refusal())
        .isEqualTo(Refusal.ALASKA_HAWAII_SPEED);
  }

  @Test
  @DisplayName("Canada $14.99, free from $150; UK, EU, Australia, Japan flat $29.99")
  void international() {
    assertThat(quote("AF-SOCK-3", 3, "CA", null, false).quote().shippingCents()).isEqualTo(1499);
    assertThat(quote("AF-SOCK-3", 4, "CA", null, false).quote().shippingCents()).isZero();
    assertThat(quote("AF-TNT-2P", 1, "GB", null, true).quote().shippingCents()).isEqualTo(2999);
    assertThat(quote("AF-TNT-2P", 1, "JP", null, false).quote().shippingCents()).isEqualTo(2999);
    assertThat(quote("AF-TNT-2P", 1, "DE", ShippingMethod.OVERNIGHT, false).refusal())
        .isEqualTo(Refusal.INTERNATIONAL_SPEED);
  }

  @Test
  @DisplayName("Fuel canisters: ground within the contiguous US only")
  void fuel() {
    assertThat(quote("AF-FUEL-230", 2, "US-HI", null, false).refusal()).isEqualTo(Refusal.HAZARDOUS_DESTINATION);
    assertThat(quote("AF-FUEL-230", 2, "US-AK", null, false).refusal()).isEqualTo(Refusal.HAZARDOUS_DESTINATION);
    assertThat(quote("AF-FUEL-230", 2, "CA", null, false).refusal()).isEqualTo(Refusal.HAZARDOUS_DESTINATION);
    assertThat(quote("AF-FUEL-230", 2, "US-OH", ShippingMethod.OVERNIGHT, false).refusal())
        .isEqualTo(Refusal.HAZARDOUS_SPEED);
    assertThat(quote("AF-FUEL-230", 12, "US-OH", null, false).quote().totalCents()).isEqualTo(9540);
  }

  @Test
  @DisplayName("Cancel and change: within 1 hour and not shipped; backordered cancels any time before shipping")
  void cancelWindow() {
    long now = 10_000_000_000L;
    Order placed = order(Order.PLACED, now - 59 * 60_000L);
    assertThat(OrderPolicy.cancel(placed, now)).isEqualTo(OrderPolicy.Verdict.ALLOWED);
    assertThat(OrderPolicy.minutesLeft(placed, now)).isEqualTo(1);
    assertThat(OrderPolicy.cancel(order(Order.PLACED, now - 61 * 60_000L), now))
        .isEqualTo(OrderPolicy.Verdict.TOO_LATE);
    assertThat(OrderPolicy.cancel(order(Order.BACKORDERED, now - 5 * 86_400_000L), now))
        .isEqualTo(OrderPolicy.Verdict.ALLOWED);
    assertThat(OrderPolicy.change(order(Order.BACKORDERED, now - 5 * 86_400_000L), now))
        .isEqualTo(OrderPolicy.Verdict.TOO_LATE);
    assertThat(OrderPolicy.cancel(order(Order.SHIPPED, now - 60_000L), now)).isEqualTo(OrderPolicy.Verdict.SHIPPED);
    assertThat(OrderPolicy.change(order(Order.DELIVERED, now), now)).isEqualTo(OrderPolicy.Verdict.DELIVERED);
  }

  @Test
  @DisplayName("Returns: 30 days, 60 for members, deliveries from November 15 to December 24 until January 31")
  void returnWindow() {
    long june1 = LocalDate.of(2025, 6, 1).atStartOfDay(ZoneId.of("America/Los_Angeles")).toInstant().toEpochMilli();
    long dec1 = LocalDate.of(2025, 12, 1).atStartOfDay(ZoneId.of("America/Los_Angeles")).toInstant().toEpochMilli();
    assertThat(ShopCalendar.lastReturnDay(june1, false)).isEqualTo(LocalDate.of(2025, 7, 1));
    assertThat(ShopCalendar.lastReturnDay(june1, true)).isEqualTo(LocalDate.of(2025, 7, 31));
    assertThat(ShopCalendar.lastReturnDay(dec1, false)).isEqualTo(LocalDate.of(2026, 1, 31));
    assertThat(ShopCalendar.lastReturnDay(dec1, true)).isEqualTo(LocalDate.of(2026, 1, 31));
    assertThat(Money.format(145800)).isEqualTo("$1,458.00");
  }

  private static Order order(String status, long placedAt) {
    return new Order("AF-100300", "c-1", status, placedAt, null, null, null, null, null, null,
        ShippingMethod.STANDARD, "US-OR", 9000, 0, 9000, List.of());
  }
}
