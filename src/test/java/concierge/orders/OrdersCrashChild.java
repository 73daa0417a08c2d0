package concierge.orders;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process OrdersCrashIT kills: deploys only the orders verticle on the given data folder and
 * places and confirms orders from several customers at once, printing "CONFIRMED AF-..." for each
 * order confirmed. Bounded: it stops by itself after {@link #MAX_ORDERS} orders or 2 minutes.
 */
public final class OrdersCrashChild {

  static final int MAX_ORDERS = 5000;
  static final int LOOPS = 4;

  private OrdersCrashChild() {
  }

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    JsonObject config = new JsonObject().put("data-dir", args[0]);
    vertx.deployVerticle(new OrdersVerticle(), new DeploymentOptions().setConfig(config)).await();
    System.out.println("READY");
    System.out.flush();
    OrdersService orders = new OrdersService(vertx, 30_000);
    AtomicInteger next = new AtomicInteger();
    CountDownLatch finished = new CountDownLatch(LOOPS);
    for (int loop = 0; loop < LOOPS; loop++) {
      vertx.runOnContext(ignored -> run(orders, next, finished));
    }
    finished.await(2, TimeUnit.MINUTES);
    vertx.close().await();
    System.exit(0);
  }

  private static void run(OrdersService orders, AtomicInteger next, CountDownLatch finished) {
    int n = next.getAndIncrement();
    if (n >= MAX_ORDERS) {
      finished.countDown();
      return;
    }
    String customer = "crash-" + n;
    String conversation = "crash-conv-" + n;
    orders.turn("order_place", customer, conversation, (1 + n % 3) + " merino socks and a lumen 400 to Oregon")
        .compose(quote -> orders.confirm(customer, conversation, "yes"))
        .compose(done -> {
          if ("done".equals(done.status())) {
            System.out.println("CONFIRMED " + done.orderId());
            System.out.flush();
          }
          return Future.succeededFuture();
        })
        .onComplete(ignored -> run(orders, next, finished));
  }
}
