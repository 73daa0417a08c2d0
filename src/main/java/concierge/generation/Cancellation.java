package concierge.generation;

import java.util.ArrayList;
import java.util.List;

/** Lets a turn stop its generation when nobody is listening any more. Used on one event loop. */
public final class Cancellation {

  private boolean cancelled;
  private final List<Runnable> onCancel = new ArrayList<>();
  private AnswerProvider.Draft spent;

  /** What the stopped call had cost: its prompt and what it had written (null: nothing billed). */
  public AnswerProvider.Draft spent() {
    return spent;
  }

  public void spent(AnswerProvider.Draft draft) {
    this.spent = draft;
  }

  public boolean cancelled() {
    return cancelled;
  }

  public void cancel() {
    if (!cancelled) {
      cancelled = true;
      onCancel.forEach(Runnable::run);
      onCancel.clear();
    }
  }

  public void onCancel(Runnable action) {
    if (cancelled) {
      action.run();
    } else {
      onCancel.add(action);
    }
  }
}
