package concierge.orders;

import java.util.List;

/**
 * The words of order actions: the question that asks for an explicit yes (order id, items,
 * quantities, total), what was done, and why an action is refused (shipped: return instead;
 * delivered: the return window; placed over an hour ago: the 1-hour rule).
 */
public final class ActionAnswers {

  static final String PLACE = "order_place";
  static final String CANCEL = "order_cancel";
  static final String CHANGE = "order_change";

  private ActionAnswers() {
  }

  static OrderAnswer placeQuestion(Quote quote, boolean member) {
    AnswerText text = QuoteAnswers.lines(new AnswerText().say("Here is your order: "), quote).say(". ");
    QuoteAnswers.shipping(text, quote, member);
    QuoteAnswers.notes(text, quote);
    return text.say(" Total: ").money(quote.totalCents()).say(". Shall I place this order? Please reply yes to confirm.")
        .answer(PLACE, OrderAnswer.NEEDS_CONFIRMATION, null);
  }

  static OrderAnswer placed(String orderId, Quote quote) {
    AnswerText text = new AnswerText().say("Done: order ").fact(orderId).say(" is placed: ");
    QuoteAnswers.lines(text, quote).say(", total ").money(quote.totalCents()).say(".");
    if (quote.backordered()) {
      text.say(" It ships when the backordered item is in stock.");
    } else if (quote.shipsPhysically()) {
      text.say(" Orders leave the warehouse within ").fact("1").say(" business day, and you can cancel or change it "
          + "within ").fact("1").say(" hour.");
    }
    return text.answer(PLACE, OrderAnswer.DONE, orderId);
  }

  static OrderAnswer cancelQuestion(Order order) {
    return new AnswerText().say("I can cancel order ").fact(order.id()).say(" (").items(order.lines()).say("; total ")
        .money(order.totalCents()).say("). Cancelling is free: there is no cancellation fee. Shall I cancel it? "
            + "Please reply yes to confirm.").answer(CANCEL, OrderAnswer.NEEDS_CONFIRMATION, order.id());
  }

  static OrderAnswer cancelled(Order order) {
    return new AnswerText().say("Done: order ").fact(order.id()).say(" (").items(order.lines()).say("; total ")
        .money(order.totalCents()).say(") is cancelled, with no cancellation fee.")
        .answer(CANCEL, OrderAnswer.DONE, order.id());
  }

  static OrderAnswer changeQuestion(Order order, List<String> changes, Quote quote, boolean member) {
    AnswerText text = new AnswerText().say("I can change order ").fact(order.id()).say(": ");
    describe(text, changes).say(". The order would then be: ");
    QuoteAnswers.lines(text, quote).say(". ");
    QuoteAnswers.shipping(text, quote, member);
    return text.say(" New total: ").money(quote.totalCents()).say(" (was ").money(order.totalCents())
        .say("). Shall I make this change? Please reply yes to confirm.")
        .answer(CHANGE, OrderAnswer.NEEDS_CONFIRMATION, order.id());
  }

  static OrderAnswer changed(String orderId, List<String> changes, Quote quote) {
    AnswerText text = new AnswerText().say("Done: order ").fact(orderId).say(" is changed: ");
    return describe(text, changes).say(". New total: ").money(quote.totalCents()).say(".")
        .answer(CHANGE, OrderAnswer.DONE, orderId);
  }

  static OrderAnswer alreadyDone(String type, String orderId) {
    AnswerText text = new AnswerText().say("That's already done");
    if (orderId != null) {
      text.say(" (order ").fact(orderId).say(")");
    }
    return text.say(": nothing more was changed.").answer(type, OrderAnswer.DONE, orderId);
  }

  static OrderAnswer nothingChanged(String type) {
    return new AnswerText().say("OK, nothing was changed.").answer(type, OrderAnswer.NONE, null);
  }

  static OrderAnswer expired(String type) {
    return new AnswerText().say("That request has expired, so nothing was changed. Please ask again and I'll "
        + "confirm the details with you.").answer(type, OrderAnswer.NONE, null);
  }

  static OrderAnswer repriced(String type, String orderId) {
    return new AnswerText().say("Something changed since I quoted it (a price, the stock or a shipping rule), so I "
        + "didn't go ahead and nothing was changed. Please ask again and I'll quote it fresh.")
        .answer(type, OrderAnswer.REFUSED, orderId);
  }

  static OrderAnswer askWhich(String type, List<Order> orders) {
    AnswerText text = new AnswerText().say("Which order do you mean? Your recent orders are ");
    for (int i = 0; i < orders.size(); i++) {
      text.say(i == 0 ? "" : i == orders.size() - 1 ? " and " : ", ").fact(orders.get(i).id());
    }
    return text.say(".").answer(type, OrderAnswer.NONE, null);
  }

  private static AnswerText describe(AnswerText text, List<String> changes) {
    for (int i = 0; i < changes.size(); i++) {
      text.say(i == 0 ? "" : "; ").sayNumbers(changes.get(i));
    }
    return text;
  }
}
