package concierge.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads how many of a product a customer asks for: digits ("2", "-1", "10000"), words ("two",
 * "twenty five", "a dozen", "half a dozen", "ten thousand") and pairs ("a pair of" is 2, or 1 for
 * things sold by the pair), written before the product or after it as "x 3" / "qty 3". In "two
 * 3-packs" the 3 is the pack the product comes in, not the quantity.
 */
public final class Quantities {

  /** A quantity as written; {@code fractional} when it is not a whole number (2.5). */
  public record Found(long value, boolean fractional, int start, String written) {
  }

  private static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("zero", 0), Map.entry("one", 1),
      Map.entry("single", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
      Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
      Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
      Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
      Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
      Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60),
      Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90));
  private static final Set<String> NUMBER_WORDS = Set.of("a", "an", "and", "dozen", "half", "couple", "hundred",
      "thousand", "million", "minus");
  private static final Set<String> FILLER = Set.of("of", "the", "x", "more", "extra", "additional", "new",
      "units", "unit", "pieces", "piece", "pcs", "items", "item", "packs", "pack", "sets", "qty", "those", "these",
      "mens", "womens", "men", "women", "ladies", "long", "regular", "small", "medium", "large", "xs", "xl", "xxl",
      "m", "s", "l");
  private static final Set<String> PAIR = Set.of("pair", "pairs");
  private static final Pattern PACK = Pattern.compile("packs?");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Set<String> AFTER = Set.of("x", "qty", "quantity", "times");

  private Quantities() {
  }

  /** The quantity written just before {@code at}, looking no further back than {@code floor}. */
  public static Optional<Found> before(List<String> words, int at, int floor, boolean soldInPairs) {
    int i = at - 1;
    boolean pair = false;
    while (i >= floor && (FILLER.contains(words.get(i)) || PAIR.contains(words.get(i))
        || words.get(i).startsWith("$"))) {
      pair |= PAIR.contains(words.get(i));
      i--;
    }
    int end = i + 1;
    while (i >= floor && end - i <= 6 && isNumberish(words.get(i))) {
      i--;
    }
    int start = i + 1;
    List<String> written = words.subList(start, end);
    boolean packSize = written.size() > 1 && end < words.size() && PACK.matcher(words.get(end)).matches()
        && DIGITS.matcher(written.get(written.size() - 1)).matches();
    List<String> number = packSize ? written.subList(0, written.size() - 1) : written;
    if (number.isEmpty() || number.equals(List.of("and"))) {
      return pair ? Optional.of(new Found(soldInPairs ? 1 : 2, false, end, "a pair")) : Optional.empty();
    }
    long perUnit = pair && !soldInPairs ? 2 : 1;
    return value(number).map(found -> new Found(found.value() * perUnit, found.fractional(), start,
        String.join(" ", number)));
  }

  /** "socks x 3", "socks, qty 3": a quantity right after {@code from}, before {@code ceiling}. */
  public static Optional<Found> after(List<String> words, int from, int ceiling) {
    int i = from;
    if (i < ceiling && words.get(i).equals(",")) {
      i++;
    }
    if (i < ceiling && AFTER.contains(words.get(i))) {
      i++;
      if (i < ceiling && words.get(i).equals("of")) {
        i++;
      }
      int start = i;
      while (i < ceiling && i - start < 4 && isNumberish(words.get(i)) && !words.get(i).equals("a")) {
        i++;
      }
      return start == i ? Optional.empty() : value(words.subList(start, i));
    }
    return Optional.empty();
  }

  static boolean isNumberish(String word) {
    return Words.isNumber(word) || UNITS.containsKey(word) || NUMBER_WORDS.contains(word);
  }

  static Optional<Found> value(List<String> number) {
    long total = 0;
    long current = 0;
    boolean seen = false;
    boolean half = false;
    boolean negative = false;
    boolean fractional = false;
    for (String word : new ArrayList<>(number)) {
      if (Words.isNumber(word)) {
        double parsed;
        try {
          parsed = Double.parseDouble(word);
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
        fractional |= parsed != Math.rint(parsed);
        current += (long) Math.min(parsed, 1e12);
        seen = true;
      } else if (UNITS.containsKey(word)) {
        current += UNITS.get(word);
        seen = true;
      } else {
        switch (word) {
          case "a", "an" -> current = Math.max(current, 1);
          case "couple" -> current = 2;
          case "dozen" -> current = Math.max(current, 1) * 12;
          case "hundred" -> current = Math.max(current, 1) * 100;
          case "thousand", "million" -> {
            total += Math.max(current, 1) * (word.equals("thousand") ? 1000 : 1_000_000);
            current = 0;
          }
          case "half" -> half = true;
          case "minus" -> negative = true;
          default -> {
          }
        }
        seen |= !word.equals("and") && !word.equals("minus");
      }
    }
    if (!seen) {
      return Optional.empty();
    }
    long value = total + current;
    value = half ? value / 2 : value;
    return Optional.of(new Found(negative ? -value : value, fractional, 0, String.join(" ", number)));
  }
}
