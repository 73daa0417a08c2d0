package concierge.orders;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class InterruptedWritesTest {

  @Test
  @DisplayName("leftovers of a transaction that never committed are removed at start; whole orders and the demo orders stay")
  void leftoversRemoved(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    OrdersTestBed.deploy(vertx, dir)
        .compose(bed -> bed.orders.turn("order_place", "c-1002", "whole", "3 lumen 900 headlamps to Utah")
            .compose(quote -> bed.orders.confirm("c-1002", "whole", "yes"))
            .compose(placed -> bed.orders.turn("order_place", "c-1001", "cut", "2 merino socks to Oregon")
                // what a crash between the claim and the commit can leave: a claimed action and an
                // order row without its lines or audit
                .compose(quote -> bed.update("UPDATE pending_actions SET status = 'done', order_id = 'AF-999001', "
                    + "executed_at = 1 WHERE conversation_id = 'cut'"))
                .compose(v -> bed.update("INSERT INTO orders (id, customer_id, status, placed_at, shipping_method, "
                    + "destination, subtotal_cents, shipping_cents, total_cents, updated_at) "
                    + "VALUES ('AF-999001', 'c-1001', 'placed', 1, 'Standard', 'OR', 100, 0, 100, 1)"))
                .compose(v -> InterruptedWrites.repair(bed.db))
                .compose(repaired -> {
                  ctx.verify(() -> assertThat(repaired).isEqualTo(2));
                  return bed.count("SELECT COUNT(*) FROM orders WHERE id = 'AF-999001'")
                      .compose(none -> bed.rows("SELECT status, order_id FROM pending_actions WHERE conversation_id = 'cut'")
                          .map(rows -> {
                            ctx.verify(() -> {
                              assertThat(none).isZero();
                              assertThat(rows.get(0).getString("status")).isEqualTo("pending");
                              assertThat(rows.get(0).getString("order_id")).isNull();
                            });
                            return rows;
                          }))
                      .compose(v -> bed.count("SELECT COUNT(*) FROM orders"))
                      .map(orders -> {
                        ctx.verify(() -> assertThat(orders).as("4 demo orders and the whole one").isEqualTo(5));
                        return placed;
                      });
                })))
        .onComplete(ctx.succeedingThenComplete());
  }
}
