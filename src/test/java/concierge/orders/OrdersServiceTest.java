package concierge.orders;

import concierge.Addresses;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class OrdersServiceTest {

  @Test
  @DisplayName("ping answers once the database answers SELECT 1; customer gives the name and membership")
  void pingAndCustomer(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    OrdersTestBed.deploy(vertx, dir)
        .compose(bed -> Future.all(bed.orders.ping(), bed.orders.customer("c-1001"), bed.orders.customer("c-9999"),
            vertx.eventBus().<JsonObject>request(Addresses.ORDERS, new JsonObject().put("action", "customer")
                .put("customerId", "c-9999"))))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          Customer maya = all.resultAt(1);
          assertThat(maya.name()).isEqualTo("Maya Chen");
          assertThat(maya.firstName()).isEqualTo("Maya");
          assertThat(maya.email()).isEqualTo("maya.chen@example.com");
          assertThat(maya.member()).isTrue();
          Customer unknown = all.resultAt(2);
          assertThat(unknown.name()).isNull();
          assertThat(unknown.member()).isFalse();
          JsonObject raw = all.<io.vertx.core.eventbus.Message<JsonObject>>resultAt(3).body();
          assertThat(raw.getMap()).containsEntry("name", null).containsEntry("firstName", null)
              .containsEntry("email", null).containsEntry("member", null);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("Malformed requests are refused with 400 and a clear message")
  void badRequests(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    List<JsonObject> requests = List.of(
        new JsonObject().put("action", "explode"),
        new JsonObject().put("action", "turn").put("intent", "order_refund").put("conversationId", "x")
            .put("message", "hi"),
        new JsonObject().put("action", "turn").put("intent", "order_place").put("message", "socks"),
        new JsonObject().put("action", "turn").put("intent", "order_status").put("message", 42),
        new JsonObject().put("action", "turn").put("intent", "order_status").put("message", "x".repeat(4001)),
        new JsonObject().put("action", "confirm").put("customerId", "c-1001").put("message", "yes"));
    OrdersTestBed.deploy(vertx, dir)
        .compose(bed -> {
          List<Future<String>> outcomes = requests.stream().map(body -> vertx.eventBus()
              .<JsonObject>request(Addresses.ORDERS, body)
              .map(reply -> "answered " + reply.body())
              .otherwise(failure -> ((ReplyException) failure).failureCode() + " " + failure.getMessage())).toList();
          return Future.all(outcomes).map(all -> outcomes.stream().map(Future::result).toList());
        })
        .onComplete(ctx.succeeding(outcomes -> ctx.verify(() -> {
          assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).startsWith("400 ").hasSizeGreaterThan(10));
          assertThat(outcomes.get(0)).contains("action must be one of");
          assertThat(outcomes.get(1)).contains("intent must be one of");
          assertThat(outcomes.get(2)).contains("conversationId is required");
          assertThat(outcomes.get(3)).contains("message must be a string");
          assertThat(outcomes.get(4)).contains("at most 4000");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("With the database down, requests are answered 503 'orders database unavailable'")
  void databaseDown(Vertx vertx, VertxTestContext ctx) throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    JsonObject config = new JsonObject().put("database", new JsonObject()
        .put("url", "postgresql://concierge:secret@127.0.0.1:" + closedPort + "/orders")
        .put("migrate-on-start", false).put("connect-timeout-ms", 2000));
    OrdersService orders = new OrdersService(vertx, 10_000);
    vertx.deployVerticle(new OrdersVerticle(), new DeploymentOptions().setConfig(config))
        .compose(deployed -> Future.join(orders.ping(),
            orders.turn("order_status", "c-1001", "conv", "where is AF-100234?").mapEmpty()))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          assertThat(failure).isInstanceOf(ReplyException.class);
          assertThat(((ReplyException) failure).failureCode()).isEqualTo(503);
          assertThat(failure.getMessage()).isEqualTo("orders database unavailable");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("A pending confirmation survives a restart: the yes after it executes the stored action")
  void pendingSurvivesRestart(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    OrdersTestBed.deploy(vertx, dir)
        .compose(bed -> bed.orders.turn("order_cancel", "c-1001", "conv-r", "cancel AF-100235")
            .compose(question -> vertx.undeploy(bed.deploymentId)))
        .compose(stopped -> OrdersTestBed.deploy(vertx, dir))
        .compose(restarted -> restarted.orders.confirm("c-1001", "conv-r", "yes"))
        .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
          assertThat(done.status()).isEqualTo("done");
          assertThat(done.answer()).contains("AF-100235", "cancelled");
          ctx.completeNow();
        })));
  }
}
