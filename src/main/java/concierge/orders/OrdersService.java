package concierge.orders;

import concierge.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Set;

/**
 * Requests to {@code concierge.orders}; the only class that writes and reads its JSON.
 * <pre>
 * {"action":"turn","intent":"order_status|order_place|order_cancel|order_change","customerId":"c-1001"|null,
 *  "conversationId":"...","message":"..."}
 *   -> {"handled":true,"answer":"...","action":{"type":"...","status":"none|needs_confirmation|done|refused",
 *       "orderId":"AF-..."|null},"facts":["..."]}
 * {"action":"confirm","customerId":"...","conversationId":"...","message":"yes"} -> the same, or {"handled":false}
 * {"action":"destination","customerId":"...","conversationId":"...","earlier":"I want the Ridgeline 2 Tent",
 *  "message":"to Denver, Colorado"} -> the placement of both together, or {"handled":false} when the message
 *  names no place or names products of its own
 * {"action":"ping"} -> {"ok":true}
 * {"action":"customer","customerId":"c-1001"} -> {"name","firstName","email","member"} (null when unknown)
 * </pre>
 */
public final class OrdersService {

  /** A request as the verticle reads it. */
  public record Request(String action, String intent, String customerId, String conversationId, String message,
                        String earlier) {
  }

  static final Set<String> INTENTS = Set.of("order_status", "order_place", "order_cancel", "order_change");
  static final int MAX_MESSAGE = 4000;

  private final Vertx vertx;
  private final DeliveryOptions options;

  public OrdersService(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  public Future<OrderAnswer> turn(String intent, String customerId, String conversationId, String message) {
    return send(new JsonObject().put("action", "turn").put("intent", intent).put("customerId", customerId)
        .put("conversationId", conversationId).put("message", message)).map(OrdersService::answer);
  }

  public Future<OrderAnswer> confirm(String customerId, String conversationId, String message) {
    return send(new JsonObject().put("action", "confirm").put("customerId", customerId)
        .put("conversationId", conversationId).put("message", message)).map(OrdersService::answer);
  }

  /** The request that a destination answer completes: the earlier request, then the message naming the place. */
  public static String completed(String earlier, String message) {
    return earlier + "\n" + message;
  }

  /** The answer to an order's "where should it ship?": {@code earlier} is the request that was asked it. */
  public Future<OrderAnswer> destination(String customerId, String conversationId, String earlier, String message) {
    return send(new JsonObject().put("action", "destination").put("customerId", customerId)
        .put("conversationId", conversationId).put("earlier", earlier).put("message", message))
        .map(OrdersService::answer);
  }

  public Future<Void> ping() {
    return send(new JsonObject().put("action", "ping")).mapEmpty();
  }

  /** The customer's name and membership; {@code name} null when the directory does not know the id. */
  public Future<Customer> customer(String customerId) {
    return send(new JsonObject().put("action", "customer").put("customerId", customerId))
        .map(json -> new Customer(customerId, json.getString("name"), json.getString("email"),
            Boolean.TRUE.equals(json.getBoolean("member"))));
  }

  private Future<JsonObject> send(JsonObject body) {
    return vertx.eventBus().<JsonObject>request(Addresses.ORDERS, body, options).map(reply -> reply.body());
  }

  static Request request(JsonObject body) {
    String action = text(body, "action", 20);
    String customerId = text(body, "customerId", 64);
    String conversationId = text(body, "conversationId", 128);
    String message = text(body, "message", MAX_MESSAGE);
    String intent = text(body, "intent", 40);
    String earlier = text(body, "earlier", MAX_MESSAGE);
    switch (String.valueOf(action)) {
      case "turn" -> {
        require(intent != null && INTENTS.contains(intent), "intent must be one of " + INTENTS);
        require(message != null && !message.isBlank(), "message must not be empty");
        require(conversationId != null || intent.equals("order_status"), "conversationId is required");
      }
      case "confirm" -> require(message != null && conversationId != null, "conversationId and message are required");
      case "destination" -> require(message != null && conversationId != null && earlier != null,
          "conversationId, earlier and message are required");
      case "customer" -> require(customerId != null, "customerId is required");
      case "ping" -> {
      }
      default -> throw new IllegalArgumentException("action must be one of turn, confirm, destination, ping, customer");
    }
    return new Request(action, intent, customerId, conversationId, message, earlier);
  }

  static JsonObject encode(OrderAnswer answer) {
    if (!answer.handled()) {
      return new JsonObject().put("handled", false);
    }
    return new JsonObject().put("answer", answer.answer())
        .put("action", new JsonObject().put("type", answer.type()).put("status", answer.status())
            .put("orderId", answer.orderId()))
        .put("facts", new JsonArray(answer.facts())).put("awaiting", answer.awaiting()).put("handled", true);
  }

  static JsonObject encode(Customer customer) {
    boolean known = customer.name() != null;
    return new JsonObject().put("name", customer.name()).put("firstName", known ? customer.firstName() : null)
        .put("email", customer.email()).put("member", known ? customer.member() : null);
  }

  static OrderAnswer answer(JsonObject json) {
    if (!json.getBoolean("handled", false)) {
      return OrderAnswer.unhandled();
    }
    JsonObject action = json.getJsonObject("action", new JsonObject());
    List<String> facts = json.getJsonArray("facts", new JsonArray()).stream().map(String::valueOf).toList();
    return new OrderAnswer(true, json.getString("answer"), action.getString("type"), action.getString("status"),
        action.getString("orderId"), facts, json.getString("awaiting"));
  }

  private static String text(JsonObject body, String field, int max) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    require(value instanceof String, field + " must be a string");
    String text = ((String) value).trim();
    require(text.length() <= max, field + " must be at most " + max + " characters");
    require(text.indexOf('\0') < 0, field + " must not contain NUL");
    return text.isEmpty() && !field.equals("message") ? null : text;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
