package concierge.orders;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a reply to "shall I ...?" is an explicit yes, an explicit no, or something else. A yes is
 * made only of agreeing phrases ("yes", "yes please", "confirm", "go ahead", "do it", "yep, place
 * it"); "ok", "sure thing but..." or a new request are not a yes. Nothing here executes anything.
 */
public final class Confirmations {

  private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z ]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  public enum Reply { YES, NO, OTHER }

  private static final List<String> YES_PHRASES = List.of("yes please", "yes", "yeah", "yep", "yup", "ya", "y",
      "sure", "confirm", "confirmed", "i confirm", "go ahead", "go for it", "do it", "please do", "absolutely",
      "correct", "that is correct", "thats correct", "thats right", "affirmative", "please", "thanks", "thank you",
      "place it", "place the order", "place my order", "cancel it", "change it", "make the change", "proceed",
      "lets do it", "ok go ahead", "okay go ahead", "ok do it", "okay do it", "go on", "sounds good", "and", "now");
  private static final Set<String> AGREEING_START = Set.of("yes", "yeah", "yep", "yup", "ya", "y", "sure", "confirm",
      "confirmed", "i confirm", "go ahead", "go for it", "do it", "please do", "absolutely", "correct",
      "that is correct", "thats correct", "thats right", "affirmative", "proceed", "lets do it", "ok go ahead",
      "okay go ahead", "ok do it", "okay do it", "yes please");
  private static final Set<String> NO = Set.of("no", "nope", "nah", "n", "no thanks", "no thank you", "cancel that",
      "dont", "do not", "dont do it", "do not do it", "never mind", "nevermind", "stop", "wait", "hold on",
      "not yet", "no dont", "no wait", "no stop", "no dont do it", "no cancel that", "forget it", "no never mind",
      "wait a second", "wait a minute", "hold on a second", "actually no", "no please dont");

  private Confirmations() {
  }

  public static Reply classify(String message) {
    String text = normalize(message);
    if (text.isEmpty()) {
      return Reply.OTHER;
    }
    if (NO.contains(text)) {
      return Reply.NO;
    }
    return isYes(text) ? Reply.YES : Reply.OTHER;
  }

  /** The whole text is a sequence of agreeing phrases, and the first one really agrees. */
  private static boolean isYes(String text) {
    String rest = text;
    boolean first = true;
    while (!rest.isEmpty()) {
      String matched = null;
      for (String phrase : YES_PHRASES) {
        if ((rest.equals(phrase) || rest.startsWith(phrase + " "))
            && (!first || AGREEING_START.contains(phrase))
            && (matched == null || phrase.length() > matched.length())) {
          matched = phrase;
        }
      }
      if (matched == null) {
        return false;
      }
      rest = rest.substring(matched.length()).trim();
      first = false;
    }
    return true;
  }

  static String normalize(String message) {
    return message.toLowerCase(Locale.ROOT).replace("'", "").replace("’", "")
        .transform(text -> SPACES.matcher(NOT_LETTERS.matcher(text).replaceAll(" ")).replaceAll(" ")).trim();
  }
}
