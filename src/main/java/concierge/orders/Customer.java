package concierge.orders;

/** A customer the shop knows: name, email and Trailhead Club membership. */
public record Customer(String id, String name, String email, boolean member) {

  public String firstName() {
    int space = name.indexOf(' ');
    return space < 0 ? name : name.substring(0, space);
  }

  /** Someone signed in whom the directory does not know: not a member, no name. */
  public static Customer unknown(String id) {
    return new Customer(id, null, null, false);
  }
}
