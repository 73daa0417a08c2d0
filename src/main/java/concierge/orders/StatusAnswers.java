package concierge.orders;

import java.util.List;

/**
 * Order status in words: what was ordered, the total, and where the order is (placed, shipped with
 * carrier, tracking and expected date, delivered, backordered with its ship date, cancelled).
 */
public final class StatusAnswers {

  static final String STATUS = "order_status";

  private final Catalogue catalogue;

  public StatusAnswers(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  public OrderAnswer one(Order order, long now) {
    return describe(new AnswerText(), order, now).answer(STATUS, OrderAnswer.NONE, order.id());
  }

  public OrderAnswer recent(List<Order> orders, long now) {
    if (orders.isEmpty()) {
      return new AnswerText().say("I don't see any orders on your account yet.").answer(STATUS, OrderAnswer.NONE, null);
    }
    AnswerText text = new AnswerText().say(orders.size() == 1 ? "Here is your most recent order. "
        : "Here are your most recent orders. ");
    orders.forEach(order -> describe(text, order, now).say(" "));
    return text.answer(STATUS, OrderAnswer.NONE, orders.size() == 1 ? orders.get(0).id() : null);
  }

  /**
   * The same words whether the order does not exist or belongs to someone else, and without the
   * number: another customer's order number is never written back, even when it was typed.
   */
  public static OrderAnswer notFound(String type, String orderId) {
    return new AnswerText().say("I couldn't find that order number on your account. Please check the "
        + "number, or ask me about your recent orders without a number.").answer(type, OrderAnswer.NONE, null);
  }

  public static OrderAnswer signIn(String type) {
    return new AnswerText().say("Please sign in first: I can only look up and act on orders for the signed-in "
        + "account holder.").answer(type, STATUS.equals(type) ? OrderAnswer.NONE : OrderAnswer.REFUSED, null);
  }

  AnswerText describe(AnswerText text, Order order, long now) {
    text.say("Order ").fact(order.id()).say(" (").items(order.lines()).say("; total ").money(order.totalCents())
        .say(") ");
    switch (order.status()) {
      case Order.SHIPPED -> {
        text.say("shipped");
        if (order.shippedAt() != null) {
          text.say(" on ").day(order.shippedAt());
        }
        if (order.carrier() != null) {
          text.say(" by " + order.carrier());
        }
        if (order.tracking() != null) {
          text.say(", tracking number ").fact(order.tracking());
        }
        text.say(".");
        if (order.expectedAt() != null) {
          text.say(" It is expected to arrive on ").day(order.expectedAt()).say(".");
        }
      }
      case Order.DELIVERED -> dated(text, "was delivered", order.deliveredAt());
      case Order.BACKORDERED -> backordered(text, order);
      case Order.CANCELLED -> dated(text, "was cancelled", order.cancelledAt());
      default -> placed(text, order, now);
    }
    return text;
  }

  private static void dated(AnswerText text, String what, Long at) {
    text.say(what);
    if (at != null) {
      text.say(" on ").day(at);
    }
    text.say(".");
  }

  private void backordered(AnswerText text, Order order) {
    text.say("is backordered");
    for (OrderLine line : order.lines()) {
      catalogue.product(line.sku()).filter(Product::backordered).ifPresent(product -> {
        text.say(": the ").name(product.name()).say(" ships ");
        if (product.backorderDate() != null) {
          text.fact(product.backorderDate());
        } else {
          text.say("as soon as it is back in stock");
        }
      });
    }
    text.say(". You can cancel it at any time before it ships.");
  }

  private static void placed(AnswerText text, Order order, long now) {
    text.say("was placed on ").day(order.placedAt()).say(" and has not shipped yet; orders leave the warehouse "
        + "within ").fact("1").say(" business day.");
    long minutes = OrderPolicy.minutesLeft(order, now);
    if (minutes > 0) {
      text.say(" It can still be cancelled or changed for another ").fact(String.valueOf(minutes))
          .say(minutes == 1 ? " minute." : " minutes.");
    }
  }
}
