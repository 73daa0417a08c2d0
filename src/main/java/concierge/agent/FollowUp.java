package concierge.agent;

import io.vertx.core.json.JsonObject;

import java.util.regex.Pattern;

/**
 * Reads a short message that only makes sense after the previous turn ("and for members?",
 * "what about canada", "how much is it") as a follow-up: the question answered is the previous
 * question with the follow-up appended, and it keeps the previous knowledge intent.
 */
public final class FollowUp {

  private static final Pattern LEAD = Pattern.compile("(?i)^(and|also|what about|how about|same for|for|but|or|what if"
      + "|and if|then|ok and|okay and|what abt|and what about)\\b.*");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern PRONOUN = Pattern.compile("(?i)\\b(it|that|this|those|these|them|one)\\b");

  private FollowUp() {
  }

  /** The question to answer: the message itself, or the previous question plus the follow-up. */
  public static String resolve(String message, JsonObject previousTurn) {
    if (!isFollowUp(message, previousTurn)) {
      return message;
    }
    return previousTurn.getString("question", previousTurn.getString("message", "")) + " " + message;
  }

  public static boolean isFollowUp(String message, JsonObject previousTurn) {
    if (previousTurn == null || previousTurn.getString("answer") == null) {
      return false;
    }
    String text = message.strip();
    int words = SPACES.split(text).length;
    return (LEAD.matcher(text).matches() && words <= 8) || (words <= 5 && PRONOUN.matcher(text).find());
  }
}
