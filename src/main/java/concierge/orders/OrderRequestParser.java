package concierge.orders;

import concierge.orders.ItemIssue.Kind;
import concierge.orders.ProductMatcher.Mention;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an order message without a model: order number, items with quantities and options,
 * destination, shipping method, PO box. The words between two items are split at the first
 * separator (",", "and", "plus"): what comes before it belongs to the first item, after it to the
 * second. Customer text is only ever data here: it never becomes SQL or anything executed.
 */
public final class OrderRequestParser {

  /** 20 or more units of one item are a bulk order for corporate sales (10% off). */
  public static final int BULK_UNITS = 20;
  public static final long GIFT_CARD_MIN_CENTS = 2500;

  private static final Set<String> SEPARATORS = Set.of(",", ";", "and", "plus");
  private static final Set<String> REMOVE = Set.of("remove", "delete", "drop", "without", "minus", "cancel", "replace",
      "swap");
  private static final Set<String> ADD = Set.of("add", "another", "more", "extra", "additional", "also", "plus",
      "with");
  private static final Pattern OVERNIGHT = Pattern.compile(
      "\\bovernight\\b|\\bnext[- ]day\\b|\\bone[- ]day\\b|\\b1[- ]day\\b");
  private static final Pattern EXPEDITED = Pattern.compile(
      "\\bexpedite[ds]?\\b|\\bexpress\\b|\\b(?:2|two)[- ]day\\b|\\brush\\b|\\bfaster\\b");
  private static final Pattern STANDARD = Pattern.compile(
      "\\bstandard\\b|\\bground\\b|\\b(?:regular|normal|cheapest|slowest) shipping\\b");
  private static final Pattern PO_BOX = Pattern.compile(
      "\\bp\\.?\\s?o\\.?\\s*box\\b|\\bpost office box\\b|\\bpobox\\b");

  private final ProductMatcher matcher;

  public OrderRequestParser(ProductMatcher matcher) {
    this.matcher = matcher;
  }

  public OrderRequest parse(String message) {
    return parse(message, Map.of());
  }

  /**
   * For a change to an existing order: {@code current} maps the order's SKUs to their chosen option
   * ("" when none), so that "the headlamp" means the one in the order and "size L" keeps "women's".
   */
  public OrderRequest parse(String message, Map<String, String> current) {
    String lower = message.toLowerCase(Locale.ROOT);
    String orderId = OrderNumbers.find(message).orElse(null);
    List<String> words = matcher.words(OrderNumbers.blank(message));
    List<Mention> mentions = matcher.mentions(words, current.keySet());
    List<LineRequest> lines = new ArrayList<>();
    List<ItemIssue> issues = new ArrayList<>();
    Verb verb = Verb.NONE;
    for (int i = 0; i < mentions.size(); i++) {
      Mention mention = mentions.get(i);
      int floor = i == 0 ? 0 : mentions.get(i - 1).end();
      int separator = lastSeparator(words, floor, mention.start());
      int from = i == 0 ? 0 : separator < 0 ? mention.start() : separator + 1;
      int ceiling = i + 1 < mentions.size() ? mentions.get(i + 1).start() : words.size();
      int to = i + 1 < mentions.size() ? firstSeparator(words, mention.end(), ceiling) : words.size();
      Verb said = verb(words.subList(floor, mention.start()));
      verb = said == Verb.NONE ? verb : said;
      if (mention.ambiguous()) {
        issues.add(new ItemIssue(Kind.AMBIGUOUS, mention.products(), null, 0));
        continue;
      }
      if (i > 0 && restates(words, mentions.get(i - 1), mention)) {
        continue;
      }
      item(words, mention, floor, from, to, verb, current.get(mention.product().sku()), lines, issues);
    }
    return new OrderRequest(orderId, merge(lines), issues, Destinations.find(message).orElse(null), method(lower),
        PO_BOX.matcher(lower).find(), !mentions.isEmpty());
  }

  private enum Verb { NONE, ADD, REMOVE }

  private static Verb verb(List<String> gap) {
    for (int i = gap.size() - 1; i >= 0; i--) {
      if (REMOVE.contains(gap.get(i)) || (gap.get(i).equals("off") && i > 0 && gap.get(i - 1).equals("take"))
          || (gap.get(i).equals("of") && i > 0 && gap.get(i - 1).equals("instead"))) {
        return Verb.REMOVE;
      }
      if (ADD.contains(gap.get(i))) {
        return Verb.ADD;
      }
    }
    return Verb.NONE;
  }

  private void item(List<String> words, Mention mention, int floor, int from, int to, Verb verb, String current,
                    List<LineRequest> lines, List<ItemIssue> issues) {
    Product product = mention.product();
    Optional<Quantities.Found> written = Quantities.before(words, mention.start(), floor, product.soldInPairs())
        .or(() -> Quantities.after(words, mention.end(), to));
    long quantity = written.map(Quantities.Found::value).orElse(1L);
    boolean removal = verb == Verb.REMOVE;
    boolean addition = verb == Verb.ADD;
    if (written.isPresent() && (written.get().fractional() || quantity <= 0) && !removal) {
      issues.add(new ItemIssue(Kind.QUANTITY_INVALID, List.of(product), written.get().written(), quantity));
      return;
    }
    if (quantity >= BULK_UNITS && !removal) {
      issues.add(new ItemIssue(Kind.QUANTITY_BULK, List.of(product), null, quantity));
      return;
    }
    if (!product.available()) {
      issues.add(new ItemIssue(Kind.UNAVAILABLE, List.of(product), null, quantity));
      return;
    }
    ProductOptions.Choice choice = removal ? ProductOptions.Choice.of(null)
        : current != null && !current.isEmpty() && !addition ? ProductOptions.change(product, words, from, to, current)
        : ProductOptions.read(product, words, from, to);
    if (!choice.complete()) {
      issues.add(new ItemIssue(choice.question() != null ? Kind.OPTION_MISSING : Kind.OPTION_INVALID,
          List.of(product), choice.question() != null ? choice.question() : choice.problem(), quantity));
      return;
    }
    Long amount = product.pricedByAmount() && !removal ? amount(words, from, to) : null;
    if (product.pricedByAmount() && !removal && (amount == null || amount < product.priceCents()
        || amount > product.maxPriceCents())) {
      issues.add(new ItemIssue(Kind.AMOUNT, List.of(product), null, quantity));
      return;
    }
    lines.add(new LineRequest(product, Math.max(quantity, 1), written.isPresent(), choice.value(), amount, removal,
        addition));
  }

  private static Long amount(List<String> words, int from, int to) {
    for (String word : words.subList(from, to)) {
      if (word.startsWith("$")) {
        return Math.round(Double.parseDouble(word.substring(1)) * 100);
      }
    }
    return null;
  }

  static ShippingMethod method(String lower) {
    if (OVERNIGHT.matcher(lower).find()) {
      return ShippingMethod.OVERNIGHT;
    }
    if (EXPEDITED.matcher(lower).find()) {
      return ShippingMethod.EXPEDITED;
    }
    return STANDARD.matcher(lower).find() ? ShippingMethod.STANDARD : null;
  }

  /** "two 3-packs of the merino hiker socks": one product named twice in a row is one item, not two. */
  private static boolean restates(List<String> words, Mention previous, Mention mention) {
    if (previous.ambiguous() || !previous.product().equals(mention.product())) {
      return false;
    }
    return words.subList(previous.end(), mention.start()).stream().allMatch(w -> w.equals("of") || w.equals("the"));
  }

  /** Same product and option twice ("2 socks and 1 more sock") is one line. */
  private static List<LineRequest> merge(List<LineRequest> lines) {
    List<LineRequest> merged = new ArrayList<>();
    for (LineRequest line : lines) {
      int same = -1;
      for (int i = 0; i < merged.size(); i++) {
        LineRequest other = merged.get(i);
        if (other.product().equals(line.product()) && java.util.Objects.equals(other.option(), line.option())
            && java.util.Objects.equals(other.amountCents(), line.amountCents()) && other.removal() == line.removal()) {
          same = i;
        }
      }
      if (same < 0) {
        merged.add(line);
      } else {
        LineRequest other = merged.get(same);
        merged.set(same, new LineRequest(other.product(), other.quantity() + line.quantity(), true, other.option(),
            other.amountCents(), other.removal(), other.addition() || line.addition()));
      }
    }
    return merged;
  }

  private static int lastSeparator(List<String> words, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (SEPARATORS.contains(words.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int firstSeparator(List<String> words, int from, int to) {
    for (int i = from; i < to; i++) {
      if (SEPARATORS.contains(words.get(i))) {
        return i;
      }
    }
    return to;
  }
}
