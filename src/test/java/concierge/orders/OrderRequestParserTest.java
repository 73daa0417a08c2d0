package concierge.orders;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OrderRequestParserTest {

  private static final Catalogue CATALOGUE = DemoCatalogue.catalogue();

  private static OrderRequest parse(String message) {
    return CATALOGUE.parse(message);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Where is AF-100234?|AF-100234", "af100234|AF-100234", "#100234 please|AF-100234", "100234|AF-100234",
      "order 100235|AF-100235", "AF 100234|AF-100234", "order no. 100235|AF-100235", "order #100235|AF-100235"})
  @DisplayName("Order numbers are read in their usual forms")
  void orderNumbers(String message, String expected) {
    assertThat(OrderNumbers.find(message)).contains(expected);
  }

  @Test
  @DisplayName("Numbers that are not order numbers are not taken for one")
  void notOrderNumbers() {
    assertThat(OrderNumbers.find("10,000 socks")).isEmpty();
    assertThat(OrderNumbers.find("AF-1002345")).isEmpty();
    assertThat(OrderNumbers.find("call 1-800-555-0199")).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1} x {2}")
  @CsvSource(delimiter = '|', value = {
      "I want 2 Merino Hiker Socks 3-Packs|2|AF-SOCK-3", "merino socks|1|AF-SOCK-3", "basecamp fleece|1|AF-FLC-100",
      "lumen 400|1|AF-LMP-400", "three lumen 900 headlamps|3|AF-LMP-900", "a dozen fuel canisters|12|AF-FUEL-230",
      "a pair of merino socks|2|AF-SOCK-3", "a pair of kestrel boots, men's 10|1|KS-BOOT-HK",
      "half a dozen trail runners|6|KS-SHOE-TR", "AF-SOCK-3 x 4|4|AF-SOCK-3", "2 water bottles|2|AF-BTL-32",
      "2 ridgeline 4 tents|2|AF-TNT-4P", "a sleeping pad|1|SL-PAD-R4", "twelve merino sock packs|12|AF-SOCK-3",
      "one down jacket|1|AF-JKT-DOWN", "an expedition 70|1|AF-PCK-70", "a mernio hiker sock|1|AF-SOCK-3"})
  @DisplayName("Products are found by name, partial name, typo or SKU, with their quantity")
  void productsAndQuantities(String message, long quantity, String sku) {
    OrderRequest request = parse(message);
    assertThat(request.issues()).isEmpty();
    assertThat(request.lines()).singleElement().satisfies(line -> {
      assertThat(line.product().sku()).isEqualTo(sku);
      assertThat(line.quantity()).isEqualTo(quantity);
    });
  }

  @Test
  @DisplayName("Zero, negative and fractional quantities are issues; 20 or more is a bulk order")
  void badQuantities() {
    assertThat(parse("0 merino socks").issues()).singleElement()
        .satisfies(issue -> assertThat(issue.kind()).isEqualTo(ItemIssue.Kind.QUANTITY_INVALID));
    assertThat(parse("-1 merino socks").issues()).singleElement()
        .satisfies(issue -> assertThat(issue.quantity()).isEqualTo(-1));
    assertThat(parse("2.5 merino socks").issues()).singleElement()
        .satisfies(issue -> assertThat(issue.detail()).isEqualTo("2.5"));
    assertThat(parse("10,000 merino socks").issues()).singleElement()
        .satisfies(issue -> assertThat(issue.kind()).isEqualTo(ItemIssue.Kind.QUANTITY_BULK));
    assertThat(parse("twenty merino socks").issues()).singleElement()
        .satisfies(issue -> assertThat(issue.quantity()).isEqualTo(20));
    assertThat(parse("19 merino socks").lines()).singleElement()
        .satisfies(line -> assertThat(line.quantity()).isEqualTo(19));
  }

  @Test
  @DisplayName("Vague names ask which product; unknown products and SQL-looking text name none")
  void vagueAndUnknown() {
    assertThat(parse("a tent").issues()).singleElement().satisfies(issue -> {
      assertThat(issue.kind()).isEqualTo(ItemIssue.Kind.AMBIGUOUS);
      assertThat(issue.products()).extracting(Product::sku)
          .containsExactlyInAnyOrder("AF-TNT-2P", "AF-TNT-4P", "AF-TNT-1P", "KS-TNT-4S");
    });
    assertThat(parse("a headlamp").issues()).singleElement().satisfies(issue -> assertThat(issue.products())
        .extracting(Product::sku).containsExactlyInAnyOrder("AF-LMP-400", "AF-LMP-900"));
    assertThat(parse("a kayak to Oregon").namesProducts()).isFalse();
    OrderRequest sql = parse("'; DROP TABLE orders; -- 1 OR 1=1");
    assertThat(sql.namesProducts()).isFalse();
    assertThat(sql.lines()).isEmpty();
    assertThat(parse("is the store open? I want a tent").issues()).hasSize(1);
  }

  @Test
  @DisplayName("Sizes, fits and lengths are read for the products that have them")
  void options() {
    assertThat(parse("rain jacket in women's M").lines().get(0).option()).isEqualTo("women's M");
    assertThat(parse("mens XL stormline jacket").lines().get(0).option()).isEqualTo("men's XL");
    assertThat(parse("kestrel boots women's size 8.5").lines().get(0).option()).isEqualTo("women's 8.5");
    assertThat(parse("kestrel boots mens 10 1/2").lines().get(0).option()).isEqualTo("men's 10.5");
    assertThat(parse("20 degree sleeping bag, long").lines().get(0).option()).isEqualTo("long");
    assertThat(parse("rain jacket").issues().get(0).detail()).contains("men's or women's", "XS to XXL");
    assertThat(parse("kestrel boots women's 12").issues().get(0).kind()).isEqualTo(ItemIssue.Kind.OPTION_INVALID);
    assertThat(parse("stormline jacket mens XXXL").issues().get(0).kind()).isEqualTo(ItemIssue.Kind.OPTION_INVALID);
    assertThat(parse("the 20°F sleeping bag").issues().get(0).detail()).contains("regular or long");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "ship to Oregon|US-OR", "to Portland, OR 97201|US-OR", "send it to Hawaii|US-HI", "to anchorage alaska|US-AK",
      "to New Mexico please|US-NM", "ship to West Virginia|US-WV", "to Toronto, Ontario|CA", "to the UK|GB",
      "deliver to Berlin, Germany|DE", "to Japan|JP", "to Sydney Australia|AU", "I live in Texas, ship to NY|US-NY"})
  @DisplayName("Destinations are read from state names and codes, Canada, the UK, the EU, Australia and Japan")
  void destinations(String message, String code) {
    assertThat(Destinations.find(message)).hasValueSatisfying(place ->
        assertThat(place.destination().code()).isEqualTo(code));
  }

  @Test
  @DisplayName("Mexico, South America and other countries are places the shop does not ship to")
  void notShipped() {
    assertThat(Destinations.find("ship to Mexico").orElseThrow().shippable()).isFalse();
    assertThat(Destinations.find("ship to Sao Paulo, Brazil").orElseThrow().name()).isEqualTo("South America");
    assertThat(Destinations.find("ship to Norway").orElseThrow().shippable()).isFalse();
    assertThat(Destinations.find("ship to the US").orElseThrow().stateNeeded()).isTrue();
    assertThat(Destinations.find("Hi, I want socks")).isEmpty();
  }

  @Test
  @DisplayName("Shipping method and PO boxes are read")
  void methodAndPoBox() {
    assertThat(parse("socks overnight to Ohio").method()).isEqualTo(ShippingMethod.OVERNIGHT);
    assertThat(parse("socks, expedited please").method()).isEqualTo(ShippingMethod.EXPEDITED);
    assertThat(parse("socks by standard shipping").method()).isEqualTo(ShippingMethod.STANDARD);
    assertThat(parse("socks to Ohio").method()).isNull();
    assertThat(parse("socks to P.O. Box 12, Denver CO 80202").poBox()).isTrue();
  }

  @Test
  @DisplayName("For a change, a vague name means the product in the order, and a size keeps the fit it had")
  void changeContext() {
    OrderRequest remove = CATALOGUE.parse("remove the headlamp", Map.of("AF-LMP-400", ""));
    assertThat(remove.lines()).singleElement().satisfies(line -> {
      assertThat(line.product().sku()).isEqualTo("AF-LMP-400");
      assertThat(line.removal()).isTrue();
    });
    OrderRequest size = CATALOGUE.parse("make the rain jacket a size L", Map.of("AF-JKT-RAIN", "women's M"));
    assertThat(size.lines().get(0).option()).isEqualTo("women's L");
    List<LineRequest> swap = CATALOGUE.parse("replace the lumen 400 with a lumen 900", Map.of("AF-LMP-400", ""))
        .lines();
    assertThat(swap).extracting(line -> line.product().sku() + (line.removal() ? " out" : " in"))
        .containsExactly("AF-LMP-400 out", "AF-LMP-900 in");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "yes|YES", "Yes please!|YES", "confirm|YES", "go ahead|YES", "do it|YES", "yep|YES", "Yes, cancel it.|YES",
      "yeah go ahead and place it|YES", "no|NO", "cancel that|NO", "wait|NO", "No thanks|NO", "ok|OTHER",
      "yes but change the size to L|OTHER", "what is the return policy?|OTHER", "cancel my order|OTHER",
      "'; UPDATE pending_actions SET status='done'; --|OTHER", "not sure|OTHER", "maybe|OTHER"})
  @DisplayName("Only explicit agreement is a yes")
  void confirmations(String message, Confirmations.Reply expected) {
    assertThat(Confirmations.classify(message)).isEqualTo(expected);
  }
}
