package concierge.llmsim;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** The parts of a chat-completions request the simulator uses, read and checked in one place. */
public record ChatRequest(String model, List<Message> messages, boolean stream, boolean includeUsage,
                          Integer maxTokens) {

  /** One chat message; {@code text} joins the text parts of its content. */
  public record Message(String role, String name, String text) {
  }

  public static ChatRequest parse(Buffer body) {
    JsonObject json;
    try {
      json = body == null || body.length() == 0 ? null : new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      throw OpenAiError.invalid("We could not parse the JSON body of your request.");
    }
    if (json == null) {
      throw OpenAiError.invalid("The request body must be a JSON object.");
    }
    String model = json.getValue("model") instanceof String name && !name.isBlank() ? name : ModelPreset.FALLBACK;
    Object options = json.getValue("stream_options");
    boolean includeUsage = options instanceof JsonObject o && Boolean.TRUE.equals(o.getValue("include_usage"));
    return new ChatRequest(model, messages(json.getValue("messages")), Boolean.TRUE.equals(json.getValue("stream")),
        includeUsage, maxTokens(json));
  }

  /** The customer's question: the last line of the last user message. */
  public String question() {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if ("user".equals(messages.get(i).role())) {
        List<String> lines = messages.get(i).text().strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
      }
    }
    return "";
  }

  private static List<Message> messages(Object value) {
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      throw OpenAiError.invalid("'messages' must be a non-empty array of messages.");
    }
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof JsonObject message) || !(message.getValue("role") instanceof String role)) {
        throw OpenAiError.invalid("'messages." + i + "' must be an object with a 'role'.");
      }
      messages.add(new Message(role, message.getValue("name") instanceof String name ? name : null,
          text(message.getValue("content"), i)));
    }
    return messages;
  }

  private static String text(Object content, int index) {
    if (content == null) {
      return "";
    }
    if (content instanceof String text) {
      return text;
    }
    if (content instanceof JsonArray parts) {
      StringBuilder text = new StringBuilder();
      for (Object part : parts) {
        if (part instanceof JsonObject p && "text".equals(p.getValue("type")) && p.getValue("text") instanceof String t) {
          text.append(text.length() > 0 ? "\n" : "").append(t);
        }
      }
      return text.toString();
    }
    throw OpenAiError.invalid("'messages." + index + ".content' must be a string or an array of parts.");
  }

  private static Integer maxTokens(JsonObject json) {
    Object value = json.getValue("max_completion_tokens", json.getValue("max_tokens"));
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number number) || number.doubleValue() < 1 || number.doubleValue() != number.intValue()) {
      throw OpenAiError.invalid("'max_tokens' must be a positive integer.");
    }
    return number.intValue();
  }
}
