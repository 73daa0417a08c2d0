package concierge.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Corrects misspelt words ("retrn windo for boots") to the shop's own words before a message is
 * embedded and classified: the embedding model reads an unknown word as unrelated word pieces, so
 * one typo can move a question to another intent or another chunk.
 *
 * <p>A word is corrected only when it is unknown both to the shop's texts and to the embedding
 * model's English vocabulary (so "bike" is never read as "hike"), is lowercase (names and SKUs
 * stay as typed), has at least four letters, and is one edit (two from eight letters up) away from
 * a shop word with the same first letter; the most frequent such word wins. A contraction typed
 * without its apostrophe ("whats", "dont") gets it back.
 */
public final class Spelling {

  private static final Pattern WORD = Pattern.compile("[A-Za-z]+(?:'[a-z]+)?");
  private static final Pattern LOWER = Pattern.compile("[a-z]+(?:'[a-z]+)?");
  private static final int MIN_LENGTH = 4;

  private final Set<String> known;
  private final Map<Character, List<String>> targets = new HashMap<>();
  private final Map<String, Integer> frequency;

  private Spelling(Set<String> known, Map<String, Integer> frequency) {
    this.known = known;
    this.frequency = frequency;
    for (String word : frequency.keySet()) {
      targets.computeIfAbsent(word.charAt(0), c -> new ArrayList<>()).add(word);
    }
  }

  /**
   * @param shopTexts the knowledge base: every word in it is known and may be a correction
   * @param examples  the intent examples: their English words may be corrections (their typos, written
   *                  on purpose, are not known words)
   * @param english   the embedding model's whole-word vocabulary
   */
  public static Spelling of(List<String> shopTexts, List<String> examples, Set<String> english) {
    Map<String, Integer> frequency = new HashMap<>();
    Set<String> known = new HashSet<>(english);
    for (String text : shopTexts) {
      for (String word : words(text)) {
        frequency.merge(word, 3, Integer::sum);
        known.add(word);
      }
    }
    for (String text : examples) {
      for (String word : words(text)) {
        if (english.contains(word) || word.contains("'") && english.contains(word.substring(0, word.indexOf('\'')))) {
          frequency.merge(word, 1, Integer::sum);
        }
      }
    }
    frequency.keySet().removeIf(word -> word.length() < 3);
    return new Spelling(known, frequency);
  }

  /** The English whole words of a BERT word-piece vocabulary on the class path, or none. */
  public static Set<String> englishVocabulary(String resource) {
    InputStream in = Spelling.class.getResourceAsStream(resource);
    if (in == null) {
      return Set.of();
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      Set<String> words = new HashSet<>();
      reader.lines().filter(line -> LOWER.matcher(line).matches()).forEach(words::add);
      return words;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The message with its misspelt words replaced; unchanged when nothing needs correcting. */
  public String correct(String message) {
    if (Language.notEnglish(message)) {
      return message;
    }
    Matcher words = WORD.matcher(message);
    StringBuilder out = null;
    int at = 0;
    while (words.find()) {
      String word = words.group();
      String fixed = correction(word, words.start() == firstLetter(message));
      if (fixed != null) {
        out = out == null ? new StringBuilder(message.length() + 8) : out;
        out.append(message, at, words.start()).append(fixed);
        at = words.end();
      }
    }
    return out == null ? message : out.append(message.substring(at)).toString();
  }

  private String correction(String word, boolean first) {
    String lower = word.toLowerCase(Locale.ROOT);
    boolean capitalised = !word.equals(lower);
    if (word.length() < MIN_LENGTH || known.contains(lower) || (capitalised && !(first && isCapitalised(word)))) {
      return null;
    }
    for (int i = lower.length() - 1; i > 0; i--) {
      String contracted = lower.substring(0, i) + "'" + lower.substring(i);
      if (frequency.containsKey(contracted)) {
        return capitalised ? Character.toUpperCase(contracted.charAt(0)) + contracted.substring(1) : contracted;
      }
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int limit = lower.length() >= 8 ? 2 : 1;
    for (String candidate : targets.getOrDefault(lower.charAt(0), List.of())) {
      if (Math.abs(candidate.length() - lower.length()) > limit) {
        continue;
      }
      int distance = distance(lower, candidate, limit);
      if (distance <= limit && (distance < bestDistance
          || distance == bestDistance && frequency.get(candidate) > frequency.get(best))) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best == null) {
      return null;
    }
    return capitalised ? Character.toUpperCase(best.charAt(0)) + best.substring(1) : best;
  }

  private static boolean isCapitalised(String word) {
    return Character.isUpperCase(word.charAt(0)) && word.substring(1).equals(word.substring(1).toLowerCase(Locale.ROOT));
  }

  private static int firstLetter(String message) {
    for (int i = 0; i < message.length(); i++) {
      if (Character.isLetter(message.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher matcher = LOWER.matcher(text.toLowerCase(Locale.ROOT));
    while (matcher.find()) {
      words.add(matcher.group());
    }
    return words;
  }

  /** Optimal string alignment distance (a swap of neighbours is one edit), or limit + 1 when above. */
  static int distance(String a, String b, int limit) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          value = Math.min(value, d[i - 2][j - 2] + 1);
        }
        d[i][j] = value;
        rowMin = Math.min(rowMin, value);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
    }
    return d[a.length()][b.length()];
  }
}
