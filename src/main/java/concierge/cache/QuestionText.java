package concierge.cache;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text of a question as the cache compares it: Unicode NFKC, lower case, whitespace
 * collapsed, punctuation dropped except where it carries meaning ({@code $}, {@code %},
 * {@code +}, {@code &}, separators between digits as in 1,000 / 7.95 / 12:00 / 12/10, and a
 * hyphen inside a word as in AF-100234 or non-member). Apostrophes are removed, so "can't" and
 * "cant" are the same text. Two questions with the same text get the same answer; everything
 * that tells similar questions apart ({@link MeaningGuard}) reads this text too.
 */
public final class QuestionText {

  private static final Pattern QUOTES = Pattern.compile("[\u2018\u2019\u02bc`']");
  private static final Pattern DIGIT_SEPARATOR = Pattern.compile("(?<=\\d)[,.:/](?=\\d)");
  private static final Pattern WORD_HYPHEN = Pattern.compile("(?<=[\\p{L}\\p{N}])[-\u2010\u2011\u2013](?=[\\p{L}\\p{N}])");
  private static final Pattern NOT_KEPT = Pattern.compile("[^\\p{L}\\p{N}$%+&\u0001-\u0005\\s]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private QuestionText() {
  }

  public static String normalize(String message) {
    if (message == null) {
      return "";
    }
    String text = Normalizer.normalize(message, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    text = QUOTES.matcher(text).replaceAll("");
    // keep meaningful separators through the punctuation pass under placeholder characters
    text = DIGIT_SEPARATOR.matcher(text).replaceAll(match -> placeholder(match.group()));
    text = WORD_HYPHEN.matcher(text).replaceAll("\u0004");
    text = NOT_KEPT.matcher(text).replaceAll(" ");
    text = text.replace('\u0001', ',').replace('\u0002', '.').replace('\u0003', ':').replace('\u0004', '-')
        .replace("\u0005", "/");
    return SPACES.matcher(text).replaceAll(" ").strip();
  }

  private static String placeholder(String separator) {
    return switch (separator) {
      case "," -> "\u0001";
      case "." -> "\u0002";
      case ":" -> "\u0003";
      default -> "\u0005";
    };
  }

  /** How many words the normalized text has. */
  static int words(String normalized) {
    return normalized.isEmpty() ? 0 : normalized.split(" ").length;
  }
}
