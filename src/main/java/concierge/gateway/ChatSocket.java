package concierge.gateway;

import concierge.ErrorCode;
import concierge.agent.ChatService;
import concierge.security.ClientKey;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.util.HashSet;
import java.util.Set;

/**
 * One WebSocket connection: several turns may be in flight; each turn's frames carry the
 * client's message id and keep their order. A bad frame gets an error frame and the socket stays
 * open. A slow reader pauses its turns' streams and the reading of its frames (so what waits for
 * it is bounded by the turns in flight, at most 32); a closed socket cancels them.
 */
final class ChatSocket {

  private final Vertx vertx;
  private final ServerWebSocket socket;
  private final ChatService chat;
  private final int maxFrameChars;
  private final String customerId;
  private final ClientKey key;
  private final Limits limits;
  private final ShutdownGate gate;
  private static final int MAX_IN_FLIGHT = 32;

  private final Set<TurnStream> inFlight = new HashSet<>();

  ChatSocket(Vertx vertx, ServerWebSocket socket, ChatService chat, int maxFrameChars, ClientKey key,
             String customerId, Limits limits) {
    this.limits = limits;
    this.key = key;
    this.vertx = vertx;
    this.socket = socket;
    this.chat = chat;
    this.maxFrameChars = maxFrameChars;
    this.customerId = customerId;
    this.gate = ShutdownGate.of(vertx);
  }

  void start() {
    socket.textMessageHandler(this::onText);
    socket.binaryMessageHandler(buffer -> error(null, ErrorCode.INVALID_REQUEST, "binary frames are not supported"));
    socket.closeHandler(v -> inFlight.forEach(TurnStream::cancel));
    socket.drainHandler(v -> {
      inFlight.forEach(TurnStream::resume);
      socket.resume();
    });
  }

  private void onText(String text) {
    if (text.length() > maxFrameChars) {
      error(null, ErrorCode.TOO_LARGE, "frame is too large");
      return;
    }
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      error(null, ErrorCode.INVALID_REQUEST, "frame is not a JSON object");
      return;
    }
    Object id = frame.getValue("clientMessageId");
    String clientMessageId = id == null ? null : String.valueOf(id);
    switch (String.valueOf(frame.getValue("type"))) {
      case "ping" -> send(new JsonObject().put("type", "pong").put("clientMessageId", clientMessageId));
      case "message" -> turn(frame, clientMessageId);
      default -> error(clientMessageId, ErrorCode.INVALID_REQUEST, "type must be 'message' or 'ping'");
    }
  }

  private void turn(JsonObject frame, String clientMessageId) {
    if (inFlight.size() >= MAX_IN_FLIGHT) {
      error(clientMessageId, ErrorCode.RATE_LIMITED, "too many turns in flight on this socket");
      return;
    }
    JsonObject request;
    try {
      limits.checkAddress(socket.remoteAddress());
      limits.checkKey(key);
      Object customer = frame.getValue("customerId") != null ? frame.getValue("customerId") : customerId;
      request = new JsonObject().put("message", frame.getValue("message"))
          .put("conversationId", frame.getValue("conversationId")).put("customerId", Access.actFor(key, customer));
    } catch (ApiError refused) {
      send(errorFrame(clientMessageId, refused.code(), refused.getMessage(), refused));
      return;
    }
    if (!gate.admit()) {
      error(clientMessageId, ErrorCode.UNAVAILABLE, "the server is shutting down; please retry shortly");
      return;
    }
    if (!limits.enter()) {
      gate.done();
      error(clientMessageId, ErrorCode.UNAVAILABLE, "the server is at capacity; please retry shortly");
      return;
    }
    TurnStream stream = new TurnStream(vertx);
    inFlight.add(stream);
    stream.listen(event -> {
      JsonObject out = event.copy().put("clientMessageId", clientMessageId);
      if ("end".equals(event.getString("type")) || "error".equals(event.getString("type"))) {
        inFlight.remove(stream);
        out.remove("status");
      }
      send(out);
      if (socket.writeQueueFull()) {
        stream.pause();
        socket.pause();
      }
    }).compose(v -> chat.chat(request, stream.turnId(), stream.address()))
        .onComplete(done -> {
          limits.leave();
          gate.done();
        })
        .onFailure(failure -> {
          if (inFlight.remove(stream)) {
            stream.finish();
            ApiError error = ApiError.of(failure);
            error(clientMessageId, error.code(), error.getMessage());
          }
        });
  }

  private void error(String clientMessageId, ErrorCode code, String message) {
    send(errorFrame(clientMessageId, code, message, null));
  }

  private static JsonObject errorFrame(String clientMessageId, ErrorCode code, String message, ApiError cause) {
    JsonObject error = new JsonObject().put("code", code.code()).put("message", message);
    if (cause instanceof Limits.RateLimited limited) {
      error.put("retryAfterSeconds", limited.retryAfterSeconds());
    }
    return new JsonObject().put("type", "error").put("clientMessageId", clientMessageId).put("error", error);
  }

  private void send(JsonObject frame) {
    if (!socket.isClosed()) {
      socket.writeTextMessage(frame.encode());
    }
  }
}
