package concierge.security;

/** The server would listen beyond this machine with nothing to keep strangers out: it does not start. */
public final class UnsafeExposureException extends IllegalStateException {

  public UnsafeExposureException(String message) {
    super(message);
  }
}
