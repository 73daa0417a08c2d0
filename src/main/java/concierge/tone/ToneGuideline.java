package concierge.tone;

import io.vertx.core.json.JsonObject;

/** The guideline for one turn: which variant of the tone guide applies, its text, and the name to use. */
public record ToneGuideline(String variant, String guideline, String firstName, Mood mood) {

  public static final ToneGuideline DEFAULT = new ToneGuideline("default",
      "Warm, plain-spoken and brief: lead with the answer in two to five sentences and name the policy it relies on.",
      null, Mood.NEUTRAL);

  public JsonObject toJson() {
    return new JsonObject().put("variant", variant).put("guideline", guideline).put("firstName", firstName)
        .put("mood", mood.name().toLowerCase());
  }

  public static ToneGuideline fromJson(JsonObject json) {
    return new ToneGuideline(json.getString("variant"), json.getString("guideline"), json.getString("firstName"),
        Mood.valueOf(json.getString("mood", "neutral").toUpperCase()));
  }

  public boolean complaint() {
    return "complaint".equals(variant);
  }
}
