package concierge.orders;

/** A customer the shop knows: name, email and Trailhead Club membership. */
public record Customer(String id, String name, String email, boolean member) {

  /** The first word of the name; null when there is no name. */
  public String firstName() {
    if (name == null || name.isBlank()) {
      return null;
    }
    String trimmed = name.strip();
    for (int i = 0; i < trimmed.length(); i++) {
      if (Character.isWhitespace(trimmed.charAt(i))) {
        return trimmed.substring(0, i);
      }
    }
    return trimmed;
  }

  /** Someone signed in whom the directory does not know: not a member, no name. */
  public static Customer unknown(String id) {
    return new Customer(id, null, null, false);
  }
}
