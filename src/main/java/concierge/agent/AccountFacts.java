package concierge.agent;

import concierge.orders.Customer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the signed-in customer's own record answers before any policy text: whether they are a
 * Trailhead Club member, and the email on file. Such an answer is personal and never cached.
 */
final class AccountFacts {

  private static final Pattern MEMBERSHIP = Pattern.compile(
      "\\b(am i|i'm|im|are we)\\b.{0,30}\\b(member|trailhead|club|signed up|enrolled)\\b"
          + "|\\bmy (trailhead |club |loyalty )?(membership|member status|status)\\b"
          + "|\\bhow many (trailhead |club |reward )?points\\b.{0,20}\\b(do i|have i|i have|i got)\\b"
          + "|\\bmy (trailhead |club |reward )?points\\b");
  private static final Pattern EMAIL = Pattern.compile(
      "\\b(what|which) (e-?mail|email address)\\b.{0,30}\\b(on file|have|account|registered|use)\\b"
          + "|\\bmy (e-?mail|email address) (on file|on my account|registered)\\b"
          + "|\\bemail (do you have|is on file)\\b");

  private AccountFacts() {
  }

  /** True when the message asks about the customer's own record: its answer differs per customer. */
  static boolean asksAboutAccount(String message) {
    String text = normalised(message);
    return MEMBERSHIP.matcher(text).find() || EMAIL.matcher(text).find();
  }

  /** The sentence the customer's record gives for this message, or null when it asks nothing of it. */
  static String of(String message, Customer customer) {
    if (customer == null || customer.email() == null && customer.name() == null) {
      return null;
    }
    String text = normalised(message);
    StringBuilder facts = new StringBuilder();
    if (MEMBERSHIP.matcher(text).find()) {
      facts.append(customer.member()
          ? "Yes, you're a Trailhead Club member, so you get 60-day returns, free return shipping and free standard "
              + "shipping with no minimum."
          : "You're not a Trailhead Club member yet, so there are no points on your account; joining is free.");
    }
    if (EMAIL.matcher(text).find() && customer.email() != null) {
      facts.append(facts.length() == 0 ? "" : " ").append("The email on your account is ").append(customer.email())
          .append('.');
    }
    return facts.length() == 0 ? null : facts.toString();
  }

  private static String normalised(String message) {
    return message.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
  }
}
