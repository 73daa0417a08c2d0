package concierge.cache;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule of the meaning lexicon: a pattern over {@link QuestionText normalized} text and the
 * feature it stands for. A matched span is blanked out, so that a later, more general rule does
 * not read it again ("ridgeline 2 tent" is one product, not a product and a tent; "non-member"
 * is not also a member). Rules run in the order the lexicon lists them.
 *
 * <p>A word rule is tried only at the start of a word whose first character can start a match
 * (see {@link FirstChars}): a question is read by some 200 rules, and this keeps the whole
 * reading in tens of microseconds.
 */
final class Term {

  /** Word separator inside names: "r-value", "r value", "rvalue". */
  static final String SEP = "[- ]?";

  private final Meaning.Family family;
  private final Pattern pattern;
  private final Function<MatchResult, String> feature;
  private final boolean wordStart;
  private final BitSet first;

  private Term(Meaning.Family family, String regex, Function<MatchResult, String> feature, boolean wordStart) {
    this.family = family;
    this.pattern = Pattern.compile(wordStart ? "(?:" + regex + ")(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])" : regex);
    this.feature = feature;
    this.wordStart = wordStart;
    this.first = FirstChars.of(regex);
  }

  /** A whole-word pattern that always stands for the same feature. */
  static Term of(Meaning.Family family, String feature, String regex) {
    return new Term(family, regex, match -> feature, true);
  }

  /** A whole-word pattern whose feature is computed from the match. */
  static Term of(Meaning.Family family, String regex, Function<MatchResult, String> feature) {
    return new Term(family, regex, feature, true);
  }

  /** A pattern that may start anywhere (amounts start with '$', "75+" ends with '+'). */
  static Term raw(Meaning.Family family, String regex, Function<MatchResult, String> feature) {
    return new Term(family, regex, feature, false);
  }

  /** A whole-word rewrite with no feature: the match is replaced by {@code replacement}. */
  static Term rewrite(String regex, String replacement) {
    return new Term(null, regex, match -> replacement, true);
  }

  /** A whole-word rewrite computed from the match. */
  static Term rewrite(String regex, Function<MatchResult, String> replacement) {
    return new Term(null, regex, replacement, true);
  }

  /** A rewrite that may start anywhere. */
  static Term rawRewrite(String regex, Function<MatchResult, String> replacement) {
    return new Term(null, regex, replacement, false);
  }

  Pattern pattern() {
    return pattern;
  }

  /** Applies the rule: adds a feature per match, returns the text with each match blanked (or rewritten). */
  String apply(String text, Meaning.Builder into) {
    List<MatchResult> matches = wordStart ? matchesAtWordStarts(text) : matchesAnywhere(text);
    if (matches.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    for (MatchResult match : matches) {
      String value = feature.apply(match);
      out.append(text, copied, match.start());
      if (family == null) {
        out.append(value);
      } else {
        if (value != null) {
          into.add(family, value);
        }
        out.append(' ');
      }
      copied = match.end();
    }
    return out.append(text, copied, text.length()).toString();
  }

  private List<MatchResult> matchesAtWordStarts(String text) {
    List<MatchResult> matches = new ArrayList<>(1);
    Matcher matcher = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || (i > 0 && text.charAt(i - 1) != ' ') || (first != null && !first.get(c))) {
        continue;
      }
      if (matcher == null) {
        matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      }
      matcher.region(i, text.length());
      if (matcher.lookingAt() && matcher.end() > i) {
        matches.add(matcher.toMatchResult());
        i = matcher.end() - 1;
      }
    }
    return matches;
  }

  private List<MatchResult> matchesAnywhere(String text) {
    if (first != null && text.chars().noneMatch(first::get)) {
      return List.of();
    }
    List<MatchResult> matches = new ArrayList<>(1);
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      matches.add(matcher.toMatchResult());
    }
    return matches;
  }
}
