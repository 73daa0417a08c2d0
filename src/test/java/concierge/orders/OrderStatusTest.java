package concierge.orders;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class OrderStatusTest {

  private OrdersService orders;

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    OrdersTestBed.deploy(vertx, dir).onComplete(ctx.succeeding(bed -> {
      orders = bed.orders;
      ctx.completeNow();
    }));
  }

  @Test
  @DisplayName("Maya asking about AF-100234 hears it shipped by UPS, with the tracking number and expected date")
  void shippedOrder(VertxTestContext ctx) {
    orders.turn("order_status", "c-1001", "conv-1", "Where is my order AF-100234?")
        .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
          assertThat(answer.handled()).isTrue();
          assertThat(answer.answer()).contains("AF-100234", "shipped", "UPS", "1Z999AA10123456784",
              "1 x Ridgeline 2 Tent", "1 x Lumen 400 Headlamp", "$398.00", "expected to arrive on");
          assertThat(answer.facts()).contains("AF-100234", "1Z999AA10123456784", "$398.00");
          assertThat(answer.facts()).allSatisfy(fact -> assertThat(answer.answer()).contains(fact));
          assertThat(answer.type()).isEqualTo("order_status");
          assertThat(answer.status()).isEqualTo("none");
          assertThat(answer.orderId()).isEqualTo("AF-100234");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Another customer's order is answered exactly like an order that does not exist")
  void otherCustomersOrderLooksMissing(VertxTestContext ctx) {
    Future<OrderAnswer> theirs = orders.turn("order_status", "c-1001", "conv-2", "Where is AF-100237?");
    Future<OrderAnswer> missing = orders.turn("order_status", "c-1001", "conv-2", "Where is AF-999999?");
    Future.all(theirs, missing).onComplete(ctx.succeeding(both -> ctx.verify(() -> {
      String masked = theirs.result().answer().replace("AF-100237", "AF-XXXXXX");
      assertThat(masked).isEqualTo(missing.result().answer().replace("AF-999999", "AF-XXXXXX"));
      assertThat(theirs.result().answer()).doesNotContain("Ridgeline", "January 15", "backordered", "Jordan");
      assertThat(theirs.result().status()).isEqualTo(missing.result().status());
      assertThat(theirs.result().orderId()).isNull();
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("The owner of AF-100237 hears it is backordered and ships January 15")
  void backorderedOrder(VertxTestContext ctx) {
    orders.turn("order_status", "c-1002", "conv-3", "status of af100237")
        .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
          assertThat(answer.answer()).contains("AF-100237", "backordered", "Ridgeline 4 Tent", "January 15", "$499.00");
          assertThat(answer.facts()).contains("January 15");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Without a signed-in customer nothing is revealed and the customer is asked to sign in")
  void anonymous(VertxTestContext ctx) {
    orders.turn("order_status", null, "conv-4", "Where is AF-100234?")
        .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
          assertThat(answer.answer()).contains("sign in").doesNotContain("AF-100234", "UPS", "1Z999");
          assertThat(answer.orderId()).isNull();
          assertThat(answer.facts()).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Order numbers are found in every usual form: af100234, #100234, 100234, AF 100234, order 100235")
  void oddOrderNumbers(VertxTestContext ctx) {
    List<String> messages = List.of("where's af100234", "#100234 status", "is 100234 on its way?",
        "AF 100234 please", "what about order 100235");
    List<Future<OrderAnswer>> answers = messages.stream()
        .map(message -> orders.turn("order_status", "c-1001", "conv-5", message)).toList();
    Future.all(answers).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
      assertThat(answers.stream().map(answer -> answer.result().orderId()).toList())
          .containsExactly("AF-100234", "AF-100234", "AF-100234", "AF-100234", "AF-100235");
      assertThat(answers.get(4).result().answer()).contains("has not shipped yet", "2 x Merino Hiker Socks 3-Pack");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("Without an order number the customer hears their recent orders, newest first")
  void recentOrders(VertxTestContext ctx) {
    orders.turn("order_status", "c-1001", "conv-6", "where are my orders?")
        .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
          String text = answer.answer();
          assertThat(text).contains("AF-100234", "AF-100235", "AF-100236").doesNotContain("AF-100237");
          assertThat(text.indexOf("AF-100235")).isLessThan(text.indexOf("AF-100234"));
          assertThat(text.indexOf("AF-100234")).isLessThan(text.indexOf("AF-100236"));
          ctx.completeNow();
        })));
  }
}
