package concierge.orders;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class OrdersConcurrencyTest {

  private static final int CUSTOMERS = 100;
  private static final int DOUBLE_CONFIRMATIONS = 20;

  @Test
  @Timeout(value = 120, timeUnit = TimeUnit.SECONDS)
  @DisplayName("100 customers placing and confirming at once, 20 of them saying yes twice at the same time: "
      + "every order exactly once, each with its lines and one audit row, no duplicate numbers")
  void manyCustomersAtOnce(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    OrdersTestBed.deploy(vertx, dir)
        .compose(bed -> {
          List<Future<List<OrderAnswer>>> customers = new ArrayList<>();
          for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(placeAndConfirm(bed.orders, i));
          }
          return Future.all(customers).map(all -> customers).compose(results -> verify(ctx, bed, results));
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("The same pending action executed twice at the same moment is done once: one order, one audit row")
  void sameActionTwiceAtOnce(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    OrdersTestBed.deploy(vertx, dir)
        .compose(bed -> bed.orders.turn("order_place", "c-1002", "race", "3 lumen 900 headlamps to Utah")
            .compose(quote -> new PendingActions(bed.db).latest("race", "c-1002"))
            .compose(pending -> {
              ConfirmedActions actions = new ConfirmedActions(bed.db);
              Customer jordan = new Customer("c-1002", "Jordan Lee", "jordan.lee@example.com", false);
              List<Future<Execution>> runs = new ArrayList<>();
              for (int i = 0; i < 4; i++) {
                runs.add(actions.execute(pending.orElseThrow(), jordan, System.currentTimeMillis()));
              }
              return Future.all(runs).map(all -> runs.stream().map(run -> run.result().outcome()).toList());
            })
            .compose(outcomes -> {
              ctx.verify(() -> assertThat(outcomes).containsExactlyInAnyOrder(Execution.Outcome.DONE,
                  Execution.Outcome.ALREADY_DONE, Execution.Outcome.ALREADY_DONE, Execution.Outcome.ALREADY_DONE));
              return Future.all(bed.count("SELECT COUNT(*) FROM orders WHERE customer_id = 'c-1002'"),
                  bed.count("SELECT COUNT(*) FROM order_audit WHERE action = 'placed'"));
            }))
        .onComplete(ctx.succeeding(counts -> ctx.verify(() -> {
          assertThat(counts.<Long>resultAt(0)).isEqualTo(2L);
          assertThat(counts.<Long>resultAt(1)).isEqualTo(1L);
          ctx.completeNow();
        })));
  }

  /** One customer: a quote, then one yes, or two yeses sent together for the first 20. */
  private static Future<List<OrderAnswer>> placeAndConfirm(OrdersService orders, int i) {
    String customer = String.format("c-%04d", 5000 + i);
    String conversation = "load-" + i;
    return orders.turn("order_place", customer, conversation, (1 + i % 3) + " merino socks to Oregon")
        .compose(quote -> {
          if (!OrderAnswer.NEEDS_CONFIRMATION.equals(quote.status())) {
            return Future.failedFuture("no quote for " + customer + ": " + quote.answer());
          }
          Future<OrderAnswer> first = orders.confirm(customer, conversation, "yes");
          if (i >= DOUBLE_CONFIRMATIONS) {
            return first.map(List::of);
          }
          Future<OrderAnswer> second = orders.confirm(customer, conversation, "yes");
          return Future.all(first, second).map(both -> List.of(first.result(), second.result()));
        });
  }

  private static Future<Void> verify(VertxTestContext ctx, OrdersTestBed bed, List<Future<List<OrderAnswer>>> results) {
    List<String> placed = new ArrayList<>();
    int alreadyDone = 0;
    for (Future<List<OrderAnswer>> customer : results) {
      List<OrderAnswer> answers = customer.result();
      long done = answers.stream().filter(a -> a.answer() != null && a.answer().startsWith("Done")).count();
      ctx.verify(() -> assertThat(done).isEqualTo(1));
      answers.forEach(answer -> ctx.verify(() -> assertThat(answer.status()).isEqualTo("done")));
      answers.stream().filter(a -> a.answer().startsWith("Done")).forEach(a -> placed.add(a.orderId()));
      alreadyDone += (int) answers.stream().filter(a -> a.answer().startsWith("That's already done")).count();
    }
    int repeats = alreadyDone;
    ctx.verify(() -> {
      assertThat(placed).hasSize(CUSTOMERS);
      assertThat(new HashSet<>(placed)).hasSize(CUSTOMERS);
      assertThat(repeats).isEqualTo(DOUBLE_CONFIRMATIONS);
    });
    return Future.all(
            bed.count("SELECT COUNT(*) FROM orders WHERE customer_id LIKE 'c-5%'"),
            bed.count("SELECT COUNT(DISTINCT customer_id) FROM orders WHERE customer_id LIKE 'c-5%'"),
            bed.count("SELECT COUNT(*) FROM order_audit WHERE customer_id LIKE 'c-5%' AND action = 'placed'"),
            bed.count("SELECT COUNT(*) FROM orders o WHERE customer_id LIKE 'c-5%' AND NOT EXISTS "
                + "(SELECT 1 FROM order_lines l WHERE l.order_id = o.id)"),
            bed.count("SELECT COUNT(*) FROM orders o WHERE customer_id LIKE 'c-5%' AND (SELECT COUNT(*) FROM "
                + "order_audit a WHERE a.order_id = o.id) <> 1"),
            bed.count("SELECT COUNT(*) FROM pending_actions WHERE customer_id LIKE 'c-5%' AND status = 'done'"))
        .map(counts -> {
          ctx.verify(() -> {
            assertThat(counts.<Long>resultAt(0)).isEqualTo(CUSTOMERS);
            assertThat(counts.<Long>resultAt(1)).isEqualTo(CUSTOMERS);
            assertThat(counts.<Long>resultAt(2)).isEqualTo(CUSTOMERS);
            assertThat(counts.<Long>resultAt(3)).isZero();
            assertThat(counts.<Long>resultAt(4)).isZero();
            assertThat(counts.<Long>resultAt(5)).isEqualTo(CUSTOMERS);
          });
          return null;
        });
  }
}
