package concierge.orders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a change request into the order it would produce: a new destination or shipping method,
 * items added or removed, quantities, and sizes (named with the product, or alone when the order
 * has one sized item). Returns the new lines and a description of each change, or the answer to
 * give instead (a question, or a place the shop does not ship to). Pure.
 */
public final class OrderChanges {

  /** The changed order, or {@code problem} to answer instead. */
  public record Plan(List<QuoteLine> lines, Destination destination, ShippingMethod method, boolean poBox,
                     List<String> changes, OrderAnswer problem) {
    static Plan problem(OrderAnswer answer) {
      return new Plan(null, null, null, false, List.of(), answer);
    }
  }

  private OrderChanges() {
  }

  public static Plan plan(Order order, String message, Catalogue catalogue) {
    Map<String, String> current = new HashMap<>();
    order.lines().forEach(line -> current.put(line.sku(), line.option() == null ? "" : line.option()));
    OrderRequest request = catalogue.parse(message, current);
    if (request.hasIssues()) {
      return Plan.problem(ProblemAnswers.issues(ActionAnswers.CHANGE, request.issues(), order.id()));
    }
    List<QuoteLine> lines = new ArrayList<>();
    for (OrderLine line : order.lines()) {
      lines.add(new QuoteLine(catalogue.product(line.sku()).orElseThrow(), line.option(), line.quantity(),
          line.unitPriceCents()));
    }
    List<String> changes = new ArrayList<>();
    Destination destination = Destinations.byCode(order.destination()).orElse(null);
    if (request.place() != null) {
      if (!request.place().shippable()) {
        return Plan.problem(ProblemAnswers.place(ActionAnswers.CHANGE, request.place(), order.id()));
      }
      Destination to = request.place().destination();
      if (!to.equals(destination)) {
        changes.add("ship to " + to.name() + (destination == null ? "" : " instead of " + destination.name()));
        destination = to;
      }
    }
    ShippingMethod method = order.method();
    if (request.method() != null && request.method() != method) {
      changes.add("shipping method from " + method.label() + " to " + request.method().label());
      method = request.method();
    }
    for (LineRequest wanted : request.lines()) {
      OrderAnswer problem = apply(wanted, lines, changes, order.id());
      if (problem != null) {
        return Plan.problem(problem);
      }
    }
    if (request.lines().isEmpty() && !request.namesProducts()) {
      sizeOnly(message, lines, changes);
    }
    if (changes.isEmpty()) {
      return Plan.problem(new AnswerText().say("What would you like to change on order ").fact(order.id())
          .say(": the address, a size, the items or the shipping method?").answer(ActionAnswers.CHANGE,
              OrderAnswer.NONE, order.id()));
    }
    if (lines.isEmpty()) {
      return Plan.problem(new AnswerText().say("That would leave order ").fact(order.id()).say(" empty. Would you "
          + "like me to cancel it instead?").answer(ActionAnswers.CHANGE, OrderAnswer.NONE, order.id()));
    }
    if (destination == null && lines.stream().anyMatch(line -> !line.product().digital())) {
      return Plan.problem(ProblemAnswers.askDestination(ActionAnswers.CHANGE, order.id()));
    }
    return new Plan(lines, destination, method, request.poBox(), changes, null);
  }

  private static OrderAnswer apply(LineRequest wanted, List<QuoteLine> lines, List<String> changes, String orderId) {
    Product product = wanted.product();
    int at = indexOf(lines, product.sku());
    if (wanted.removal()) {
      if (at < 0) {
        return new AnswerText().say("Order ").fact(orderId).say(" has no ").name(product.name()).say(" to remove.")
            .answer(ActionAnswers.CHANGE, OrderAnswer.NONE, orderId);
      }
      lines.remove(at);
      changes.add("remove the " + product.name());
      return null;
    }
    QuoteLine line = at < 0 ? null : lines.get(at);
    boolean otherOption = line != null && wanted.option() != null && !wanted.option().equals(line.option());
    if (line == null || (wanted.addition() && otherOption)) {
      lines.add(new QuoteLine(product, wanted.option(), wanted.quantity(), wanted.unitPriceCents()));
      changes.add("add " + wanted.quantity() + " x " + title(product, wanted.option()));
      return null;
    }
    long quantity = wanted.addition() ? line.quantity() + wanted.quantity()
        : wanted.quantityGiven() ? wanted.quantity() : line.quantity();
    String option = wanted.option() == null ? line.option() : wanted.option();
    if (!Objects.equals(option, line.option())) {
      changes.add((line.option() == null ? "" : "size of the ") + product.name() + (line.option() == null ? ": "
          : " from " + line.option() + " to ") + option);
    }
    if (quantity != line.quantity()) {
      changes.add(product.name() + " from " + line.quantity() + " to " + quantity);
    }
    if (quantity >= OrderRequestParser.BULK_UNITS) {
      return ProblemAnswers.issues(ActionAnswers.CHANGE,
          List.of(new ItemIssue(ItemIssue.Kind.QUANTITY_BULK, List.of(product), null, quantity)), orderId);
    }
    lines.set(at, new QuoteLine(product, option, quantity, line.unitPriceCents()));
    return null;
  }

  /** "Change the size to L": the order's one sized item, with what the message says over what it has. */
  private static void sizeOnly(String message, List<QuoteLine> lines, List<String> changes) {
    List<Integer> sized = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).product().options() != null) {
        sized.add(i);
      }
    }
    if (sized.size() != 1) {
      return;
    }
    QuoteLine line = lines.get(sized.get(0));
    List<String> words = Words.of(OrderNumbers.blank(message));
    ProductOptions.Choice choice = ProductOptions.change(line.product(), words, 0, words.size(), line.option());
    if (choice.complete() && choice.value() != null && !choice.value().equals(line.option())) {
      changes.add("size of the " + line.product().name() + " from " + line.option() + " to " + choice.value());
      lines.set(sized.get(0), new QuoteLine(line.product(), choice.value(), line.quantity(), line.unitPriceCents()));
    }
  }

  private static int indexOf(List<QuoteLine> lines, String sku) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).product().sku().equals(sku)) {
        return i;
      }
    }
    return -1;
  }

  private static String title(Product product, String option) {
    return option == null ? product.name() : product.name() + " (" + option + ")";
  }
}
