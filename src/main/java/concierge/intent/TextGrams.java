package concierge.intent;

import java.util.Map;
import java.util.TreeMap;

/**
 * The words of a message as a sparse vector: words, word pairs and the letter triples of each
 * word, hashed into a fixed number of buckets and scaled to unit length. The letter triples
 * carry what a sentence embedding loses on typos ("retrun", "cancle") and on words it barely
 * knows (brand names, Spanish or French); digits are folded so that every order number reads
 * alike.
 */
final class TextGrams {

  private final int buckets;

  TextGrams(int buckets) {
    if (buckets < 1) {
      throw new IllegalArgumentException("buckets must be positive");
    }
    this.buckets = buckets;
  }

  int buckets() {
    return buckets;
  }

  /** Bucket index -> value, unit length (empty for a message without letters or digits). */
  Map<Integer, Double> of(String message) {
    String[] words = MessageFeatures.normalize(message == null ? "" : message).replaceAll("\\d", "0")
        .split("[^\\p{L}\\p{N}']+");
    Map<Integer, Double> counts = new TreeMap<>();
    String previous = "<s>";
    for (String word : words) {
      if (word.isEmpty()) {
        continue;
      }
      add(counts, "w:" + word);
      add(counts, "b:" + previous + " " + word);
      String padded = "<" + word + ">";
      for (int i = 0; i + 3 <= padded.length(); i++) {
        add(counts, "c:" + padded.substring(i, i + 3));
      }
      previous = word;
    }
    double norm = Math.sqrt(counts.values().stream().mapToDouble(v -> v * v).sum());
    counts.replaceAll((bucket, count) -> count / norm);
    return counts;
  }

  private void add(Map<Integer, Double> counts, String gram) {
    counts.merge(Math.floorMod(mix(gram.hashCode()), buckets), 1.0, Double::sum);
  }

  /** MurmurHash3's finaliser: spreads String.hashCode (stable across JVMs) over the buckets. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
