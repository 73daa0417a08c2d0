package concierge.orders;

import concierge.Addresses;
import concierge.ErrorCode;
import concierge.Replies;
import concierge.faults.Breakers;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.TimeoutException;

/**
 * Serves {@code concierge.orders} (see {@link OrdersService} for the JSON). Opens the database pool
 * (JDBC runs on worker threads), applies the migrations, loads the catalogue, then answers. A
 * database failure is answered 503 'unavailable' (also at start when migrate-on-start is off: the
 * catalogue is loaded on the first request that finds the database up); each write is one
 * transaction, so nothing is half-written.
 */
public final class OrdersVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(OrdersVerticle.class);

  private final Clock clock;
  private Pool pool;
  private Future<OrderDesk> desk;
  private Breakers.Breaker breaker;
  private DatabaseConfig settings;
  private boolean renewing;

  public OrdersVerticle() {
    this(Clock.systemUTC());
  }

  /** With a clock of the caller's choosing, so that tests can move time (the 1-hour rule). */
  public OrdersVerticle(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    DatabaseConfig settings = DatabaseConfig.from(config());
    this.settings = settings;
    pool = settings.pool(vertx);
    breaker = Breakers.of(vertx).breaker(Breakers.DATABASE, config(), OrdersVerticle::databaseFailure);
    Future<?> schema = settings.migrateOnStart() ? migrate() : Future.succeededFuture();
    return schema.compose(migrated -> desk()
            .onSuccess(ready -> LOG.info("orders ready on {}", settings.safeUrl()))
            .otherwise(failure -> {
              LOG.warn("orders database unavailable at start ({}); answering 503 until it is back", failure.toString());
              return null;
            }))
        .compose(ready -> vertx.eventBus().<JsonObject>consumer(Addresses.ORDERS, this::handle).completion());
  }

  /** The desk, built once the catalogue could be read; tried again on the next request while the database is down. */
  private Future<OrderDesk> desk() {
    if (desk == null || desk.failed()) {
      desk = new OrderStore(pool).products().map(products -> new OrderDesk(pool, new Catalogue(products), clock));
    }
    return desk;
  }

  /**
   * One migration run per JVM at a time, however many instances start together; then the leftovers
   * of a confirmation interrupted by a crash are removed ({@link InterruptedWrites}).
   */
  private Future<?> migrate() {
    return vertx.sharedData().getLocalLock("concierge.orders.migrations")
        .compose(lock -> SchemaMigrations.apply(vertx, pool)
            .compose(migrated -> InterruptedWrites.repair(pool))
            .onSuccess(repaired -> {
              if (repaired > 0) {
                LOG.warn("removed {} rows left by a confirmation whose process died before its commit", repaired);
              }
            })
            .onComplete(done -> lock.release()));
  }

  @Override
  public Future<?> stop() {
    return pool == null ? Future.succeededFuture() : pool.close();
  }

  private void handle(Message<JsonObject> message) {
    Replies.answer(message, body -> {
      OrdersService.Request request = OrdersService.request(body);
      Future<JsonObject> served = "ping".equals(request.action())
          ? desk().compose(ready -> serve(ready, request))
          : breaker.call(() -> desk().compose(ready -> serve(ready, request)));
      return served.onFailure(this::renewPoolIfBroken).recover(OrdersVerticle::unavailable);
    });
  }

  private Future<JsonObject> serve(OrderDesk desk, OrdersService.Request request) {
    return switch (request.action()) {
      case "turn" -> desk.turn(request.intent(), request.customerId(), request.conversationId(), request.message())
          .map(OrdersService::encode);
      case "destination" -> desk.destination(request.customerId(), request.conversationId(), request.earlier(),
          request.message()).map(OrdersService::encode);
      case "confirm" -> desk.confirm(request.customerId(), request.conversationId(), request.message())
          .onSuccess(answer -> {
            if (OrderAnswer.DONE.equals(answer.status())) {
              LOG.info("{} confirmed in conversation {}: {}", answer.type(), request.conversationId(),
                  answer.orderId());
            }
          })
          .map(OrdersService::encode);
      case "customer" -> desk.customer(request.customerId()).map(OrdersService::encode);
      default -> desk.ping().map(ok -> new JsonObject().put("ok", true));
    };
  }

  private static <T> Future<T> unavailable(Throwable failure) {
    if (Breakers.isOpenCircuit(failure)) {
      return Future.failedFuture(ErrorCode.UNAVAILABLE.exception("orders database unavailable"));
    }
    if (databaseFailure(failure)) {
      LOG.warn("orders database unavailable: {}", failure.toString());
      return Future.failedFuture(ErrorCode.UNAVAILABLE.exception("orders database unavailable"));
    }
    return Future.failedFuture(failure);
  }

  /**
   * After the database went away its pooled connections stay broken even once it is back (the pool
   * does not validate them): on a broken connection the pool is closed and opened again, and the
   * desk rebuilt on the new one.
   */
  private void renewPoolIfBroken(Throwable failure) {
    if (renewing || !brokenConnection(failure)) {
      return;
    }
    renewing = true;
    Pool old = pool;
    old.close().eventually(() -> {
      pool = settings.pool(vertx);
      desk = null;
      renewing = false;
      LOG.info("orders database connections renewed");
      return Future.succeededFuture();
    });
  }

  static boolean brokenConnection(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLNonTransientConnectionException || t instanceof java.sql.SQLRecoverableException
          || t instanceof SQLException e && e.getSQLState() != null && e.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }

  /** A failure of the database itself (what the breaker counts), not of a request. */
  static boolean databaseFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException || t instanceof TimeoutException
          || (t.getMessage() != null && t.getMessage().toLowerCase().contains("timeout"))) {
        return true;
      }
    }
    return false;
  }
}
