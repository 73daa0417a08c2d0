package concierge.chroma;

/** Chroma answered with a non-2xx status. */
public final class ChromaException extends RuntimeException {

  private final int status;

  public ChromaException(int status, String path, String body) {
    super("Chroma answered " + status + " to " + path + ": " + abbreviate(body));
    this.status = status;
  }

  public int status() {
    return status;
  }

  private static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    return body.length() > 300 ? body.substring(0, 300) + "..." : body;
  }
}
