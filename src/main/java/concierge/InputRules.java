package concierge;

/** The rules every customer text must pass before anything is done with it. */
public final class InputRules {

  private InputRules() {
  }

  /** The text, trimmed; an {@link IllegalArgumentException} (400 invalid_request) says what is wrong with it. */
  public static String text(String raw, String field, int maxChars) {
    if (raw == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    String text = raw.strip();
    if (readsAsEmpty(text)) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
    if (text.codePointCount(0, text.length()) > maxChars) {
      throw new IllegalArgumentException(field + " must be at most " + maxChars + " characters");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\uFFFD') {
        throw new IllegalArgumentException(field + " must be valid UTF-8");
      }
      if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
        throw new IllegalArgumentException(field + " must not contain control characters");
      }
      if (Character.isSurrogate(c) && !validSurrogate(text, i)) {
        throw new IllegalArgumentException(field + " must be valid UTF-8");
      }
    }
    return text;
  }

  /**
   * Nothing the embedding model can read: only whitespace, control characters (NUL), invisible
   * format characters (a byte-order mark) or combining marks, which its tokenizer strips as accents.
   */
  public static boolean readsAsEmpty(String text) {
    return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
        || Character.getType(c) == Character.FORMAT
        || Character.getType(c) == Character.NON_SPACING_MARK || Character.getType(c) == Character.ENCLOSING_MARK);
  }

  private static boolean validSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }
}
