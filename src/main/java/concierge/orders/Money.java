package concierge.orders;

import java.util.Locale;

/** Amounts in cents, shown the way the shop writes them: $1,458.00. */
public final class Money {

  private Money() {
  }

  public static String format(long cents) {
    return String.format(Locale.US, "$%,d.%02d", cents / 100, Math.abs(cents % 100));
  }

  /** Whole-dollar amounts as the policies write them: $75, $150. */
  public static String dollars(long cents) {
    return cents % 100 == 0 ? String.format(Locale.US, "$%,d", cents / 100) : format(cents);
  }
}
