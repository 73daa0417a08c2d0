package concierge.validation;

import io.vertx.core.Future;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Releases generated text to the customer in order, each sentence validated whole before the
 * answer holds it. A sentence that fails is dropped and counted.
 *
 * <p>With an {@link AnswerValidator} for early showing, the sentence being written is shown as it
 * arrives, up to what {@link AnswerValidator.Showing#showable} allows (figures and identifiers only once
 * whole and checked), while everything before it has been validated. If the sentence then fails,
 * whether in part or whole, what was shown of it is withdrawn ({@link Listener#withdrawn}) and
 * it is not part of the answer. Without one, each sentence is shown only after its validation.
 * Used on one event loop.
 */
public final class SentenceGate {

  /** Where the text goes: pieces to append, and pieces to take back from the end. */
  public interface Listener {
    void shown(String piece);

    /**
     * Whether a piece shown now would go to the client now. When it would wait anyway, the
     * sentence being written is not checked for more to show until the next piece of text.
     */
    default boolean ready() {
      return true;
    }

    /** {@code piece} is the end of what was shown, to remove: a sentence that failed. */
    void withdrawn(String piece);
  }

  private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s+[A-Z0-9\"'(])|[.!?]$|\\n");
  private static final Pattern ABBREVIATION = Pattern.compile("\\b(e\\.g|i\\.e|etc|vs|a\\.m|p\\.m|No|St|Mr|Ms|Dr)\\.$");
  private static final Pattern FINISHED = Pattern.compile("[.!?][\"')]?$");

  private final ValidationService validation;
  private final AnswerValidator early;
  private final List<String> grounding;
  private final Listener listener;
  private final StringBuilder pending = new StringBuilder();
  private final StringBuilder released = new StringBuilder();
  private Future<Void> chain = Future.succeededFuture();
  private int validating;
  /** What was shown of the sentence being written, with the space that joins it to the answer. */
  private String shownPiece = "";
  /** How many characters of that sentence (without the joining space) are shown. */
  private int shownChars;
  /** The checks of the sentence being written, from its first shown piece. */
  private AnswerValidator.Showing showing;
  /** The sentence being written already failed: nothing more of it is shown before its verdict. */
  private boolean held;
  private int removed;
  private long validationNanos;

  /** @param early the rules for showing a sentence before it ends, or null to show whole sentences only */
  public SentenceGate(ValidationService validation, AnswerValidator early, List<String> grounding, Listener listener) {
    this.validation = validation;
    this.early = early;
    this.grounding = grounding;
    this.listener = listener;
  }

  /** Takes the next piece of generated text; complete sentences go to validation. */
  public void accept(String text) {
    pending.append(text);
    int end;
    while ((end = completeSentenceEnd()) > 0) {
      String sentence = pending.substring(0, end).strip();
      pending.delete(0, end);
      String shown = takeShown();
      if (!sentence.isEmpty()) {
        enqueue(sentence, shown);
      } else if (!shown.isEmpty()) {
        listener.withdrawn(shown);
      }
    }
    if (listener.ready()) {
      showEarly();
    }
  }

  /**
   * Drops an unfinished sentence (a stream cut in its middle), so that another writer can take
   * over cleanly, and withdraws what was shown of it; a last sentence that did end (only nothing
   * came after it) is kept.
   */
  public void discardUnfinished() {
    String rest = pending.toString().strip();
    if (!FINISHED.matcher(rest).find() || endsWithAbbreviation(rest)) {
      pending.setLength(0);
      String shown = takeShown();
      if (!shown.isEmpty()) {
        listener.withdrawn(shown);
      }
    }
  }

  /** Flushes what is left; completes when every sentence was validated and released. */
  public Future<Void> finish() {
    String rest = pending.toString().strip();
    pending.setLength(0);
    String shown = takeShown();
    if (!rest.isEmpty()) {
      enqueue(rest, shown);
    } else if (!shown.isEmpty()) {
      listener.withdrawn(shown);
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

  /** Shows more of the sentence being written, when everything before it has been validated. */
  private void showEarly() {
    if (early == null || validating > 0 || held) {
      return;
    }
    int start = 0;
    while (start < pending.length() && Character.isWhitespace(pending.charAt(start))) {
      start++;
    }
    if (start == pending.length()) {
      return;
    }
    String open = pending.substring(start);
    if (showing == null) {
      showing = early.showing(grounding);
    }
    int showable = showing.showable(open, shownChars);
    if (showable < 0) {
      held = true;
      if (!shownPiece.isEmpty()) {
        listener.withdrawn(shownPiece);
        shownPiece = "";
        shownChars = 0;
      }
    } else if (showable > shownChars) {
      String piece = (shownChars == 0 && released.length() > 0 ? " " : "") + open.substring(shownChars, showable);
      shownPiece += piece;
      shownChars = showable;
      listener.shown(piece);
    }
  }

  /** What was shown of the sentence that has just ended or been dropped; the next one starts unshown. */
  private String takeShown() {
    String shown = shownPiece;
    shownPiece = "";
    shownChars = 0;
    held = false;
    showing = null;
    return shown;
  }

  private void enqueue(String sentence, String shown) {
    validating++;
    chain = chain.compose(v -> {
      long started = System.nanoTime();
      return validation.check(sentence, grounding)
          .recover(failure -> Future.succeededFuture(Verdict.reject("validation unavailable")))
          .map(verdict -> {
            validationNanos += System.nanoTime() - started;
            String piece = (released.length() == 0 ? "" : " ") + sentence;
            if (verdict.ok()) {
              released.append(piece);
              if (piece.startsWith(shown)) {
                if (piece.length() > shown.length()) {
                  listener.shown(piece.substring(shown.length()));
                }
              } else {
                listener.withdrawn(shown);
                listener.shown(piece);
              }
            } else {
              removed++;
              if (!shown.isEmpty()) {
                listener.withdrawn(shown);
              }
            }
            validating--;
            showEarly();
            return null;
          });
    });
  }
}
