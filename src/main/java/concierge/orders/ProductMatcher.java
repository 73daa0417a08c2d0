package concierge.orders;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the products a message names, by SKU, full or partial name, with plurals, one-letter typos
 * and a few everyday words ("lamp", "shoes", "raincoat"). Each run of adjacent product words is one
 * mention; the product that explains it best wins (brand and generic words count little, the last
 * word, the head noun, counts most), and a tie is an ambiguity to ask about ("tent", "headlamp").
 */
public final class ProductMatcher {

  /** Products named at word positions [start, end); more than one product means "which one?". */
  public record Mention(List<Product> products, int start, int end) {
    public boolean ambiguous() {
      return products.size() > 1;
    }

    public Product product() {
      return products.get(0);
    }
  }

  private static final String SKU_MARK = "zzsku";
  private static final Set<String> WEAK = Set.of("alder", "finch", "kestrel", "summit", "labs", "boreal", "alpine",
      "trail", "down", "water", "insulated", "set", "camp", "four", "season", "ultralight", "digital", "f", "oz",
      "g", "pack", "air", "rain", "hiking", "hiker", "trekking", "sleeping", "expedition", "card");
  private static final Map<String, Set<String>> SYNONYMS = Map.ofEntries(
      Map.entry("lamp", Set.of("headlamp")), Map.entry("headlight", Set.of("headlamp")),
      Map.entry("flashlight", Set.of("headlamp")), Map.entry("torch", Set.of("headlamp")),
      Map.entry("shoe", Set.of("runner")), Map.entry("sneaker", Set.of("runner")),
      Map.entry("running", Set.of("runner")), Map.entry("raincoat", Set.of("rain", "jacket")),
      Map.entry("coat", Set.of("jacket")), Map.entry("puffer", Set.of("down", "jacket")),
      Map.entry("puffy", Set.of("down", "jacket")), Map.entry("mat", Set.of("pad")),
      Map.entry("gas", Set.of("fuel")), Map.entry("cookset", Set.of("cook", "set")),
      Map.entry("cookware", Set.of("cook", "set")), Map.entry("pot", Set.of("cook")),
      Map.entry("giftcard", Set.of("gift", "card")), Map.entry("voucher", Set.of("gift", "card")),
      Map.entry("rucksack", Set.of("backpack")), Map.entry("flask", Set.of("bottle")));

  private final List<Product> products;
  private final List<List<String>> names = new ArrayList<>();
  private final Pattern skus;

  public ProductMatcher(List<Product> products) {
    this.products = List.copyOf(products);
    StringBuilder alternation = new StringBuilder();
    for (Product product : this.products) {
      names.add(Words.of(product.name()));
      alternation.append(alternation.length() == 0 ? "" : "|").append(Pattern.quote(product.sku()));
    }
    skus = Pattern.compile("(?i)(?<![\\w-])(" + alternation + ")(?![\\w-])");
  }

  /** The message as words, with each SKU replaced by a marker word the matcher recognises. */
  public List<String> words(String message) {
    Matcher matcher = skus.matcher(message);
    StringBuilder marked = new StringBuilder();
    while (matcher.find()) {
      int index = indexOfSku(matcher.group(1));
      matcher.appendReplacement(marked, " " + SKU_MARK + (char) ('a' + index / 26) + (char) ('a' + index % 26) + " ");
    }
    matcher.appendTail(marked);
    return Words.of(marked.toString());
  }

  /** The product mentions in order of appearance. */
  public List<Mention> mentions(List<String> words) {
    return mentions(words, Set.of());
  }

  /** As {@link #mentions(List)}, a tie resolved to the one product of {@code preferred} (an order's SKUs) in it. */
  public List<Mention> mentions(List<String> words, Set<String> preferred) {
    List<Mention> mentions = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      if (!matchesAny(words, i)) {
        i++;
        continue;
      }
      int start = i;
      while (i < words.size() && matchesAny(words, i)) {
        i++;
      }
      Mention mention = best(words, start, i);
      if (mention != null) {
        mentions.add(prefer(mention, preferred));
      }
    }
    return mentions;
  }

  private static Mention prefer(Mention mention, Set<String> preferred) {
    List<Product> known = mention.products().stream().filter(product -> preferred.contains(product.sku())).toList();
    return mention.ambiguous() && known.size() == 1 ? new Mention(known, mention.start(), mention.end()) : mention;
  }

  private Mention best(List<String> words, int start, int end) {
    List<double[]> scored = new ArrayList<>();
    for (int p = 0; p < products.size(); p++) {
      double score = 0;
      boolean strong = false;
      int first = -1;
      int last = -1;
      for (int i = start; i < end; i++) {
        double weight = weight(words, i, p);
        if (weight > 0) {
          score += weight + (i == end - 1 ? 1 : 0);
          strong |= weight >= 1.5;
          first = first < 0 ? i : first;
          last = i;
        }
      }
      if (strong) {
        scored.add(new double[] {score, p, first, last + 1});
      }
    }
    if (scored.isEmpty()) {
      return null;
    }
    scored.sort(Comparator.comparingDouble((double[] s) -> s[0]).reversed());
    double top = scored.get(0)[0];
    List<Product> tied = new ArrayList<>();
    int first = end;
    int last = start;
    for (double[] s : scored) {
      if (top - s[0] < 0.25) {
        tied.add(products.get((int) s[1]));
        first = Math.min(first, (int) s[2]);
        last = Math.max(last, (int) s[3]);
      }
    }
    while (start < first && Words.isNumber(words.get(start))) {
      start++;
    }
    return new Mention(tied, Math.min(start, first), Math.max(end, last));
  }

  private boolean matchesAny(List<String> words, int i) {
    for (int p = 0; p < products.size(); p++) {
      if (weight(words, i, p) > 0) {
        return true;
      }
    }
    return false;
  }

  /** How much word i says about product p: 0 nothing, 0.5 a weak word, 1.5 a number of its name, 2 a strong word. */
  private double weight(List<String> words, int i, int p) {
    String word = words.get(i);
    if (word.startsWith(SKU_MARK)) {
      return word.length() == SKU_MARK.length() + 2
          && (word.charAt(SKU_MARK.length()) - 'a') * 26 + word.charAt(SKU_MARK.length() + 1) - 'a' == p ? 10 : 0;
    }
    List<String> name = names.get(p);
    for (int k = 0; k < name.size(); k++) {
      String part = name.get(k);
      if (Words.isNumber(part)) {
        if (word.equals(part) && (neighbour(words, i - 1, name, k - 1) || neighbour(words, i + 1, name, k + 1))) {
          return 1.5;
        }
      } else if (same(word, part)) {
        return WEAK.contains(part) ? 0.5 : 2;
      }
    }
    return 0;
  }

  private static boolean neighbour(List<String> words, int i, List<String> name, int k) {
    return i >= 0 && i < words.size() && k >= 0 && k < name.size() && same(words.get(i), name.get(k));
  }

  static boolean same(String word, String part) {
    if (word.equals(part) || Words.isNumber(word)) {
      return word.equals(part);
    }
    String a = Words.stem(word);
    String b = Words.stem(part);
    if (a.equals(b) || (a.length() >= 6 && b.length() >= 6 && Words.oneEditApart(a, b))) {
      return true;
    }
    Set<String> synonyms = SYNONYMS.getOrDefault(word, SYNONYMS.get(a));
    return synonyms != null && (synonyms.contains(part) || synonyms.contains(b));
  }

  private int indexOfSku(String sku) {
    for (int p = 0; p < products.size(); p++) {
      if (products.get(p).sku().equalsIgnoreCase(sku)) {
        return p;
      }
    }
    return -1;
  }
}
