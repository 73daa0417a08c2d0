package concierge.orders;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class OrderPlaceTest {

  private OrdersTestBed bed;
  private OrdersService orders;

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    OrdersTestBed.deploy(vertx, dir).onComplete(ctx.succeeding(deployed -> {
      bed = deployed;
      orders = deployed.orders;
      ctx.completeNow();
    }));
  }

  @Test
  @DisplayName("Jordan orders 2 sock 3-packs to Oregon: $90.00, free standard shipping over $75, placed on yes")
  void placeSocks(VertxTestContext ctx) {
    orders.turn("order_place", "c-1002", "conv-p1", "I want 2 Merino Hiker Socks 3-Packs shipped standard to Oregon")
        .compose(quote -> {
          ctx.verify(() -> {
            assertThat(quote.status()).isEqualTo("needs_confirmation");
            assertThat(quote.type()).isEqualTo("order_place");
            assertThat(quote.orderId()).isNull();
            assertThat(quote.answer()).contains("2 x Merino Hiker Socks 3-Pack at $45.00 each = $90.00",
                "Standard shipping to Oregon", "free on orders of $75 or more", "Total: $90.00", "yes");
            assertThat(quote.facts()).contains("2", "$45.00", "$90.00", "$75");
            assertThat(quote.facts()).allSatisfy(fact -> assertThat(quote.answer()).contains(fact));
          });
          return orders.confirm("c-1002", "conv-p1", "Yes please");
        })
        .compose(done -> {
          ctx.verify(() -> {
            assertThat(done.status()).isEqualTo("done");
            assertThat(done.orderId()).isEqualTo("AF-100238");
            assertThat(done.answer()).contains("AF-100238", "2 x Merino Hiker Socks 3-Pack", "$90.00");
          });
          return Future.all(
              bed.rows("SELECT customer_id, status, subtotal_cents, shipping_cents, total_cents, destination, "
                  + "shipping_method FROM orders WHERE id = 'AF-100238'"),
              bed.rows("SELECT sku, quantity, unit_price_cents FROM order_lines WHERE order_id = 'AF-100238'"),
              bed.count("SELECT COUNT(*) FROM order_audit WHERE order_id = 'AF-100238' AND action = 'placed'"));
        })
        .onComplete(ctx.succeeding(stored -> ctx.verify(() -> {
          Row order = stored.<List<Row>>resultAt(0).get(0);
          assertThat(order.getString("customer_id")).isEqualTo("c-1002");
          assertThat(order.getString("status")).isEqualTo("placed");
          assertThat(order.getLong("subtotal_cents")).isEqualTo(9000L);
          assertThat(order.getLong("shipping_cents")).isZero();
          assertThat(order.getLong("total_cents")).isEqualTo(9000L);
          assertThat(order.getString("destination")).isEqualTo("US-OR");
          assertThat(order.getString("shipping_method")).isEqualTo("standard");
          Row line = stored.<List<Row>>resultAt(1).get(0);
          assertThat(line.getString("sku")).isEqualTo("AF-SOCK-3");
          assertThat(line.getLong("quantity")).isEqualTo(2L);
          assertThat(line.getLong("unit_price_cents")).isEqualTo(4500L);
          assertThat(stored.<Long>resultAt(2)).isEqualTo(1L);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Under $75 a non-member pays $5.99 standard shipping; a Trailhead Club member pays none")
  void shippingUnderThreshold(VertxTestContext ctx) {
    Future<OrderAnswer> jordan = orders.turn("order_place", "c-1002", "conv-p2", "a lumen 400 headlamp to Texas");
    Future<OrderAnswer> maya = orders.turn("order_place", "c-1001", "conv-p3", "a lumen 400 headlamp to Texas");
    Future.all(jordan, maya).onComplete(ctx.succeeding(both -> ctx.verify(() -> {
      assertThat(jordan.result().answer()).contains("$49.00", "$5.99", "Total: $54.99", "used standard");
      assertThat(maya.result().answer()).contains("free for Trailhead Club members", "Total: $49.00");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("A fuel canister to Hawaii is refused with the rule: ground within the contiguous US only")
  void fuelToHawaii(VertxTestContext ctx) {
    orders.turn("order_place", "c-1001", "conv-p4", "2 isobutane fuel canisters to Honolulu, Hawaii")
        .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
          assertThat(answer.status()).isEqualTo("refused");
          assertThat(answer.answer()).contains("Isobutane Fuel Canister 230 g", "Hawaii",
              "ship by ground within the contiguous US only");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Quantities 0 and -1 are refused clearly; 10,000 goes to corporate sales; a dozen is 12")
  void quantities(VertxTestContext ctx) {
    Future<OrderAnswer> zero = orders.turn("order_place", "c-1001", "conv-p5", "0 merino socks to Oregon");
    Future<OrderAnswer> negative = orders.turn("order_place", "c-1001", "conv-p6", "-1 merino socks to Oregon");
    Future<OrderAnswer> bulk = orders.turn("order_place", "c-1001", "conv-p7", "10,000 merino socks to Oregon");
    Future<OrderAnswer> dozen = orders.turn("order_place", "c-1002", "conv-p8", "a dozen fuel canisters to Ohio");
    Future.all(zero, negative, bulk, dozen).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
      assertThat(zero.result().answer()).contains("at least 1", "you asked for 0");
      assertThat(zero.result().status()).isEqualTo("none");
      assertThat(negative.result().answer()).contains("at least 1", "you asked for -1");
      assertThat(bulk.result().answer()).contains("corporate@alderfinch.example", "10%", "20 or more", "10000");
      assertThat(bulk.result().status()).isEqualTo("refused");
      assertThat(dozen.result().answer()).contains("12 x Isobutane Fuel Canister 230 g at $7.95 each = $95.40",
          "Total: $95.40");
      assertThat(dozen.result().status()).isEqualTo("needs_confirmation");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("An unknown product, SQL-looking text and a vague product get questions, and every table is intact")
  void unknownAndHostileText(VertxTestContext ctx) {
    Future<OrderAnswer> kayak = orders.turn("order_place", "c-1001", "conv-p9", "a kayak to Oregon please");
    Future<OrderAnswer> sql = orders.turn("order_place", "c-1001", "conv-p10",
        "'; DROP TABLE orders; -- and 1 OR 1=1");
    Future<OrderAnswer> tent = orders.turn("order_place", "c-1001", "conv-p11", "a tent to Oregon");
    Future.all(kayak, sql, tent)
        .compose(all -> {
          ctx.verify(() -> {
            assertThat(kayak.result().answer()).contains("couldn't find that product");
            assertThat(kayak.result().status()).isEqualTo("none");
            assertThat(sql.result().answer()).contains("couldn't find that product");
            assertThat(tent.result().answer()).contains("Which one do you mean", "Ridgeline 2 Tent ($349.00)",
                "Ridgeline 4 Tent ($499.00)", "Solo Arc 1 Ultralight Tent", "Kestrel Polar 2 Four-Season Tent");
          });
          return Future.all(bed.count("SELECT COUNT(*) FROM orders"), bed.count("SELECT COUNT(*) FROM products"),
              bed.count("SELECT COUNT(*) FROM pending_actions"));
        })
        .onComplete(ctx.succeeding(counts -> ctx.verify(() -> {
          assertThat(counts.<Long>resultAt(0)).isEqualTo(4L);
          assertThat(counts.<Long>resultAt(1)).isEqualTo(30L);
          assertThat(counts.<Long>resultAt(2)).isZero();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Missing size and destination are asked for; Mexico is refused; the jacket with size is quoted")
  void missingDetails(VertxTestContext ctx) {
    Future<OrderAnswer> noSize = orders.turn("order_place", "c-1002", "conv-p12", "I'd like the Stormline rain jacket");
    Future<OrderAnswer> noPlace = orders.turn("order_place", "c-1002", "conv-p13", "2 basecamp fleece");
    Future<OrderAnswer> mexico = orders.turn("order_place", "c-1002", "conv-p14", "a basecamp fleece to Mexico");
    Future<OrderAnswer> twoPacks = orders.turn("order_place", "c-1002", "conv-p17",
        "I'd like two 3-packs of the merino hiker socks, standard shipping to Portland, OR");
    Future<OrderAnswer> oneFleece = orders.turn("order_place", "c-1002", "conv-p16", "buy 1 basecamp fleece, expedited pls");
    Future<OrderAnswer> sized = orders.turn("order_place", "c-1002", "conv-p15",
        "Stormline rain jacket in women's M, overnight to Denver, Colorado");
    Future.all(List.of(noSize, noPlace, mexico, sized, oneFleece, twoPacks)).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
      assertThat(noSize.result().answer()).contains("men's or women's", "XS to XXL");
      assertThat(noSize.result().status()).isEqualTo("none");
      assertThat(noPlace.result().answer()).isEqualTo("2 x Basecamp Fleece at $69.00 each. Standard shipping within "
          + "the contiguous US is free, for a total of $138.00. Where should the order ship? We ship to US states, "
          + "Canada, the United Kingdom, EU countries, Australia and Japan.");
      assertThat(twoPacks.result().answer()).contains("2 x Merino Hiker Socks 3-Pack at $45.00 each = $90.00");
      assertThat(oneFleece.result().answer()).contains("Basecamp Fleece at $69.00. Expedited shipping within the "
          + "contiguous US is $14.99, for a total of $83.99. Where should the order ship?");
      assertThat(mexico.result().answer()).contains("don't ship to Mexico or South America");
      assertThat(mexico.result().status()).isEqualTo("refused");
      assertThat(sized.result().answer()).contains("1 x Stormline Rain Jacket (women's M) at $179.00",
          "Overnight shipping to Colorado", "$29.99", "Total: $208.99");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("A digital gift card needs an amount from $25 to $500 and no address; it is placed on yes")
  void giftCard(VertxTestContext ctx) {
    orders.turn("order_place", "c-1002", "conv-p16", "I'd like a gift card")
        .compose(noAmount -> {
          ctx.verify(() -> assertThat(noAmount.answer()).contains("$25.00", "$500.00", "which amount"));
          return orders.turn("order_place", "c-1002", "conv-p16", "a $50 gift card please");
        })
        .compose(quote -> {
          ctx.verify(() -> assertThat(quote.answer()).contains("1 x Alder & Finch Digital Gift Card at $50.00",
              "delivered by email", "Total: $50.00"));
          return orders.confirm("c-1002", "conv-p16", "yes");
        })
        .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
          assertThat(done.status()).isEqualTo("done");
          assertThat(done.answer()).contains("$50.00");
          ctx.completeNow();
        })));
  }
}
