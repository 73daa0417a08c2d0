package concierge.cache;

import java.util.BitSet;

/**
 * The characters a match of a lexicon pattern can start with, read from the pattern itself, so
 * that a {@link Term} is tried only where the text has one of them. The lexicon's patterns are
 * alternations of words with optional parts; for anything this reader does not follow (a
 * Unicode class, a negated class, a construct it does not know) the answer is "any character".
 */
final class FirstChars {

  private record Result(BitSet chars, boolean nullable) {
  }

  private final String regex;
  private int pos;

  private FirstChars(String regex) {
    this.regex = regex;
  }

  /** The possible first characters, or null when any character may start a match. */
  static BitSet of(String regex) {
    try {
      FirstChars reader = new FirstChars(regex);
      Result result = reader.alternation();
      return reader.pos == regex.length() && !result.nullable() ? result.chars() : null;
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  private Result alternation() {
    Result all = sequence();
    while (pos < regex.length() && regex.charAt(pos) == '|') {
      pos++;
      Result next = sequence();
      all = new Result(union(all.chars(), next.chars()), all.nullable() || next.nullable());
    }
    return all;
  }

  private Result sequence() {
    BitSet chars = new BitSet();
    boolean nullable = true;
    while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
      Result atom = quantified();
      if (nullable) {
        chars = union(chars, atom.chars());
        nullable = atom.nullable();
      }
    }
    return new Result(chars, nullable);
  }

  private Result quantified() {
    Result atom = atom();
    if (pos >= regex.length()) {
      return atom;
    }
    char c = regex.charAt(pos);
    boolean optional = false;
    if (c == '?' || c == '*') {
      optional = true;
      pos++;
    } else if (c == '+') {
      pos++;
    } else if (c == '{') {
      int close = regex.indexOf('}', pos);
      optional = regex.substring(pos + 1, close).startsWith("0");
      pos = close + 1;
    } else {
      return atom;
    }
    if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
      pos++;
    }
    return new Result(atom.chars(), atom.nullable() || optional);
  }

  private Result atom() {
    char c = regex.charAt(pos++);
    return switch (c) {
      case '(' -> group();
      case '[' -> charClass();
      case '\\' -> escape();
      case '.' -> new Result(null, false);
      case '^', '$' -> new Result(new BitSet(), true);
      default -> new Result(single(c), false);
    };
  }

  private Result group() {
    boolean zeroWidth = false;
    if (regex.startsWith("?:", pos)) {
      pos += 2;
    } else if (regex.startsWith("?=", pos) || regex.startsWith("?!", pos)) {
      pos += 2;
      zeroWidth = true;
    } else if (regex.startsWith("?<=", pos) || regex.startsWith("?<!", pos)) {
      pos += 3;
      zeroWidth = true;
    } else if (regex.charAt(pos) == '?') {
      throw new IllegalArgumentException("unknown group");
    }
    Result inner = alternation();
    if (regex.charAt(pos++) != ')') {
      throw new IllegalArgumentException("unclosed group");
    }
    return zeroWidth ? new Result(new BitSet(), true) : inner;
  }

  private Result charClass() {
    boolean negated = regex.charAt(pos) == '^';
    if (negated) {
      pos++;
    }
    BitSet chars = new BitSet();
    boolean any = negated;
    while (regex.charAt(pos) != ']') {
      char c = regex.charAt(pos++);
      if (c == '\\') {
        BitSet escaped = escape().chars();
        if (escaped == null) {
          any = true;
        } else {
          chars.or(escaped);
        }
      } else if (pos + 1 < regex.length() && regex.charAt(pos) == '-' && regex.charAt(pos + 1) != ']') {
        chars.set(c, regex.charAt(pos + 1) + 1);
        pos += 2;
      } else {
        chars.set(c);
      }
    }
    pos++;
    return new Result(any ? null : chars, false);
  }

  private Result escape() {
    char c = regex.charAt(pos++);
    return switch (c) {
      case 'd' -> {
        BitSet digits = new BitSet();
        digits.set('0', '9' + 1);
        yield new Result(digits, false);
      }
      case 's' -> {
        BitSet spaces = new BitSet();
        " \t\n\r\f\u000b".chars().forEach(spaces::set);
        yield new Result(spaces, false);
      }
      case 'b', 'B' -> new Result(new BitSet(), true);
      case 'w', 'W', 'S', 'D', 'p', 'P' -> {
        if ((c == 'p' || c == 'P') && pos < regex.length() && regex.charAt(pos) == '{') {
          pos = regex.indexOf('}', pos) + 1;
        }
        yield new Result(null, false);
      }
      default -> new Result(single(c), false);
    };
  }

  private static BitSet single(char c) {
    BitSet set = new BitSet();
    set.set(c);
    return set;
  }

  private static BitSet union(BitSet a, BitSet b) {
    if (a == null || b == null) {
      return null;
    }
    BitSet both = (BitSet) a.clone();
    both.or(b);
    return both;
  }
}
