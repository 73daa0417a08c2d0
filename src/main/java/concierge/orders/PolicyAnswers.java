package concierge.orders;

import java.time.LocalDate;

/**
 * Why an order can no longer be cancelled or changed, in the policy's words, with what the customer
 * can do instead: a return after delivery (30 days, 60 for Trailhead Club members, holiday
 * deliveries until January 31), or cancelling a backordered order.
 */
public final class PolicyAnswers {

  private PolicyAnswers() {
  }

  static OrderAnswer refused(String type, Order order, OrderPolicy.Verdict verdict, boolean member, long now) {
    String verb = ActionAnswers.CANCEL.equals(type) ? "cancelled" : "changed";
    AnswerText text = new AnswerText().say("Order ").fact(order.id());
    switch (verdict) {
      case SHIPPED -> {
        text.say(" has already shipped");
        if (order.carrier() != null && order.tracking() != null) {
          text.say(" (" + order.carrier() + ", tracking number ").fact(order.tracking()).say(")");
        }
        text.say(", so it can't be " + verb + " any more. Once it arrives you can return it instead: unused items "
            + "in their original packaging within ").fact(String.valueOf(ShopCalendar.returnDays(member)))
            .say(" days of delivery" + (member ? " as a Trailhead Club member." : "."));
      }
      case DELIVERED -> delivered(text, order, verb, member, now);
      case CANCELLED -> text.say(" is already cancelled, so there is nothing to " + (verb.equals("cancelled")
          ? "cancel." : "change."));
      case TOO_LATE -> tooLate(text, order, verb);
      default -> throw new IllegalStateException(verdict.name());
    }
    return text.answer(type, OrderAnswer.REFUSED, order.id());
  }

  private static void delivered(AnswerText text, Order order, String verb, boolean member, long now) {
    text.say(" was delivered");
    if (order.deliveredAt() == null) {
      text.say(", so it can't be " + verb + ". You can return unused items in their original packaging within ")
          .fact(String.valueOf(ShopCalendar.returnDays(member))).say(" days of delivery.");
      return;
    }
    text.say(" on ").day(order.deliveredAt()).say(", so it can't be " + verb + ". ");
    LocalDate last = ShopCalendar.lastReturnDay(order.deliveredAt(), member);
    if (last.isBefore(ShopCalendar.date(now))) {
      text.say("Its return window closed on ").fact(ShopCalendar.day(last)).say(".");
      return;
    }
    text.say("You can return unused items in their original packaging until ").fact(ShopCalendar.day(last))
        .say(" (").fact(String.valueOf(ShopCalendar.returnDays(member))).say(" days from delivery"
            + (member ? " for Trailhead Club members" : "") + "); footwear and apparel must not have been worn "
            + "outdoors. I can help you start a return.");
  }

  private static void tooLate(AnswerText text, Order order, String verb) {
    text.say(" was placed more than ").fact("1").say(" hour ago, so it can no longer be " + verb + ": orders can "
        + "be cancelled or changed within ").fact("1").say(" hour of being placed, as long as they haven't shipped.");
    if (Order.BACKORDERED.equals(order.status())) {
      text.say(" Backordered items can still be cancelled at any time before they ship, if you'd like that instead.");
    } else {
      text.say(" Once it arrives, you can return it instead.");
    }
  }
}
