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
class OrderChangeTest {

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

  private Future<String> placed(String customer, String conversation, String message) {
    return orders.turn("order_place", customer, conversation, message)
        .compose(quote -> orders.confirm(customer, conversation, "yes"))
        .map(OrderAnswer::orderId);
  }

  @Test
  @DisplayName("The size of a fresh order is changed from women's M to women's L after an explicit yes")
  void changeSize(VertxTestContext ctx) {
    placed("c-1002", "conv-s1", "a Stormline rain jacket, women's M, to Oregon")
        .compose(orderId -> {
          ctx.verify(() -> assertThat(orderId).isEqualTo("AF-100238"));
          return orders.turn("order_change", "c-1002", "conv-s1", "Can you change the size on AF-100238 to L?");
        })
        .compose(question -> {
          ctx.verify(() -> {
            assertThat(question.status()).isEqualTo("needs_confirmation");
            assertThat(question.orderId()).isEqualTo("AF-100238");
            assertThat(question.answer()).contains("size of the Stormline Rain Jacket from women's M to women's L",
                "1 x Stormline Rain Jacket (women's L)", "New total: $179.00");
          });
          return orders.confirm("c-1002", "conv-s1", "yes, do it");
        })
        .compose(done -> {
          ctx.verify(() -> {
            assertThat(done.status()).isEqualTo("done");
            assertThat(done.answer()).contains("AF-100238", "women's L");
          });
          return Future.all(bed.rows("SELECT option_value, quantity FROM order_lines WHERE order_id = 'AF-100238'"),
              bed.rows("SELECT action FROM order_audit WHERE order_id = 'AF-100238' ORDER BY id"));
        })
        .onComplete(ctx.succeeding(stored -> ctx.verify(() -> {
          List<Row> lines = stored.resultAt(0);
          assertThat(lines).hasSize(1);
          assertThat(lines.get(0).getString("option_value")).isEqualTo("women's L");
          List<Row> audit = stored.resultAt(1);
          assertThat(audit.stream().map(row -> row.getString("action")).toList()).containsExactly("placed", "changed");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Changing the destination and the shipping method re-prices the order")
  void changeAddressAndMethod(VertxTestContext ctx) {
    placed("c-1002", "conv-s2", "a lumen 400 headlamp to Oregon")
        .compose(orderId -> orders.turn("order_change", "c-1002", "conv-s2",
            "please ship " + orderId + " to Toronto, Canada instead"))
        .compose(question -> {
          ctx.verify(() -> assertThat(question.answer()).contains("ship to Canada instead of Oregon", "$14.99",
              "New total: $63.99 (was $54.99)"));
          return orders.turn("order_change", "c-1002", "conv-s2", "actually just upgrade AF-100238 to expedited");
        })
        .compose(question -> {
          ctx.verify(() -> assertThat(question.answer()).contains("shipping method from standard to expedited",
              "$14.99", "New total: $63.99"));
          return orders.confirm("c-1002", "conv-s2", "confirm");
        })
        .compose(done -> bed.rows("SELECT shipping_method, destination, total_cents FROM orders WHERE id = 'AF-100238'"))
        .onComplete(ctx.succeeding(rows -> ctx.verify(() -> {
          assertThat(rows.get(0).getString("shipping_method")).isEqualTo("expedited");
          assertThat(rows.get(0).getString("destination")).isEqualTo("US-OR");
          assertThat(rows.get(0).getLong("total_cents")).isEqualTo(6399L);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Items can be added and removed on a fresh order")
  void changeItems(VertxTestContext ctx) {
    placed("c-1002", "conv-s3", "2 merino socks and a lumen 400 headlamp to Oregon")
        .compose(orderId -> orders.turn("order_change", "c-1002", "conv-s3",
            "remove the headlamp from my order and add a basecamp fleece"))
        .compose(question -> {
          ctx.verify(() -> assertThat(question.answer()).contains("remove the Lumen 400 Headlamp",
              "add 1 x Basecamp Fleece", "2 x Merino Hiker Socks 3-Pack", "1 x Basecamp Fleece at $69.00",
              "New total: $159.00 (was $139.00)"));
          return orders.confirm("c-1002", "conv-s3", "yep");
        })
        .compose(done -> bed.rows("SELECT sku, quantity FROM order_lines WHERE order_id = 'AF-100238' ORDER BY line_no"))
        .onComplete(ctx.succeeding(rows -> ctx.verify(() -> {
          assertThat(rows.stream().map(row -> row.getString("sku") + " x" + row.getLong("quantity")).toList())
              .containsExactly("AF-SOCK-3 x2", "AF-FLC-100 x1");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("A delivered order cannot be changed; the answer gives the return window")
  void deliveredIsRefused(VertxTestContext ctx) {
    orders.turn("order_change", "c-1001", "conv-s4", "change the size on AF-100236 to L")
        .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
          assertThat(answer.status()).isEqualTo("refused");
          assertThat(answer.answer()).contains("AF-100236", "was delivered on", "can't be changed", "return");
          ctx.completeNow();
        })));
  }
}
