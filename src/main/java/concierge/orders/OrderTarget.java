package concierge.orders;

import io.vertx.core.Future;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which order a cancel or change request is about: the number in the message; else the only recent
 * order holding the item the message names ("cancel the rain jacket order"), even when the action
 * is not possible for it (the answer then says why); else, among the customer's recent orders, the
 * only one the action is possible for; else the only order; else a question listing them.
 * {@code answer} is set when there is no order to act on.
 */
record OrderTarget(Order order, OrderAnswer answer) {

  static Future<OrderTarget> find(OrderStore store, String customerId, String message, String type,
                                  Predicate<Order> possible) {
    return OrderNumbers.find(message)
        .map(orderId -> store.order(orderId, customerId).map(found -> found
            .map(order -> new OrderTarget(order, null))
            .orElseGet(() -> new OrderTarget(null, StatusAnswers.notFound(type, orderId)))))
        .orElseGet(() -> store.recentOrders(customerId).map(orders -> choose(orders, message, type, possible)));
  }

  private static OrderTarget choose(List<Order> orders, String message, String type, Predicate<Order> possible) {
    if (orders.isEmpty()) {
      return new OrderTarget(null, new AnswerText().say("I don't see any orders on your account yet.")
          .answer(type, OrderAnswer.NONE, null));
    }
    Set<String> said = words(message);
    List<Order> named = orders.stream().filter(order -> order.lines().stream()
        .anyMatch(line -> words(line.name()).stream().anyMatch(said::contains))).toList();
    if (named.size() == 1) {
      return new OrderTarget(named.get(0), null);
    }
    List<Order> candidates = orders.stream().filter(possible).toList();
    if (candidates.size() == 1) {
      return new OrderTarget(candidates.get(0), null);
    }
    if (orders.size() == 1) {
      return new OrderTarget(orders.get(0), null);
    }
    return new OrderTarget(null, ActionAnswers.askWhich(type, orders));
  }

  /** The distinctive words of a text, singular: "Merino Hiker Socks 3-Pack" gives merino, hiker, sock. */
  private static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    for (String word : Words.of(text)) {
      if (word.length() >= 4 && Character.isLetter(word.charAt(0)) && !GENERIC.contains(word)) {
        words.add(Words.stem(word));
      }
    }
    return words;
  }

  private static final Set<String> GENERIC = Set.of("pack", "order", "orders", "item", "items", "with", "from",
      "that", "this", "cancel", "change", "please", "want", "need", "anymore", "instead");
}
