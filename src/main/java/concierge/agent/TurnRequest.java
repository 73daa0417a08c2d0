package concierge.agent;

import concierge.InputRules;
import io.vertx.core.json.JsonObject;

import java.util.regex.Pattern;

/** A validated turn request: the rules of the API's request shape, checked in one place. */
public record TurnRequest(String conversationId, String customerId, String message) {

  private static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9_-]{8,80}");
  private static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public static TurnRequest from(JsonObject body, int maxChars) {
    if (body == null) {
      throw new IllegalArgumentException("the request body must be a JSON object");
    }
    String message = InputRules.text(string(body, "message"), "message", maxChars);
    String conversationId = string(body, "conversationId");
    if (conversationId != null && !CONVERSATION_ID.matcher(conversationId).matches()) {
      throw new IllegalArgumentException("conversationId must be 8-80 letters, digits, '-' or '_'");
    }
    String customerId = string(body, "customerId");
    if (customerId != null && !CUSTOMER_ID.matcher(customerId).matches()) {
      throw new IllegalArgumentException("customerId must be 1-64 letters, digits, '.', '-' or '_'");
    }
    return new TurnRequest(conversationId, customerId, message);
  }

  private static String string(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return text;
  }
}
