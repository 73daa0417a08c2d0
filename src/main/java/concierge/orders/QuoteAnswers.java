package concierge.orders;

import concierge.orders.Destination.Zone;

/**
 * A quote in words: each item with quantity and price, the shipping rule that applies, the total,
 * and what the customer must know before saying yes (backorder date, final sale, product notes).
 */
public final class QuoteAnswers {

  private QuoteAnswers() {
  }

  /** "2 x Merino Hiker Socks 3-Pack at $45.00 each = $90.00; 1 x Lumen 400 Headlamp at $49.00". */
  static AnswerText lines(AnswerText text, Quote quote) {
    for (int i = 0; i < quote.lines().size(); i++) {
      QuoteLine line = quote.lines().get(i);
      text.say(i == 0 ? "" : "; ").fact(String.valueOf(line.quantity())).say(" x ").name(line.product().name());
      if (line.option() != null) {
        text.say(" (").sayNumbers(line.option()).say(")");
      }
      text.say(" at ").money(line.unitPriceCents());
      if (line.quantity() > 1) {
        text.say(" each = ").money(line.totalCents());
      }
    }
    return text;
  }

  static AnswerText shipping(AnswerText text, Quote quote, boolean member) {
    if (!quote.shipsPhysically()) {
      return text.say("Gift cards are delivered by email, so there is no shipping.");
    }
    Destination to = quote.destination();
    String where = " to " + to.name();
    switch (to.zone()) {
      case CONTIGUOUS_US -> {
        ShippingMethod method = quote.method();
        text.say(capitalized(method.label()) + " shipping" + where + " (").sayNumbers(method.transit()).say("): ");
        if (method != ShippingMethod.STANDARD) {
          text.money(quote.shippingCents());
        } else if (quote.shippingCents() == 0 && member) {
          text.say("free for Trailhead Club members");
        } else {
          threshold(text, quote.shippingCents(), OrderPricing.US_FREE_FROM);
        }
        if (method == ShippingMethod.OVERNIGHT) {
          text.say("; order by ").fact("12:00 pm").say(" Pacific for same-day dispatch");
        }
      }
      case ALASKA_HAWAII -> text.say("Standard shipping" + where + " (").sayNumbers("5-9 business days").say("): ")
          .money(quote.shippingCents()).say(" flat");
      case CANADA -> threshold(text.say("Shipping" + where + " (").sayNumbers("5-10 business days").say("): "),
          quote.shippingCents(), OrderPricing.CANADA_FREE_FROM).say("; duties and taxes are prepaid at checkout");
      case OVERSEAS -> text.say("Shipping" + where + " (").sayNumbers("7-14 business days").say("): ")
          .money(quote.shippingCents()).say(" flat; duties and taxes are paid by you on delivery");
      default -> throw new IllegalStateException(to.zone().name());
    }
    text.say(".");
    if (quote.methodAssumed() && to.zone() == Zone.CONTIGUOUS_US) {
      text.say(" You didn't name a shipping method, so I used standard; expedited and overnight are also available.");
    }
    return text;
  }

  static AnswerText notes(AnswerText text, Quote quote) {
    for (QuoteLine line : quote.lines()) {
      Product product = line.product();
      if (product.backordered()) {
        text.say(" The ").name(product.name()).say(" is backordered and ships ")
            .fact(product.backorderDate() == null ? "when it is back in stock" : product.backorderDate()).say(".");
      }
      if (product.finalSale()) {
        text.say(" The ").name(product.name()).say(" is final sale and cannot be returned.");
      }
      if (product.note() != null && !product.digital()) {
        text.say(" ").name(product.name()).say(": ").sayNumbers(product.note()).say(".");
      }
    }
    return text;
  }

  /** "free on orders of $75 or more", or "$5.99 (free on orders of $75 or more)". */
  private static AnswerText threshold(AnswerText text, long shippingCents, long freeFrom) {
    if (shippingCents == 0) {
      return text.say("free on orders of ").fact(Money.dollars(freeFrom)).say(" or more");
    }
    return text.money(shippingCents).say(" (free on orders of ").fact(Money.dollars(freeFrom)).say(" or more)");
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
