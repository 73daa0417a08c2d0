package concierge.cache;

import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule of the meaning lexicon: a pattern over {@link QuestionText normalized} text and the
 * feature it stands for. A matched span is blanked out, so that a later, more general rule does
 * not read it again ("ridgeline 2 tent" is one product, not a product and a tent; "non-member"
 * is not also a member). Rules run in the order the lexicon lists them.
 */
record Term(Meaning.Family family, Pattern pattern, Function<MatchResult, String> feature) {

  /** Word separator inside names: "r-value", "r value", "rvalue". */
  static final String SEP = "[- ]?";

  /** A whole-word pattern that always stands for the same feature. */
  static Term of(Meaning.Family family, String feature, String regex) {
    return new Term(family, words(regex), match -> feature);
  }

  /** A whole-word pattern whose feature is computed from the match. */
  static Term of(Meaning.Family family, String regex, Function<MatchResult, String> feature) {
    return new Term(family, words(regex), feature);
  }

  /** A pattern without word boundaries (amounts start with '$'). */
  static Term raw(Meaning.Family family, String regex, Function<MatchResult, String> feature) {
    return new Term(family, Pattern.compile(regex), feature);
  }

  /** A rewrite with no feature: the matched span is replaced (e.g. "how many minutes before" is not "before"). */
  static Term rewrite(String regex, String replacement) {
    return new Term(null, words(regex), match -> replacement);
  }

  private static Pattern words(String regex) {
    return Pattern.compile("(?<![\\p{L}\\p{N}-])(?:" + regex + ")(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])");
  }

  /** Applies the rule to the text: adds a feature per match and returns the text with the matches blanked. */
  String apply(String text, Meaning.Builder into) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    do {
      String value = feature.apply(matcher.toMatchResult());
      if (family == null) {
        matcher.appendReplacement(out, Matcher.quoteReplacement(value));
      } else {
        if (value != null) {
          into.add(family, value);
        }
        matcher.appendReplacement(out, " ");
      }
    } while (matcher.find());
    matcher.appendTail(out);
    return out.toString();
  }
}
