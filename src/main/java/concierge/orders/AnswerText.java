package concierge.orders;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds an answer and its list of facts together: every number, price, id or date goes in through
 * {@link #fact}, so the facts are exactly the values the text states.
 */
public final class AnswerText {

  private static final Pattern NUMBER = Pattern.compile(
      "\\$\\d[\\d,]*(?:\\.\\d{2})?|\\d+:\\d{2}\\s?[ap]m|\\d+(?:\\.\\d+)?(?:-\\d+(?:\\.\\d+)?)?%?");

  private final StringBuilder text = new StringBuilder();
  private final Set<String> facts = new LinkedHashSet<>();

  public AnswerText say(String words) {
    text.append(words);
    return this;
  }

  public AnswerText fact(String value) {
    text.append(value);
    facts.add(value);
    return this;
  }

  /** Text with numbers in it ("3-5 business days", "$75", "56% off"): each number is a fact. */
  public AnswerText sayNumbers(String words) {
    Matcher numbers = NUMBER.matcher(words);
    int at = 0;
    while (numbers.find()) {
      say(words.substring(at, numbers.start())).fact(numbers.group());
      at = numbers.end();
    }
    return say(words.substring(at));
  }

  /** A product name: a fact when it holds a number (Lumen 400 Headlamp). */
  public AnswerText name(String productName) {
    return productName.chars().anyMatch(Character::isDigit) ? fact(productName) : say(productName);
  }

  public AnswerText money(long cents) {
    return fact(Money.format(cents));
  }

  public AnswerText day(long epochMillis) {
    return fact(ShopCalendar.day(epochMillis));
  }

  /** "2 x Merino Hiker Socks 3-Pack": the quantity is a fact. */
  public AnswerText items(List<OrderLine> lines) {
    for (int i = 0; i < lines.size(); i++) {
      OrderLine line = lines.get(i);
      say(i == 0 ? "" : ", ").fact(String.valueOf(line.quantity())).say(" x ").name(line.name());
      if (line.option() != null) {
        say(" (").sayNumbers(line.option()).say(")");
      }
    }
    return this;
  }

  public OrderAnswer answer(String type, String status, String orderId) {
    return new OrderAnswer(true, text.toString().trim(), type, status, orderId, new ArrayList<>(facts), null);
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
