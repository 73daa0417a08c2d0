package concierge.gateway;

import concierge.ErrorCode;
import concierge.agent.ChatService;
import concierge.conversation.ConversationService;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.regex.Pattern;

/** REST and Server-Sent Events: a request becomes one {@code concierge.chat} call. */
final class ChatRoutes {

  private static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9_-]{8,80}");

  private final Vertx vertx;
  private final ChatService chat;
  private final ConversationService conversations;
  private final Limits limits;

  ChatRoutes(Vertx vertx, long turnTimeoutMs, Limits limits) {
    this.limits = limits;
    this.vertx = vertx;
    this.chat = new ChatService(vertx, turnTimeoutMs + 2000);
    this.conversations = new ConversationService(vertx, 2000);
  }

  /** The request body as a JSON object, or an invalid_request: checked before anything else. */
  static JsonObject body(RoutingContext ctx) {
    String type = ctx.request().getHeader("content-type");
    if (type == null || !type.toLowerCase().startsWith("application/json")) {
      throw new ApiError(ErrorCode.INVALID_REQUEST, "content-type must be application/json");
    }
    try {
      Object json = ctx.body().buffer() == null ? null : ctx.body().buffer().toJsonValue();
      if (!(json instanceof JsonObject object)) {
        throw new ApiError(ErrorCode.INVALID_REQUEST, "the body must be a JSON object");
      }
      return object;
    } catch (DecodeException e) {
      throw new ApiError(ErrorCode.INVALID_REQUEST, "the body is not valid JSON");
    }
  }

  /** The request body, acting for the customer the caller's key allows (403 otherwise). */
  static JsonObject turnRequest(RoutingContext ctx) {
    JsonObject request = body(ctx);
    return request.put("customerId", Access.actFor(Access.key(ctx), request.getValue("customerId")));
  }

  void chat(RoutingContext ctx) {
    JsonObject request = turnRequest(ctx);
    enter();
    chat.chat(request).onComplete(done -> limits.leave())
        .onSuccess(turn -> json(ctx.response(), 200, turn)).onFailure(ctx::fail);
  }

  private void enter() {
    if (!limits.enter()) {
      throw new ApiError(ErrorCode.UNAVAILABLE, "the server is at capacity; please retry shortly");
    }
  }

  void stream(RoutingContext ctx) {
    JsonObject request = turnRequest(ctx);
    enter();
    HttpServerResponse response = ctx.response();
    TurnStream stream = new TurnStream(vertx);
    response.setChunked(true).putHeader("content-type", "text/event-stream; charset=utf-8")
        .putHeader("cache-control", "no-cache").putHeader("x-accel-buffering", "no");
    response.closeHandler(v -> stream.cancel());
    stream.listen(frame -> {
      if (response.closed()) {
        stream.cancel();
        return;
      }
      String type = frame.getString("type");
      JsonObject data = switch (type) {
        case "end" -> frame.getJsonObject("turn");
        case "error" -> new JsonObject().put("error", frame.getJsonObject("error"));
        default -> frame.copy();
      };
      data.remove("type");
      response.write("event: " + type + "\ndata: " + data.encode() + "\n\n");
      if (response.writeQueueFull()) {
        stream.pause();
        response.drainHandler(d -> stream.resume());
      }
      if ("end".equals(type) || "error".equals(type)) {
        response.end();
      }
    }).compose(v -> chat.chat(request, stream.turnId(), stream.address()))
        .onComplete(done -> limits.leave())
        .onFailure(failure -> {
          if (!response.headWritten()) {
            stream.finish();
            ctx.fail(failure);
          } else if (!response.ended()) {
            ApiError error = ApiError.of(failure);
            response.end("event: error\ndata: " + error.toJson().encode() + "\n\n");
            stream.finish();
          }
        });
  }

  void conversation(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (id == null || !CONVERSATION_ID.matcher(id).matches()) {
      throw new ApiError(ErrorCode.INVALID_REQUEST, "conversation id must be 8-80 letters, digits, '-' or '_'");
    }
    String customerId = (String) Access.actFor(Access.key(ctx), Access.queryParam(ctx.queryParams(), "customerId"));
    conversations.get(id).onSuccess(conversation -> {
      if (conversation.isNew() || !conversation.visibleTo(customerId)) {
        ctx.fail(new ApiError(ErrorCode.NOT_FOUND, "conversation not found"));
        return;
      }
      json(ctx.response(), 200, conversation.toJson());
    }).onFailure(ctx::fail);
  }

  static void json(HttpServerResponse response, int status, JsonObject body) {
    response.setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }
}
