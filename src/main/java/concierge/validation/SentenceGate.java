package concierge.validation;

import io.vertx.core.Future;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Releases generated text to the customer a sentence at a time, each after it passed validation,
 * in order. A sentence that fails is dropped and counted. Used on one event loop.
 */
public final class SentenceGate {

  private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s+[A-Z0-9\"'(])|[.!?]$|\\n");
  private static final Pattern ABBREVIATION = Pattern.compile("\\b(e\\.g|i\\.e|etc|vs|a\\.m|p\\.m|No|St|Mr|Ms|Dr)\\.$");
  private static final Pattern FINISHED = Pattern.compile("[.!?][\"')]?$");

  private final ValidationService validation;
  private final List<String> grounding;
  private final Consumer<String> release;
  private final StringBuilder pending = new StringBuilder();
  private final StringBuilder released = new StringBuilder();
  private Future<Void> chain = Future.succeededFuture();
  private int removed;
  private long validationNanos;

  public SentenceGate(ValidationService validation, List<String> grounding, Consumer<String> release) {
    this.validation = validation;
    this.grounding = grounding;
    this.release = release;
  }

  /** Takes the next piece of generated text; complete sentences go to validation. */
  public void accept(String text) {
    pending.append(text);
    int end;
    while ((end = completeSentenceEnd()) > 0) {
      String sentence = pending.substring(0, end).strip();
      pending.delete(0, end);
      if (!sentence.isEmpty()) {
        enqueue(sentence);
      }
    }
  }

  /**
   * Drops an unfinished sentence (a stream cut in its middle), so that another writer can take
   * over cleanly; a last sentence that did end (only nothing came after it) is kept.
   */
  public void discardUnfinished() {
    String rest = pending.toString().strip();
    if (!FINISHED.matcher(rest).find() || endsWithAbbreviation(rest)) {
      pending.setLength(0);
    }
  }

  /** Flushes what is left; completes when every sentence was validated and released. */
  public Future<Void> finish() {
    String rest = pending.toString().strip();
    pending.setLength(0);
    if (!rest.isEmpty()) {
      enqueue(rest);
    }
    return chain;
  }

  public String text() {
    return released.toString();
  }

  public int removed() {
    return removed;
  }

  public long validationMicros() {
    return validationNanos / 1000;
  }

  private int completeSentenceEnd() {
    Matcher matcher = SENTENCE_END.matcher(pending);
    while (matcher.find()) {
      int end = matcher.end();
      String before = pending.substring(0, end);
      if (!endsWithAbbreviation(before) && end < pending.length()) {
        return end;
      }
    }
    return -1;
  }

  private static boolean endsWithAbbreviation(String text) {
    return ABBREVIATION.matcher(text).region(Math.max(0, text.length() - 6), text.length()).useTransparentBounds(true)
        .find();
  }

  private void enqueue(String sentence) {
    chain = chain.compose(v -> {
      long started = System.nanoTime();
      return validation.check(sentence, grounding)
          .recover(failure -> Future.succeededFuture(Verdict.reject("validation unavailable")))
          .map(verdict -> {
            validationNanos += System.nanoTime() - started;
            if (verdict.ok()) {
              String piece = (released.length() == 0 ? "" : " ") + sentence;
              released.append(piece);
              release.accept(piece);
            } else {
              removed++;
            }
            return null;
          });
    });
  }
}
