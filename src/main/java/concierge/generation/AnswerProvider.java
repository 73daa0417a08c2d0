package concierge.generation;

import io.vertx.core.Future;

import java.util.function.Consumer;

/** Writes an answer, handing out text as it is produced; both providers sit behind this. */
public interface AnswerProvider {

  /** A draft of the answer: its text pieces go to {@code onText} as they come, in order. */
  Future<Draft> write(GenerationRequest request, Consumer<String> onText, Cancellation cancellation);

  /**
   * What a provider produced: the whole raw text and its usage (tokens counted or reported);
   * {@code cutAtLimit} when the text stopped at the token limit, most likely inside a sentence.
   */
  record Draft(String text, String model, long promptTokens, long completionTokens, boolean cutAtLimit) {

    public Draft(String text, String model, long promptTokens, long completionTokens) {
      this(text, model, promptTokens, completionTokens, false);
    }
  }
}
