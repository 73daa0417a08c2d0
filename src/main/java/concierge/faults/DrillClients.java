package concierge.faults;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Real clients of a running server, each asking its next question when the last was answered:
 * REST clients, WebSocket clients, and order clients that place an order and confirm it with
 * "yes" (every order confirmed to them is kept, to be looked for in the database afterwards).
 * Every turn's outcome is recorded.
 */
public final class DrillClients {

  static final List<String> QUESTIONS = List.of("How long do refunds take?", "Do you ship to Canada?",
      "How much is overnight shipping?", "Can I return opened fuel canisters?", "What is the warranty on your gear?",
      "Do Trailhead Club members get free shipping?", "How do I reach a human agent?",
      "What sizes does the Merino Hiker Socks 3-Pack come in?");
  static final String CUSTOMER = "c-1002";

  private final Vertx vertx;
  private final String host;
  private final int port;
  private final WebClient web;
  private final WebSocketClient sockets;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicInteger asked = new AtomicInteger();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final List<Future<Void>> loops = new java.util.ArrayList<>();
  final Queue<TurnOutcome> outcomes = new ConcurrentLinkedQueue<>();
  final Queue<TurnOutcome> orderOutcomes = new ConcurrentLinkedQueue<>();
  final Queue<String> confirmedOrders = new ConcurrentLinkedQueue<>();
  final AtomicInteger goingAwayCloses = new AtomicInteger();

  public DrillClients(Vertx vertx, String host, int port) {
    this.vertx = vertx;
    this.host = host;
    this.port = port;
    this.web = WebClient.create(vertx, new WebClientOptions().setDefaultHost(host).setDefaultPort(port)
        .setKeepAlive(true));
    this.sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setDefaultHost(host).setDefaultPort(port)
        .setMaxConnections(1000));
  }

  /** Starts {@code rest} REST, {@code ws} WebSocket and {@code orders} order clients. */
  public DrillClients start(int rest, int ws, int orders) {
    vertx.runOnContext(v -> {
      for (int i = 0; i < rest; i++) {
        loops.add(restLoop(i));
      }
      for (int i = 0; i < ws; i++) {
        loops.add(socketLoop(i));
      }
      for (int i = 0; i < orders; i++) {
        loops.add(orderLoop());
      }
    });
    return this;
  }

  /** Takes the outcomes recorded since the last call and counts them: {turns, answered} (a long soak keeps counts only). */
  public long[] drainTally() {
    long turns = 0;
    long answered = 0;
    for (Queue<TurnOutcome> queue : List.of(outcomes, orderOutcomes)) {
      for (TurnOutcome outcome = queue.poll(); outcome != null; outcome = queue.poll()) {
        turns++;
        answered += outcome.kind() == TurnOutcome.Kind.ANSWERED ? 1 : 0;
      }
    }
    return new long[] {turns, answered};
  }

  /** From now on a 503 'unavailable' counts as a refusal of a stopping server, not as an error. */
  public void serverStopping() {
    stopping.set(true);
  }

  public void stop() {
    running.set(false);
    Future.join(List.copyOf(loops)).otherwiseEmpty().await();
    web.close();
    sockets.close();
  }

  private String nextQuestion() {
    return QUESTIONS.get(Math.floorMod(asked.getAndIncrement(), QUESTIONS.size()));
  }

  /**
   * Runs {@code iteration} again and again until the drill stops. Each round starts from the
   * event loop afresh, rather than composing the next round onto the last one's future: such a
   * chain never completes, so it grows with every round (a 30-minute soak held millions of links).
   */
  private Future<Void> repeat(Supplier<Future<?>> iteration) {
    Promise<Void> done = Promise.promise();
    nextRound(iteration, done);
    return done.future();
  }

  private void nextRound(Supplier<Future<?>> iteration, Promise<Void> done) {
    if (!running.get()) {
      done.tryComplete();
      return;
    }
    iteration.get().onComplete(round -> vertx.runOnContext(v -> nextRound(iteration, done)));
  }

  private Future<Void> restLoop(int client) {
    return repeat(() -> {
      long started = System.nanoTime();
      return chat(new JsonObject().put("message", nextQuestion()), started)
          .compose(outcome -> {
            outcomes.add(outcome);
            return pause(outcome);
          });
    });
  }

  /** After a broken connection a client waits a little before trying again, as a real one would. */
  private Future<Void> pause(TurnOutcome outcome) {
    if (outcome.kind() != TurnOutcome.Kind.CONNECTION && outcome.kind() != TurnOutcome.Kind.STOPPING) {
      return Future.succeededFuture();
    }
    Promise<Void> later = Promise.promise();
    vertx.setTimer(100, id -> later.complete());
    return later.future();
  }

  private Future<TurnOutcome> chat(JsonObject request, long started) {
    return web.post("/v1/chat").timeout(90_000).sendJsonObject(request)
        .map(response -> response.statusCode() == 200
            ? TurnOutcome.answered(started, response.bodyAsJsonObject())
            : TurnOutcome.errorBody(started, response.bodyAsString(), stopping.get()))
        .otherwise(failure -> TurnOutcome.connection(started, failure.getClass().getSimpleName()));
  }

  private Future<Void> orderLoop() {
    return repeat(this::placeOrder);
  }

  private Future<Void> placeOrder() {
    String conversation = "drill-" + UUID.randomUUID();
    long started = System.nanoTime();
    JsonObject place = new JsonObject().put("customerId", CUSTOMER).put("conversationId", conversation)
        .put("message", "I want 2 Merino Hiker Socks 3-Packs shipped standard to Oregon");
    return web.post("/v1/chat").timeout(90_000).sendJsonObject(place)
        .compose(response -> {
          if (response.statusCode() != 200) {
            return Future.succeededFuture(TurnOutcome.errorBody(started, response.bodyAsString(), stopping.get()));
          }
          JsonObject quote = response.bodyAsJsonObject();
          if (!"needs_confirmation".equals(quote.getJsonObject("action", new JsonObject()).getString("status"))) {
            return Future.succeededFuture(TurnOutcome.answered(started, quote));
          }
          return confirm(conversation);
        })
        .otherwise(failure -> TurnOutcome.connection(started, failure.getClass().getSimpleName()))
        .compose(outcome -> {
          orderOutcomes.add(outcome);
          return pause(outcome);
        });
  }

  /** The "yes": an order confirmed to the customer is remembered, to be found in the database later. */
  private Future<TurnOutcome> confirm(String conversation) {
    long started = System.nanoTime();
    JsonObject yes = new JsonObject().put("customerId", CUSTOMER).put("conversationId", conversation)
        .put("message", "yes");
    return web.post("/v1/chat").timeout(90_000).sendJsonObject(yes).map(response -> {
      if (response.statusCode() != 200) {
        return TurnOutcome.errorBody(started, response.bodyAsString(), stopping.get());
      }
      JsonObject turn = response.bodyAsJsonObject();
      String orderId = orderIdOf(turn);
      if (orderId != null) {
        confirmedOrders.add(orderId);
      }
      return TurnOutcome.answered(started, turn);
    });
  }

  private Future<Void> socketLoop(int client) {
    return repeat(() -> sockets.connect("/v1/chat/ws")
        .compose(socket -> socketTurns(socket).eventually(() -> socket.isClosed()
            ? Future.succeededFuture() : socket.close()))
        .otherwise(failure -> {
          outcomes.add(TurnOutcome.connection(System.nanoTime(), "ws " + failure.getClass().getSimpleName()));
          return null;
        })
        .compose(v -> pause(TurnOutcome.connection(0, ""))));
  }

  /** Turns one after another on one socket until the drill ends or the socket closes. */
  private Future<Void> socketTurns(WebSocket socket) {
    Promise<Void> done = Promise.promise();
    nextSocketTurn(socket, 0, done);
    return done.future();
  }

  private void nextSocketTurn(WebSocket socket, int n, Promise<Void> done) {
    if (!running.get() || socket.isClosed()) {
      done.tryComplete();
      return;
    }
    socketTurn(socket, n).onComplete(result -> {
      TurnOutcome outcome = result.result();
      outcomes.add(outcome);
      if (outcome.kind() == TurnOutcome.Kind.CONNECTION) {
        done.tryComplete();
      } else {
        vertx.runOnContext(v -> nextSocketTurn(socket, n + 1, done));
      }
    });
  }

  private Future<TurnOutcome> socketTurn(WebSocket socket, int n) {
    Promise<TurnOutcome> turn = Promise.promise();
    long started = System.nanoTime();
    String id = "m-" + n;
    socket.textMessageHandler(text -> {
      JsonObject frame = new JsonObject(text);
      switch (frame.getString("type", "")) {
        case "end" -> turn.tryComplete(TurnOutcome.answered(started, frame.getJsonObject("turn")));
        case "error" -> turn.tryComplete(TurnOutcome.errorBody(started, frame.encode(), stopping.get()));
        default -> { }
      }
    });
    socket.closeHandler(v -> {
      if (socket.closeStatusCode() != null && socket.closeStatusCode() == 1001) {
        goingAwayCloses.incrementAndGet();
      }
      turn.tryComplete(TurnOutcome.connection(started, "ws closed " + socket.closeStatusCode()));
    });
    socket.writeTextMessage(new JsonObject().put("type", "message").put("clientMessageId", id)
        .put("message", nextQuestion()).encode());
    long timeout = vertx.setTimer(90_000, t -> turn.tryComplete(TurnOutcome.error(started, "client_timeout", true)));
    return turn.future().onComplete(done -> vertx.cancelTimer(timeout));
  }

  static String orderIdOf(JsonObject turn) {
    JsonObject action = turn.getJsonObject("action", new JsonObject());
    return "done".equals(action.getString("status")) ? action.getString("orderId") : null;
  }
}
