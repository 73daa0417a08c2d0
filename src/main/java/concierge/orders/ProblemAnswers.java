package concierge.orders;

import java.util.List;

/**
 * What to say when a request cannot be quoted as it is: the questions to ask (which product, size,
 * destination), and the rules that refuse it (bulk quantities, fuel outside the contiguous US,
 * places the shop does not ship to), each stated as the policy words it.
 */
public final class ProblemAnswers {

  static final String WHERE_WE_SHIP = "We ship to US states, Canada, the United Kingdom, EU countries, Australia "
      + "and Japan.";

  private ProblemAnswers() {
  }

  /** Status refused when any issue is a rule (bulk), none when they are all questions. */
  static OrderAnswer issues(String type, List<ItemIssue> issues, String orderId) {
    AnswerText text = new AnswerText();
    boolean refused = false;
    for (ItemIssue issue : issues) {
      text.say(text.toString().isEmpty() ? "" : " ");
      refused |= issue.kind() == ItemIssue.Kind.QUANTITY_BULK;
      issue(text, issue);
    }
    return text.answer(type, refused ? OrderAnswer.REFUSED : OrderAnswer.NONE, orderId);
  }

  private static void issue(AnswerText text, ItemIssue issue) {
    switch (issue.kind()) {
      case AMBIGUOUS -> {
        text.say("Which one do you mean: ");
        for (int i = 0; i < issue.products().size(); i++) {
          Product product = issue.products().get(i);
          text.say(i == 0 ? "" : i == issue.products().size() - 1 ? " or " : ", ").name(product.name()).say(" (")
              .money(product.priceCents()).say(")");
        }
        text.say("?");
      }
      case OPTION_MISSING -> text.say("For the ").name(issue.product().name()).say(", please tell me ")
          .sayNumbers(issue.detail()).say(".");
      case OPTION_INVALID -> text.sayNumbers(issue.detail());
      case QUANTITY_INVALID -> text.say("The quantity must be a whole number of at least ").fact("1")
          .say(" (you asked for ").fact(issue.detail()).say(" of the ").name(issue.product().name())
          .say("). How many would you like?");
      case QUANTITY_BULK -> text.say("Orders of ").fact(String.valueOf(OrderRequestParser.BULK_UNITS))
          .say(" or more units of one item (you asked for ").fact(String.valueOf(issue.quantity())).say(" x ")
          .name(issue.product().name()).say(") are bulk orders: our corporate sales team at "
              + "corporate@alderfinch.example handles them, with ").fact("10%").say(" off.");
      case AMOUNT -> text.say("Digital gift cards come in amounts from ").money(issue.product().priceCents())
          .say(" to ").money(issue.product().maxPriceCents()).say(": which amount would you like (for example \"a ")
          .fact("$50").say(" gift card\")?");
      case UNAVAILABLE -> text.say("The ").name(issue.product().name()).say(" is out of stock right now.");
      default -> throw new IllegalStateException(issue.kind().name());
    }
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  static OrderAnswer unknownProduct(String type, String orderId) {
    return new AnswerText().say("I couldn't find that product in our catalogue. Which product would you like? "
        + "You can give its name or its SKU.").answer(type, OrderAnswer.NONE, orderId);
  }

  static OrderAnswer askDestination(String type, String orderId) {
    return new AnswerText().say("Where should the order ship? " + WHERE_WE_SHIP)
        .answer(type, OrderAnswer.NONE, orderId).awaiting(OrderAnswer.DESTINATION);
  }

  /**
   * The destination question for a new order, after what was understood so far, its price and, when
   * it can ship there, the shipping and total within the contiguous US ({@code inUs} may be null).
   */
  static OrderAnswer askDestination(List<LineRequest> wanted, Quote inUs) {
    AnswerText text = new AnswerText();
    for (int i = 0; i < wanted.size(); i++) {
      LineRequest line = wanted.get(i);
      text.say(i == 0 ? "" : i == wanted.size() - 1 ? " and " : ", ");
      if (line.quantity() > 1) {
        text.fact(String.valueOf(line.quantity())).say(" x ");
      }
      text.name(line.product().name());
      if (line.option() != null) {
        text.say(" (").sayNumbers(line.option()).say(")");
      }
      text.say(" at ").money(line.unitPriceCents()).say(line.quantity() > 1 ? " each" : "");
      if (line.product().backordered() && line.product().backorderDate() != null) {
        text.say(" (backordered: it ships ").sayNumbers(line.product().backorderDate()).say(")");
      }
    }
    text.say(".");
    if (inUs != null) {
      text.say(" " + capitalised(inUs.method().name().toLowerCase(java.util.Locale.ROOT)) + " shipping within the "
          + "contiguous US is ");
      if (inUs.shippingCents() == 0) {
        text.fact("free");
      } else {
        text.money(inUs.shippingCents());
      }
      text.say(", for a total of ").money(inUs.totalCents()).say(".");
    }
    return text.say(" Where should the order ship? " + WHERE_WE_SHIP)
        .answer(ActionAnswers.PLACE, OrderAnswer.NONE, null).awaiting(OrderAnswer.DESTINATION);
  }

  /** A place without a shippable destination: a whole country named, or one the shop does not ship to. */
  static OrderAnswer place(String type, Destinations.Place place, String orderId) {
    if (place.stateNeeded()) {
      return new AnswerText().say("Which state should it ship to? Shipping costs differ for Alaska and Hawaii.")
          .answer(type, OrderAnswer.NONE, orderId).awaiting(OrderAnswer.DESTINATION);
    }
    String where = "South America".equals(place.name()) || "Mexico".equals(place.name())
        ? "Mexico or South America" : place.name();
    return new AnswerText().say("Sorry, we don't ship to " + where + " at this time. " + WHERE_WE_SHIP)
        .answer(type, OrderAnswer.REFUSED, orderId);
  }

  static OrderAnswer pricing(String type, OrderPricing.Refusal refusal, List<QuoteLine> lines, Destination to,
                             String orderId) {
    AnswerText text = new AnswerText();
    switch (refusal) {
      case HAZARDOUS_DESTINATION -> text.say("I can't ship the ").name(hazardous(lines)).say(" to " + to.name()
          + ": fuel canisters ship by ground within the contiguous US only, not to Alaska, Hawaii or any "
          + "international address.");
      case HAZARDOUS_SPEED -> text.say("The ").name(hazardous(lines)).say(" can only go by standard shipping: "
          + "fuel canisters ship by ground within the contiguous US only.");
      case ALASKA_HAWAII_SPEED -> text.say("Only standard shipping goes to Alaska and Hawaii: ")
          .sayNumbers("5-9 business days").say(", flat ").money(OrderPricing.ALASKA_HAWAII).say(".");
      case INTERNATIONAL_SPEED -> {
        text.say("Expedited and overnight shipping are for US addresses. Orders to " + to.name() + " ship in ");
        if (to.zone() == Destination.Zone.CANADA) {
          text.sayNumbers("5-10 business days").say(" for ").money(OrderPricing.CANADA).say(" (free on orders of ")
              .fact(Money.dollars(OrderPricing.CANADA_FREE_FROM)).say(" or more).");
        } else {
          text.sayNumbers("7-14 business days").say(" for a flat ").money(OrderPricing.OVERSEAS).say(".");
        }
      }
      case OVERNIGHT_PO_BOX -> text.say("Overnight shipping does not deliver to PO boxes. Expedited (")
          .sayNumbers("2 business days").say(", ").money(OrderPricing.US_EXPEDITED).say(") or standard shipping can.");
      default -> throw new IllegalStateException(refusal.name());
    }
    return text.say(" Tell me how you'd like to go ahead and I'll quote it again.")
        .answer(type, OrderAnswer.REFUSED, orderId);
  }

  private static String hazardous(List<QuoteLine> lines) {
    return lines.stream().filter(line -> line.product().hazardous()).findFirst()
        .map(line -> line.product().name()).orElse("fuel canister");
  }
}
