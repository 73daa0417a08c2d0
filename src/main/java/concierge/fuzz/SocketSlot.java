package concierge.fuzz;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/**
 * One worker's WebSocket for frame inputs, one frame at a time: each frame's answer is the next
 * {@code end}, {@code error} or {@code pong} frame, or the server closing the socket (a new one
 * is opened for the next frame).
 */
final class SocketSlot {

  private final Vertx vertx;
  private final WebSocketClient client;
  private final WebSocketConnectOptions options;
  private WebSocket socket;
  private Promise<String> waiting;

  SocketSlot(Vertx vertx, WebSocketClient client, String host, int port, String key) {
    this.vertx = vertx;
    this.client = client;
    this.options = new WebSocketConnectOptions().setHost(host).setPort(port).setURI("/v1/chat/ws");
    if (key != null) {
      options.addHeader("authorization", "Bearer " + key);
    }
  }

  Future<String> send(FuzzInput.SocketFrame frame) {
    return open().compose(ws -> {
      waiting = Promise.promise();
      Future<String> answer = waiting.future();
      if (frame.binary() != null) {
        ws.writeBinaryMessage(Buffer.buffer(frame.binary()));
      } else {
        ws.writeTextMessage(frame.text());
      }
      return answer;
    });
  }

  private Future<WebSocket> open() {
    if (socket != null && !socket.isClosed()) {
      return Future.succeededFuture(socket);
    }
    return client.connect(options).onSuccess(ws -> {
      socket = ws;
      ws.textMessageHandler(this::onText);
      ws.closeHandler(v -> {
        if (waiting != null) {
          waiting.tryComplete("closed " + ws.closeStatusCode());
        }
      });
    });
  }

  private void onText(String text) {
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (RuntimeException notJson) {
      complete("(frame not JSON)");
      return;
    }
    switch (String.valueOf(frame.getValue("type"))) {
      case "end" -> complete("end");
      case "pong" -> complete("pong");
      case "error" -> {
        JsonObject error = frame.getJsonObject("error", new JsonObject());
        complete("error " + error.getString("code") + ("internal".equals(error.getString("code")) ? " 500" : ""));
      }
      default -> { }
    }
  }

  private void complete(String outcome) {
    if (waiting != null) {
      waiting.tryComplete(outcome);
    }
  }

  /** After a frame went unanswered: start over on a new socket. */
  void reset() {
    if (socket != null) {
      socket.close();
      socket = null;
    }
  }

  Future<Void> close() {
    return socket == null ? Future.succeededFuture() : socket.close().recover(f -> Future.succeededFuture());
  }
}
