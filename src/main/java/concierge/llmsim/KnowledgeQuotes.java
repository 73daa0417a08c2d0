package concierge.llmsim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the knowledge a prompt carries and ranks it against the customer's question. Knowledge
 * is taken from {@code <<<chunk ...>>> ... <<<end>>>} blocks when the prompt has them, otherwise
 * from the last system and user messages; a knowledge sentence has five or more words and ends
 * with a period. Sentences are returned exactly as they appear in the prompt.
 */
public final class KnowledgeQuotes {

  private static final Pattern CHUNK = Pattern.compile("<<<chunk[^>]*>>>(.*?)<<<end>>>", Pattern.DOTALL);
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=\\.)\\s+(?=[\\p{Lu}\\d\"'(\\[])");
  private static final Pattern LIST_MARKER = Pattern.compile("^([-*•]|\\d{1,2}[.)])\\s+");
  private static final Pattern ABBREVIATION =
      Pattern.compile("(?i)\\b(e\\.g|i\\.e|etc|vs|approx|no|st|mr|mrs|ms|dr|a\\.m|p\\.m)\\.$");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\d']+");
  private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "you", "your", "are", "can", "how",
      "what", "with", "this", "that", "does", "have", "from", "our", "any", "will", "was", "not", "but", "its",
      "who", "why", "when", "which", "there", "about", "into", "them", "they", "their", "would", "could", "should");

  private KnowledgeQuotes() {
  }

  /** Up to {@code count} knowledge sentences of the prompt, those sharing most words with the question first. */
  public static List<String> best(ChatRequest request, int count) {
    String question = request.question();
    Set<String> asked = words(question);
    Map<String, Integer> shared = new LinkedHashMap<>();
    for (String sentence : candidates(request)) {
      if (!sentence.equals(question.strip())) {
        shared.put(sentence, shared(words(sentence), asked));
      }
    }
    List<String> ranked = new ArrayList<>(shared.keySet());
    ranked.sort(Comparator.comparingInt(sentence -> -shared.get(sentence)));
    return List.copyOf(ranked.subList(0, Math.min(count, ranked.size())));
  }

  /** Every knowledge sentence of the prompt, in prompt order, without duplicates. */
  public static List<String> candidates(ChatRequest request) {
    Set<String> seen = new HashSet<>();
    List<String> sentences = new ArrayList<>();
    for (String block : knowledgeBlocks(request)) {
      for (String sentence : sentences(block)) {
        if (seen.add(sentence)) {
          sentences.add(sentence);
        }
      }
    }
    return sentences;
  }

  private static List<String> knowledgeBlocks(ChatRequest request) {
    List<ChatRequest.Message> messages = request.messages();
    for (int i = messages.size() - 1; i >= 0; i--) {
      List<String> chunks = new ArrayList<>();
      Matcher matcher = CHUNK.matcher(messages.get(i).text());
      while (matcher.find()) {
        chunks.add(matcher.group(1));
      }
      if (!chunks.isEmpty()) {
        return chunks;
      }
    }
    List<String> blocks = new ArrayList<>();
    lastOfRole(messages, "system").ifPresent(blocks::add);
    lastOfRole(messages, "user").ifPresent(blocks::add);
    return blocks;
  }

  private static Optional<String> lastOfRole(List<ChatRequest.Message> messages, String role) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (role.equals(messages.get(i).role())) {
        return Optional.of(messages.get(i).text());
      }
    }
    return Optional.empty();
  }

  static List<String> sentences(String text) {
    List<String> found = new ArrayList<>();
    for (String line : text.split("\n")) {
      String clean = LIST_MARKER.matcher(line.strip()).replaceFirst("");
      StringBuilder pending = new StringBuilder();
      for (String piece : SENTENCE_END.split(clean)) {
        pending.append(pending.length() > 0 ? " " : "").append(piece);
        if (!ABBREVIATION.matcher(piece).find()) {
          keepIfKnowledge(pending.toString(), line, found);
          pending.setLength(0);
        }
      }
      keepIfKnowledge(pending.toString(), line, found);
    }
    return found;
  }

  private static void keepIfKnowledge(String sentence, String line, List<String> found) {
    String s = sentence.strip();
    if (s.endsWith(".") && !s.contains("<<<") && s.split("\\s+").length >= 5 && line.contains(s)) {
      found.add(s);
    }
  }

  static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (matcher.find()) {
      String word = matcher.group();
      if (word.length() >= 3 && !STOP_WORDS.contains(word)) {
        words.add(word);
      }
    }
    return words;
  }

  private static int shared(Set<String> a, Set<String> b) {
    int count = 0;
    for (String word : a) {
      if (b.contains(word)) {
        count++;
      }
    }
    return count;
  }
}
