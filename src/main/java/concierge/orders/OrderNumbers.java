package concierge.orders;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Order numbers as customers write them: AF-100234, af100234, AF 100234, #100234, 100234, "order
 * 100235", "order no. 100235"; always six digits, always answered in the canonical AF-100234 form.
 */
public final class OrderNumbers {

  private static final Pattern NUMBER = Pattern.compile(
      "(?i)(?<![\\w-])(?:af\\s*-?\\s*|#\\s*|(?:order|ord)\\s*(?:number|no\\.?|num|#)?\\s*:?\\s*#?\\s*)?(\\d{6})(?![\\w-]|[.,]\\d)");

  private OrderNumbers() {
  }

  public static String format(long number) {
    return String.format("AF-%06d", number);
  }

  /** The first order number in the message, canonical. */
  public static Optional<String> find(String message) {
    Matcher matcher = NUMBER.matcher(message);
    return matcher.find() ? Optional.of("AF-" + matcher.group(1)) : Optional.empty();
  }

  /** The message with every order number blanked, so that its digits are not read as quantities. */
  public static String blank(String message) {
    return NUMBER.matcher(message).replaceAll(" ");
  }
}
