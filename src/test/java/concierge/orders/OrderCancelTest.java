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
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class OrderCancelTest {

  private static final String AUDITS = "SELECT COUNT(*) FROM order_audit WHERE order_id = ? AND action = 'cancelled'";
  private static final String STATUS = "SELECT status FROM orders WHERE id = ?";

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
  @DisplayName("Cancelling AF-100235 asks for a yes, the yes cancels it with one audit row, a second yes does nothing more")
  void cancelWithConfirmation(VertxTestContext ctx) {
    orders.turn("order_cancel", "c-1001", "conv-c1", "Please cancel AF-100235")
        .compose(question -> {
          ctx.verify(() -> {
            assertThat(question.status()).isEqualTo("needs_confirmation");
            assertThat(question.type()).isEqualTo("order_cancel");
            assertThat(question.orderId()).isEqualTo("AF-100235");
            assertThat(question.answer()).contains("AF-100235", "2 x Merino Hiker Socks 3-Pack", "$90.00", "yes");
          });
          return bed.rows(STATUS, "AF-100235");
        })
        .compose(before -> {
          ctx.verify(() -> assertThat(before.get(0).getString("status")).isEqualTo("placed"));
          return orders.confirm("c-1001", "conv-c1", "yes");
        })
        .compose(done -> {
          ctx.verify(() -> {
            assertThat(done.handled()).isTrue();
            assertThat(done.status()).isEqualTo("done");
            assertThat(done.orderId()).isEqualTo("AF-100235");
            assertThat(done.answer()).contains("AF-100235", "cancelled");
          });
          return orders.confirm("c-1001", "conv-c1", "yes");
        })
        .compose(again -> {
          ctx.verify(() -> {
            assertThat(again.answer()).contains("already done");
            assertThat(again.status()).isEqualTo("done");
          });
          return Future.all(bed.rows(STATUS, "AF-100235"), bed.count(AUDITS, "AF-100235"));
        })
        .onComplete(ctx.succeeding(after -> ctx.verify(() -> {
          assertThat(after.<java.util.List<io.vertx.sqlclient.Row>>resultAt(0).get(0).getString("status"))
              .isEqualTo("cancelled");
          assertThat(after.<Long>resultAt(1)).isEqualTo(1L);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("A shipped order is not cancelled: the answer says it shipped and offers a return")
  void shippedIsRefused(VertxTestContext ctx) {
    orders.turn("order_cancel", "c-1001", "conv-c2", "cancel order AF-100234")
        .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
          assertThat(answer.status()).isEqualTo("refused");
          assertThat(answer.answer()).contains("AF-100234", "already shipped", "1Z999AA10123456784", "return",
              "60 days");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("A delivered order is not cancelled: the answer gives the return window")
  void deliveredIsRefused(VertxTestContext ctx) {
    orders.turn("order_cancel", "c-1001", "conv-c3", "cancel AF-100236")
        .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
          assertThat(answer.status()).isEqualTo("refused");
          assertThat(answer.answer()).contains("AF-100236", "was delivered on", "return", "until", "60 days");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Without a number, the order holding the item named is the one meant, even when it cannot be cancelled")
  void itemNamesTheOrder(VertxTestContext ctx) {
    orders.turn("order_cancel", "c-1001", "conv-c3b", "cancel the rain jacket order, I don't need it anymore")
        .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
          assertThat(answer.orderId()).isEqualTo("AF-100236");
          assertThat(answer.status()).isEqualTo("refused");
          assertThat(answer.answer()).contains("AF-100236", "was delivered on", "return").doesNotContain("AF-100235");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("A backordered order can be cancelled at any time before it ships")
  void backorderedCanBeCancelled(VertxTestContext ctx) {
    orders.turn("order_cancel", "c-1002", "conv-c4", "cancel my order 100237")
        .compose(question -> {
          ctx.verify(() -> assertThat(question.status()).isEqualTo("needs_confirmation"));
          return orders.confirm("c-1002", "conv-c4", "Yes please");
        })
        .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
          assertThat(done.status()).isEqualTo("done");
          assertThat(done.answer()).contains("AF-100237", "cancelled");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("A no answers that nothing was changed, and the order stays as it was")
  void noCancelsTheProposal(VertxTestContext ctx) {
    orders.turn("order_cancel", "c-1001", "conv-c5", "cancel AF-100235")
        .compose(question -> orders.confirm("c-1001", "conv-c5", "no"))
        .compose(no -> {
          ctx.verify(() -> {
            assertThat(no.handled()).isTrue();
            assertThat(no.answer()).isEqualTo("OK, nothing was changed.");
            assertThat(no.status()).isEqualTo("none");
          });
          return orders.confirm("c-1001", "conv-c5", "yes");
        })
        .compose(lateYes -> {
          ctx.verify(() -> assertThat(lateYes.handled()).isFalse());
          return bed.rows(STATUS, "AF-100235");
        })
        .onComplete(ctx.succeeding(rows -> ctx.verify(() -> {
          assertThat(rows.get(0).getString("status")).isEqualTo("placed");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("A different message withdraws the proposal and is left to the agent to answer")
  void otherMessageWithdraws(VertxTestContext ctx) {
    orders.turn("order_cancel", "c-1001", "conv-c6", "cancel AF-100235")
        .compose(question -> orders.confirm("c-1001", "conv-c6", "what is your return policy?"))
        .compose(other -> {
          ctx.verify(() -> assertThat(other.handled()).isFalse());
          return orders.confirm("c-1001", "conv-c6", "yes");
        })
        .compose(yes -> {
          ctx.verify(() -> assertThat(yes.handled()).isFalse());
          return bed.count("SELECT COUNT(*) FROM pending_actions WHERE conversation_id = ? AND status = 'cancelled'",
              "conv-c6");
        })
        .onComplete(ctx.succeeding(withdrawn -> ctx.verify(() -> {
          assertThat(withdrawn).isEqualTo(1L);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("A yes from another conversation or another customer does nothing; the owner's yes still works")
  void yesFromElsewhereDoesNothing(VertxTestContext ctx) {
    orders.turn("order_cancel", "c-1001", "conv-c7", "cancel AF-100235")
        .compose(question -> orders.confirm("c-1001", "conv-other", "yes"))
        .compose(otherConversation -> {
          ctx.verify(() -> assertThat(otherConversation.handled()).isFalse());
          return orders.confirm("c-1002", "conv-c7", "yes");
        })
        .compose(otherCustomer -> {
          ctx.verify(() -> assertThat(otherCustomer.handled()).isFalse());
          return Future.all(bed.rows(STATUS, "AF-100235"), bed.count(AUDITS, "AF-100235"));
        })
        .compose(untouched -> {
          ctx.verify(() -> {
            assertThat(untouched.<java.util.List<io.vertx.sqlclient.Row>>resultAt(0).get(0).getString("status"))
                .isEqualTo("placed");
            assertThat(untouched.<Long>resultAt(1)).isZero();
          });
          return orders.confirm("c-1001", "conv-c7", "go ahead");
        })
        .onComplete(ctx.succeeding(owner -> ctx.verify(() -> {
          assertThat(owner.status()).isEqualTo("done");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("An order that ships between the question and the yes is refused at execution, nothing written")
  void shippedMeanwhile(VertxTestContext ctx) {
    orders.turn("order_cancel", "c-1001", "conv-c8", "cancel AF-100235")
        .compose(question -> bed.update("UPDATE orders SET status = 'shipped', shipped_at = 1, carrier = 'UPS', "
            + "tracking = '1ZTEST' WHERE id = 'AF-100235'"))
        .compose(shipped -> orders.confirm("c-1001", "conv-c8", "yes"))
        .compose(answer -> {
          ctx.verify(() -> {
            assertThat(answer.status()).isEqualTo("refused");
            assertThat(answer.answer()).contains("already shipped", "return");
          });
          return Future.all(bed.rows(STATUS, "AF-100235"), bed.count(AUDITS, "AF-100235"),
              bed.count("SELECT COUNT(*) FROM pending_actions WHERE conversation_id = ? AND status = 'cancelled'",
                  "conv-c8"));
        })
        .onComplete(ctx.succeeding(after -> ctx.verify(() -> {
          assertThat(after.<java.util.List<io.vertx.sqlclient.Row>>resultAt(0).get(0).getString("status"))
              .isEqualTo("shipped");
          assertThat(after.<Long>resultAt(1)).isZero();
          assertThat(after.<Long>resultAt(2)).isEqualTo(1L);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("More than 1 hour after it was placed, an order that has not shipped can no longer be cancelled")
  void oneHourRule(Vertx vertx, VertxTestContext ctx, @TempDir Path later) {
    Clock inAnHour = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(55));
    vertx.undeploy(bed.deploymentId)
        .compose(undeployed -> OrdersTestBed.deploy(vertx, later, inAnHour))
        .compose(deployed -> deployed.orders.turn("order_cancel", "c-1001", "conv-c9", "cancel AF-100235"))
        .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
          assertThat(answer.status()).isEqualTo("refused");
          assertThat(answer.answer()).contains("more than 1 hour ago", "within 1 hour of being placed");
          ctx.completeNow();
        })));
  }
}
