package concierge.intent;

/** One training example: a customer message and the intent it shows. */
public record IntentExample(String intent, String text) {
}
