package concierge.bench;

import concierge.knowledge.Sentences;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Is a cache hit's answer right? It is compared with a fresh, uncached answer to the same question
 * from the deterministic embedded generator:
 * <ul>
 *   <li>{@code SAME}: the same text;</li>
 *   <li>{@code AGREES}: the cached answer states the fresh answer's lead sentence (the generator puts
 *   the sentence that answers best first) or at least half of its sentences, each word for word or
 *   as a sentence with the same facts (numbers, amounts, durations, negations) and at least 60% of
 *   its words. The extractive generator picks sentences by the wording of the question, so even a
 *   re-typed question can get other supporting sentences around the same answer;</li>
 *   <li>{@code ROUTED_ELSEWHERE}: without the cache the question went another way (a ready reply,
 *   an order intent): the classifier, not the cache, disagrees with itself;</li>
 *   <li>{@code WRONG}: anything else.</li>
 * </ul>
 */
public final class HitCheck {

  public enum Verdict { SAME, AGREES, ROUTED_ELSEWHERE, WRONG }

  private static final Pattern FACT = Pattern.compile(
      "\\$?\\d[\\d,]*(?:\\.\\d+)?(?:\\s?(?:%|°f|lb|oz|mm|l\\b|days?|hours?|minutes?|months?|years?))?"
          + "|\\b(?:not|no|never|cannot|can't|isn't|aren't|doesn't|don't)\\b");
  private static final Pattern WORD = Pattern.compile("[a-z0-9$%]+");
  private static final Set<String> SMALL = Set.of("a", "an", "the", "of", "in", "on", "to", "and", "or", "is", "are",
      "be", "can", "for", "with", "our", "your", "their", "its", "it", "by", "at", "under", "policy");

  private HitCheck() {
  }

  public static Verdict judge(String cached, String fresh, boolean freshIsKnowledge) {
    if (normal(cached).equals(normal(fresh))) {
      return Verdict.SAME;
    }
    if (!freshIsKnowledge) {
      return Verdict.ROUTED_ELSEWHERE;
    }
    List<String> expected = Sentences.split(fresh).stream().map(HitCheck::normal).toList();
    List<String> said = Sentences.split(cached).stream().map(HitCheck::normal).toList();
    if (expected.isEmpty()) {
      return Verdict.WRONG;
    }
    long found = expected.stream().filter(sentence -> said.stream().anyMatch(s -> says(s, sentence))).count();
    boolean leadFound = said.stream().anyMatch(s -> says(s, expected.get(0)));
    return leadFound || 2 * found >= expected.size() ? Verdict.AGREES : Verdict.WRONG;
  }

  /** True when {@code sentence} states {@code expected}: the same text, or its facts and most of its words. */
  private static boolean says(String sentence, String expected) {
    if (sentence.equals(expected)) {
      return true;
    }
    Set<String> wanted = words(expected);
    Set<String> present = words(sentence);
    long shared = wanted.stream().filter(present::contains).count();
    return facts(sentence).containsAll(facts(expected)) && !wanted.isEmpty() && shared >= 0.6 * wanted.size();
  }

  static Set<String> facts(String text) {
    Set<String> facts = new TreeSet<>();
    Matcher matcher = FACT.matcher(text);
    while (matcher.find()) {
      facts.add(matcher.group().replace(" ", ""));
    }
    return facts;
  }

  private static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    Matcher matcher = WORD.matcher(text);
    while (matcher.find()) {
      if (!SMALL.contains(matcher.group())) {
        words.add(matcher.group());
      }
    }
    return words;
  }

  private static String normal(String text) {
    return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", " ").strip();
  }
}
