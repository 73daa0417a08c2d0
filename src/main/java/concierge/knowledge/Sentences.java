package concierge.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits chunk text into sentences for the extractive generator. A list item or table row is a
 * sentence of its own; abbreviations and numbers with dots ("1.5 L", "a.m.", "e.g.") do not end one.
 */
public final class Sentences {

  private static final Pattern END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9\"'(])");
  private static final Pattern ABBREVIATION = Pattern.compile("(?i)(\\b(e\\.g|i\\.e|etc|vs|approx|no|st|mr|ms|dr|a\\.m|p\\.m)\\.)$");

  private Sentences() {
  }

  public static List<String> split(String text) {
    List<String> sentences = new ArrayList<>();
    for (String line : text.split("\n")) {
      String clean = line.strip().replaceFirst("^([-*]|\\d+\\.)\\s+", "").replace("**", "");
      if (clean.isEmpty() || clean.startsWith("|---") || clean.startsWith("#")) {
        continue;
      }
      splitLine(clean, sentences);
    }
    return sentences;
  }

  private static void splitLine(String line, List<String> out) {
    StringBuilder pending = new StringBuilder();
    for (String piece : END.split(line)) {
      if (pending.length() > 0) {
        pending.append(' ');
      }
      pending.append(piece);
      if (!ABBREVIATION.matcher(piece).find()) {
        out.add(pending.toString().strip());
        pending.setLength(0);
      }
    }
    if (pending.length() > 0) {
      out.add(pending.toString().strip());
    }
  }
}
