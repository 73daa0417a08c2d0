package concierge.validation;

import io.vertx.core.json.JsonObject;

/** Whether a sentence may be sent, and if not, why (for logs and metrics, never shown to customers). */
public record Verdict(boolean ok, String reason) {

  public static final Verdict OK = new Verdict(true, null);

  public static Verdict reject(String reason) {
    return new Verdict(false, reason);
  }

  public JsonObject toJson() {
    return new JsonObject().put("ok", ok).put("reason", reason);
  }

  public static Verdict fromJson(JsonObject json) {
    return new Verdict(json.getBoolean("ok", false), json.getString("reason"));
  }
}
