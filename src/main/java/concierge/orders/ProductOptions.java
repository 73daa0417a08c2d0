package concierge.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The choices some products need, read from the words around their mention: the rain jacket's
 * fit and size (men's or women's, XS-XXL), the boots' fit and size (men's 7-14, women's 5-11, half
 * sizes), the 20°F bag's length (regular or long), and the Traverse 55's optional women's fit.
 */
public final class ProductOptions {

  /** What was read: a value, or a question to ask (missing), or a problem to state (not available). */
  public record Choice(String value, String question, String problem) {
    static Choice of(String value) {
      return new Choice(value, null, null);
    }

    public boolean complete() {
      return question == null && problem == null;
    }
  }

  private static final Set<String> MEN = Set.of("mens", "men", "male", "man", "mans");
  private static final Set<String> WOMEN = Set.of("womens", "women", "female", "woman", "womans", "ladies", "lady");
  private static final Set<String> SIZE_CUE = Set.of("size", "sz", "us", "in", "a", "an", "to", "mens", "womens",
      "men", "women", "ladies");
  private static final List<String> APPAREL = List.of("XS", "S", "M", "L", "XL", "XXL");

  private ProductOptions() {
  }

  public static Choice read(Product product, List<String> words, int from, int to) {
    if (product.options() == null) {
      return Choice.of(null);
    }
    List<String> region = words.subList(Math.max(0, from), Math.min(words.size(), to));
    String fit = fit(region);
    return switch (product.options()) {
      case "apparel" -> apparel(product, region, fit);
      case "footwear" -> footwear(product, region, fit);
      case "bag-length" -> region.contains("long") || region.contains("tall") ? Choice.of("long")
          : region.contains("regular") || region.contains("reg") ? Choice.of("regular")
          : new Choice(null, "regular or long length", null);
      case "pack-fit" -> Choice.of("women's".equals(fit) ? "women's fit" : null);
      default -> Choice.of(null);
    };
  }

  /**
   * For a change: the words of the message first, then the current option's, so that what the
   * customer names wins and what they leave out stays ("size L" keeps women's).
   */
  public static Choice change(Product product, List<String> words, int from, int to, String current) {
    List<String> region = new ArrayList<>(words.subList(Math.max(0, from), Math.min(words.size(), to)));
    if (current != null) {
      region.add(",");
      region.addAll(Words.of(current));
    }
    return read(product, region, 0, region.size());
  }

  /** What the customer chooses, for a question: "men's or women's, XS to XXL". */
  public static String choices(Product product) {
    return switch (String.valueOf(product.options())) {
      case "apparel" -> "men's or women's, sizes XS to XXL";
      case "footwear" -> "men's sizes 7-14 or women's sizes 5-11, half sizes included";
      case "bag-length" -> "regular or long";
      default -> "";
    };
  }

  private static Choice apparel(Product product, List<String> region, String fit) {
    String size = apparelSize(region);
    if ("none".equals(size)) {
      return new Choice(null, null, product.name() + " comes in " + choices(product) + ".");
    }
    if (fit == null || size == null) {
      return new Choice(null, (fit == null ? "men's or women's" : "") + (fit == null && size == null ? ", and " : "")
          + (size == null ? "which size (XS to XXL)" : ""), null);
    }
    return Choice.of(fit + " " + size);
  }

  private static String apparelSize(List<String> region) {
    for (int i = 0; i < region.size(); i++) {
      String word = region.get(i);
      String next = i + 1 < region.size() ? region.get(i + 1) : "";
      String previous = i > 0 ? region.get(i - 1) : "";
      if (Set.of("xxxl", "xxxxl", "xxs", "xxxs", "3xl", "4xl").contains(word)) {
        return "none";
      }
      if (word.equals("extra") || word.equals("x")) {
        if (next.equals("small")) {
          return "XS";
        }
        if (next.equals("large")) {
          return "XL";
        }
      }
      switch (word) {
        case "xs" -> {
          return "XS";
        }
        case "xl" -> {
          return previous.equals("2") ? "XXL" : "XL";
        }
        case "xxl" -> {
          return "XXL";
        }
        case "small", "medium", "large" -> {
          return previous.equals("extra") || previous.equals("x") ? (word.equals("small") ? "XS" : "XL")
              : word.substring(0, 1).toUpperCase();
        }
        case "s", "m", "l" -> {
          if (SIZE_CUE.contains(previous) || MEN.contains(next) || WOMEN.contains(next)) {
            return word.toUpperCase();
          }
        }
        default -> {
        }
      }
    }
    return null;
  }

  private static Choice footwear(Product product, List<String> region, String fit) {
    Double size = null;
    for (int i = 1; i < region.size() && size == null; i++) {
      if (Words.isNumber(region.get(i)) && SIZE_CUE.contains(region.get(i - 1))) {
        size = Double.parseDouble(region.get(i));
      }
    }
    if (fit == null) {
      return new Choice(null, "men's or women's" + (size == null ? ", and which size" : ""), null);
    }
    if (size == null) {
      return new Choice(null, "which " + fit + " size (" + (fit.equals("men's") ? "7-14" : "5-11")
          + ", half sizes included)", null);
    }
    double low = fit.equals("men's") ? 7 : 5;
    double high = fit.equals("men's") ? 14 : 11;
    if (size < low || size > high || size * 2 != Math.rint(size * 2)) {
      return new Choice(null, null, product.name() + " come in " + choices(product) + ".");
    }
    String shown = size == Math.rint(size) ? String.valueOf(size.intValue()) : String.valueOf(size);
    return Choice.of(fit + " " + shown);
  }

  private static String fit(List<String> region) {
    for (String word : region) {
      if (WOMEN.contains(word)) {
        return "women's";
      }
      if (MEN.contains(word)) {
        return "men's";
      }
    }
    return null;
  }
}
