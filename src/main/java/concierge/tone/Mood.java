package concierge.tone;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the customer sounds: frustrated customers get the complaint guidance whatever they ask. */
public enum Mood {
  NEUTRAL, FRUSTRATED;

  private static final Pattern UPSET = Pattern.compile("(?i)\\b(annoy\\w*|angry|furious|frustrat\\w*|ridiculous"
      + "|terrible|awful|horrible|unacceptable|worst|disappoint\\w*|fed up|sick of|useless|pathetic|joke"
      + "|outrage\\w*|scam|wtf|(third|3rd|fourth) time|still (hasn't|has not|haven't|not)|never (again|arrived|came)"
      + "|upset|mad|livid|disgust\\w*|rude|broken|damaged|late again|again\\?!)\\b");
  private static final Pattern SHOUTED_WORD = Pattern.compile("\\b[A-Z]{3,}\\b");

  public static Mood of(String message) {
    int score = 0;
    if (UPSET.matcher(message).find()) {
      score += 2;
    }
    if (message.contains("!!") || message.contains("?!")) {
      score += 1;
    }
    Matcher shouted = SHOUTED_WORD.matcher(message);
    while (shouted.find()) {
      String word = shouted.group();
      if (!word.startsWith("AF") && !word.equals("SKU") && !word.equals("UPS") && !word.equals("USB")
          && !word.equals("GPS") && !word.equals("REI") && !word.equals("XXL") && !word.equals("PO")) {
        score += 1;
      }
    }
    return score >= 2 ? FRUSTRATED : NEUTRAL;
  }
}
