package concierge.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message as a list of lower-case words and numbers, the form the order parser reads: apostrophes
 * dropped (women's -> womens), digit groups joined (10,000 -> 10000), half sizes as decimals
 * (10 1/2 -> 10.5), degrees as "f", a leading minus kept on numbers, dollar amounts kept as "$50",
 * commas and semicolons kept as words (they separate the items of a list).
 */
public final class Words {

  private static final Pattern THOUSANDS = Pattern.compile("(\\d),(\\d{3})\\b");
  private static final Pattern HALF = Pattern.compile("(\\d+)\\s*(?:½|1/2|and a half)");
  private static final Pattern DEGREES = Pattern.compile("°\\s*f?\\b|\\bdegrees?\\b|\\bdeg\\b");
  private static final Pattern TOKEN = Pattern.compile(
      "\\$\\d+(?:\\.\\d{1,2})?|(?<![\\w.])-\\d+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|[a-z]+|[,;]");

  private Words() {
  }

  public static List<String> of(String text) {
    List<String> words = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(normalize(text));
    while (matcher.find()) {
      words.add(matcher.group());
    }
    return words;
  }

  static String normalize(String text) {
    String s = text.toLowerCase(Locale.ROOT)
        .replace('’', '\'').replace('‘', '\'').replace('−', '-').replace('–', '-');
    s = THOUSANDS.matcher(THOUSANDS.matcher(s).replaceAll("$1$2")).replaceAll("$1$2");
    s = HALF.matcher(s).replaceAll("$1.5");
    s = DEGREES.matcher(s).replaceAll(" f ");
    s = s.replace("'", "");
    return s;
  }

  public static boolean isNumber(String word) {
    return !word.isEmpty() && (Character.isDigit(word.charAt(0)) || (word.length() > 1 && word.charAt(0) == '-'));
  }

  /** Crude singular: socks -> sock, boots -> boot; short words and -ss words stay. */
  public static String stem(String word) {
    if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  /** Levenshtein distance, stopping early above 1: is b a one-typo variant of a? */
  public static boolean oneEditApart(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (i == a.length() || i == b.length()) {
      return true;
    }
    return a.substring(i + 1).equals(b.substring(i + 1)) || a.substring(i + 1).equals(b.substring(i))
        || a.substring(i).equals(b.substring(i + 1))
        || (i + 1 < a.length() && i + 1 < b.length() && a.charAt(i) == b.charAt(i + 1)
            && a.charAt(i + 1) == b.charAt(i) && a.substring(i + 2).equals(b.substring(i + 2)));
  }
}
