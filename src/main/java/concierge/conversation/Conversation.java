package concierge.conversation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** A conversation's owner and its last turns, oldest first. */
public record Conversation(String id, String customerId, List<JsonObject> turns) {

  public static Conversation empty(String id) {
    return new Conversation(id, null, List.of());
  }

  public boolean isNew() {
    return turns.isEmpty();
  }

  public JsonObject lastTurn() {
    return turns.isEmpty() ? null : turns.get(turns.size() - 1);
  }

  /** Whether a caller acting for {@code customer} may see it (anonymous ones only by anonymous callers). */
  public boolean visibleTo(String customer) {
    return customerId == null ? customer == null : customerId.equals(customer);
  }

  public JsonObject toJson() {
    return new JsonObject().put("conversationId", id).put("customerId", customerId).put("turns", new JsonArray(new ArrayList<>(turns)));
  }

  public static Conversation fromJson(String id, JsonObject json) {
    if (json == null) {
      return empty(id);
    }
    JsonArray turns = json.getJsonArray("turns", new JsonArray());
    List<JsonObject> list = new ArrayList<>(turns.size());
    for (int i = 0; i < turns.size(); i++) {
      list.add(turns.getJsonObject(i));
    }
    return new Conversation(id, json.getString("customerId"), list);
  }
}
