package concierge.orders;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds an answer and its list of facts together: every number, price, id or date goes in through
 * {@link #fact}, so the facts are exactly the values the text states.
 */
public final class AnswerText {

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
      say(i == 0 ? "" : ", ").fact(String.valueOf(line.quantity())).say(" x " + line.name()
          + (line.option() == null ? "" : " (" + line.option() + ")"));
    }
    return this;
  }

  public OrderAnswer answer(String type, String status, String orderId) {
    return new OrderAnswer(true, text.toString().trim(), type, status, orderId, new ArrayList<>(facts));
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
