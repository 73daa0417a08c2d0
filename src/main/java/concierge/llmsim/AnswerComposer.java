package concierge.llmsim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes the simulated answer: exactly the drawn number of tokens. When the prompt carries
 * knowledge it quotes two to four of its sentences verbatim (the ones closest to the question),
 * whole, and pads with short connectives; otherwise it uses neutral customer-service sentences.
 */
public final class AnswerComposer {

  private static final Map<String, int[]> PHRASE_TOKENS = phraseTokens("");
  private static final Map<String, int[]> SPACED_PHRASE_TOKENS = phraseTokens(" ");

  private AnswerComposer() {
  }

  /** The answer: its text, its cl100k tokens ({@code tokens.length} is the drawn length), the sentences it quotes. */
  public record Answer(String text, int[] tokens, List<String> quotes) {
  }

  public static Answer compose(ChatRequest request, int targetTokens, Random random) {
    List<String> quotes = KnowledgeQuotes.best(request, 2 + random.nextInt(3));
    Draft draft = new Draft();
    List<String> quoted = new ArrayList<>();
    if (!quotes.isEmpty()) {
      draft.add(pick(Phrases.CONNECTIVES, random, draft.last));
      for (String quote : quotes) {
        if (!draft.addIfFits(quote, targetTokens)) {
          break;
        }
        quoted.add(quote);
      }
    }
    List<String> padding = quotes.isEmpty() ? Phrases.NEUTRAL : Phrases.CONNECTIVES;
    while (draft.size < targetTokens) {
      draft.add(pick(padding, random, draft.last));
    }
    int[] tokens = Arrays.copyOf(draft.tokens, targetTokens);
    return new Answer(Tokenizer.decode(tokens), tokens, List.copyOf(quoted));
  }

  /** An answer that is just {@code text} (a label), whatever length was drawn. */
  public static Answer exactly(String text) {
    return new Answer(text, Tokenizer.encode(text), List.of());
  }

  /** A made-up fact: a figure that no knowledge of the demo shop states. */
  public static final String INVENTED = "Returns are accepted within 73 days of delivery.";

  /**
   * The answer with {@link #INVENTED} after its first sentence, in as many tokens as before (what
   * no longer fits at the end is left out).
   */
  public static Answer invented(Answer answer) {
    String text = answer.text();
    int end = text.indexOf(". ");
    int at = end < 0 ? text.length() : end + 1;
    String changed = text.substring(0, at) + " " + INVENTED + text.substring(at);
    int[] tokens = Tokenizer.encode(changed);
    if (tokens.length > answer.tokens().length) {
      tokens = Arrays.copyOf(tokens, answer.tokens().length);
    }
    return new Answer(Tokenizer.decode(tokens), tokens, answer.quotes());
  }

  private static Map<String, int[]> phraseTokens(String prefix) {
    Map<String, int[]> tokens = new HashMap<>();
    Stream.concat(Phrases.CONNECTIVES.stream(), Phrases.NEUTRAL.stream())
        .forEach(phrase -> tokens.put(phrase, Tokenizer.encode(prefix + phrase)));
    return Map.copyOf(tokens);
  }

  /** A random phrase of the pool, not the one just written. */
  private static String pick(List<String> pool, Random random, String last) {
    String phrase = pool.get(random.nextInt(pool.size()));
    return phrase.equals(last) ? pool.get((pool.indexOf(phrase) + 1) % pool.size()) : phrase;
  }

  /**
   * The answer being written, as tokens. Sentences are encoded one by one with their leading
   * space; cl100k never merges across a space before a word, so the tokens are those of the text.
   */
  private static final class Draft {
    private int[] tokens = new int[256];
    private int size;
    private String last;

    /** Adds a phrase of the pools (their tokens are computed once). */
    void add(String phrase) {
      append((size == 0 ? PHRASE_TOKENS : SPACED_PHRASE_TOKENS).get(phrase));
      last = phrase;
    }

    boolean addIfFits(String sentence, int limit) {
      int[] encoded = Tokenizer.encode(size == 0 ? sentence : " " + sentence);
      if (size + encoded.length > limit) {
        return false;
      }
      append(encoded);
      last = sentence;
      return true;
    }

    private void append(int[] encoded) {
      if (size + encoded.length > tokens.length) {
        tokens = Arrays.copyOf(tokens, Math.max(tokens.length * 2, size + encoded.length));
      }
      System.arraycopy(encoded, 0, tokens, size, encoded.length);
      size += encoded.length;
    }
  }
}
