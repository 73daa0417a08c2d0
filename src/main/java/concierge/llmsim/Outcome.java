package concierge.llmsim;

/** How a request ended, as the request log names it. */
public enum Outcome {
  OK("ok"),
  /** Never answered; ended when the client closed the connection or the simulator stopped. */
  HANG("hang"),
  SERVER_ERROR("500"),
  RATE_LIMITED("429"),
  /** The simulator closed the connection after some tokens, as planned. */
  CUT("cut"),
  /** The client closed the connection before the answer was complete. */
  CLIENT_CLOSED("closed"),
  INVALID("400"),
  UNAUTHORIZED("401");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
