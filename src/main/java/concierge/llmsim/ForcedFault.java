package concierge.llmsim;

import java.util.Arrays;

/**
 * A failure forced on every request from now on, whatever the drawn tails say, until it is set
 * back to {@link #NONE}: how fault-injection tests make the LLM hang, fail or cut at a moment of
 * their choosing ({@link LlmSimulator#force}, or {@code POST /sim/fault {"fault":"hang"}}).
 * {@code invent} answers normally but with a sentence stating a figure no knowledge gives, as a
 * model that makes a fact up would: what validation is for.
 */
public enum ForcedFault {
  NONE("none"),
  HANG("hang"),
  SERVER_ERROR("500"),
  RATE_LIMITED("429"),
  CUT("cut"),
  INVENT("invent");

  private final String label;

  ForcedFault(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static ForcedFault of(String label) {
    return Arrays.stream(values()).filter(f -> f.label.equalsIgnoreCase(label) || f.name().equalsIgnoreCase(label))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("fault must be one of none, hang, 500, 429, cut, invent"));
  }

  /** The outcome a planned request gets under this fault (429 is answered before any plan is played). */
  Outcome apply(Outcome drawn) {
    return switch (this) {
      case HANG -> Outcome.HANG;
      case SERVER_ERROR -> Outcome.SERVER_ERROR;
      case CUT -> Outcome.CUT;
      default -> drawn;
    };
  }
}
