package concierge.generation;

import concierge.embedding.Vectors;
import concierge.retrieval.RetrievedChunk;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The embedded generator: a grounded, extractive answer composed from the retrieved chunks. It
 * scores every sentence of the top chunks by the cosine of its ingest-time vector with the
 * question, the words it shares with the question, and its chunk's rank; leads with the best
 * sentence, adds the next best ones that say something new, and sends each as it is chosen.
 * No network, no model call: microseconds.
 */
public final class ExtractiveAnswerer implements AnswerProvider {

  private static final Set<String> STOPWORDS = Set.of("a", "an", "the", "is", "are", "do", "does", "did", "can",
      "could", "i", "you", "your", "my", "me", "we", "our", "to", "of", "for", "on", "in", "at", "it", "and", "or",
      "what", "how", "when", "where", "which", "who", "why", "with", "be", "have", "has", "if", "there", "any",
      "about", "much", "many", "long", "get", "from", "u", "ur", "pls", "please", "this", "that", "will", "would",
      "should", "by", "as", "so", "im", "its", "am", "was", "were", "not", "no", "yes");
  private static final double[] RANK_BONUS = {0.06, 0.03, 0.0};
  /** Policy questions are answered from policies first, product questions from the catalogue. */
  private static final double PREFERRED_COLLECTION_BONUS = 0.06;

  private record Scored(SentenceIndex.Sentence sentence, double score, int rank) {
  }

  private final SentenceIndex index;
  private final int maxSentences;
  private final double minSimilarity;

  public ExtractiveAnswerer(SentenceIndex index, int maxSentences, double minSimilarity) {
    this.index = index;
    this.maxSentences = maxSentences;
    this.minSimilarity = minSimilarity;
  }

  @Override
  public Future<Draft> write(GenerationRequest request, Consumer<String> onText, Cancellation cancellation) {
    String preferred = "product_question".equals(request.intent()) ? "products" : "policies";
    List<String> chosen = choose(request.question(), request.vector(), request.chunks(), sentenceBudget(request), preferred);
    StringBuilder text = new StringBuilder();
    for (String sentence : chosen) {
      if (cancellation.cancelled()) {
        break;
      }
      String piece = (text.length() == 0 ? "" : " ") + sentence;
      text.append(piece);
      onText.accept(piece);
    }
    return Future.succeededFuture(new Draft(text.toString(), "embedded", 0, 0));
  }

  /** Complaints and return requests are followed by their next steps, so they say less themselves. */
  private int sentenceBudget(GenerationRequest request) {
    boolean followedBySteps = request.tone() != null && request.tone().complaint()
        || "return_request".equals(request.intent());
    return followedBySteps ? Math.max(1, maxSentences - 2) : maxSentences;
  }

  List<String> choose(String question, float[] vector, List<RetrievedChunk> chunks, int budget, String preferred) {
    Set<String> questionWords = words(question);
    List<Scored> scored = new ArrayList<>();
    for (int rank = 0; rank < chunks.size(); rank++) {
      double collectionBonus = chunks.get(rank).collection().equals(preferred) ? PREFERRED_COLLECTION_BONUS : 0;
      for (SentenceIndex.Sentence sentence : index.of(chunks.get(rank).id())) {
        double similarity = Vectors.cosine(vector, sentence.vector());
        double lexical = overlap(questionWords, sentence.words());
        scored.add(new Scored(sentence, similarity + 0.3 * lexical + RANK_BONUS[Math.min(rank, 2)] + collectionBonus,
            rank));
      }
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed());
    List<Scored> picked = new ArrayList<>();
    for (Scored candidate : scored) {
      if (picked.size() >= budget) {
        break;
      }
      if (picked.isEmpty() || (candidate.score() >= minSimilarity && candidate.score() >= picked.get(0).score() * 0.72
          && !repeats(candidate, picked))) {
        picked.add(candidate);
      }
    }
    return picked.stream().map(s -> s.sentence().text()).toList();
  }

  /** Says nothing new: nearly the same vector, or most of its words already said by a kept sentence. */
  private static boolean repeats(Scored candidate, List<Scored> picked) {
    Set<String> words = candidate.sentence().words();
    for (Scored kept : picked) {
      if (Vectors.cosine(candidate.sentence().vector(), kept.sentence().vector()) > 0.9) {
        return true;
      }
      Set<String> keptWords = kept.sentence().words();
      long shared = words.stream().filter(keptWords::contains).count();
      if (shared >= 0.75 * Math.min(words.size(), keptWords.size())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The content words of a text, lower case and stemmed: runs of letters, digits and {@code $.%-},
   * without leading {@code .$-} or trailing {@code .-}, stopwords and one-letter words.
   */
  static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    String lower = text.toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < lower.length()) {
      while (i < lower.length() && !wordChar(lower.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < lower.length() && wordChar(lower.charAt(i))) {
        i++;
      }
      int end = i;
      while (start < end && ".$-".indexOf(lower.charAt(start)) >= 0) {
        start++;
      }
      while (end > start && ".-".indexOf(lower.charAt(end - 1)) >= 0) {
        end--;
      }
      String word = lower.substring(start, end);
      if (word.length() >= 2 && !STOPWORDS.contains(word)) {
        words.add(stem(word));
      }
    }
    return words;
  }

  private static boolean wordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '$' || c == '.' || c == '%' || c == '-';
  }

  private static String stem(String word) {
    if (word.length() > 4 && word.endsWith("ies")) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  private static double overlap(Set<String> question, Set<String> sentence) {
    if (question.isEmpty()) {
      return 0;
    }
    int shared = 0;
    for (String word : question) {
      if (sentence.contains(word)) {
        shared++;
      }
    }
    return (double) shared / question.size();
  }
}
