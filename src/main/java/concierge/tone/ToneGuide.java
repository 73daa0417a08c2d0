package concierge.tone;

import concierge.knowledge.SectionedText;

import java.util.Map;

/** The tone guide of the knowledge base, by variant, and how a turn picks its variant. */
public final class ToneGuide {

  private final Map<String, String> sections;

  public ToneGuide(String markdown) {
    this.sections = SectionedText.parse(markdown);
  }

  public ToneGuideline forTurn(String intent, String message, String customerName) {
    Mood mood = Mood.of(message);
    String variant = variant(intent, mood);
    String text = SectionedText.flat(sections.getOrDefault(variant, sections.getOrDefault("default", "")));
    String never = SectionedText.flat(sections.getOrDefault("never", ""));
    String firstName = firstName(customerName);
    String guideline = (text + " " + never).strip()
        + (firstName == null ? "" : " The customer's first name is " + firstName + ".");
    return new ToneGuideline(variant, guideline, firstName, mood);
  }

  static String variant(String intent, Mood mood) {
    if ("complaint".equals(intent) || mood == Mood.FRUSTRATED) {
      return "complaint";
    }
    if (intent == null) {
      return "default";
    }
    return switch (intent) {
      case "order_status", "order_place", "order_cancel", "order_change" -> "order_action";
      case "greeting", "out_of_scope", "human_agent" -> intent;
      default -> "default";
    };
  }

  private static String firstName(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    return name.strip().split("\\s+")[0];
  }
}
