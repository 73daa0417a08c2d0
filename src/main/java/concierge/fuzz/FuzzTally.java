package concierge.fuzz;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the server did with each input, counted by kind and outcome; 500s and hangs are the failures. */
public final class FuzzTally {

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final Map<String, String> firstFailures = new ConcurrentHashMap<>();
  private final LongAdder inputs = new LongAdder();
  private final LongAdder serverErrors = new LongAdder();
  private final LongAdder hangs = new LongAdder();

  void record(FuzzInput input, String outcome) {
    inputs.increment();
    counts.computeIfAbsent(input.kind() + " " + outcome, k -> new LongAdder()).increment();
    if (outcome.contains("500")) {
      serverErrors.increment();
      firstFailures.putIfAbsent(input.kind() + " " + outcome, describe(input));
    }
    if (outcome.equals("hang")) {
      hangs.increment();
      firstFailures.putIfAbsent(input.kind() + " hang", describe(input));
    }
  }

  public long inputs() {
    return inputs.sum();
  }

  public long serverErrors() {
    return serverErrors.sum();
  }

  public long hangs() {
    return hangs.sum();
  }

  /** Outcomes by "kind outcome", sorted. */
  public Map<String, Long> counts() {
    Map<String, Long> sorted = new TreeMap<>();
    counts.forEach((k, v) -> sorted.put(k, v.sum()));
    return sorted;
  }

  public Map<String, String> firstFailures() {
    return new TreeMap<>(firstFailures);
  }

  public long count(String kindAndOutcomePrefix) {
    return counts().entrySet().stream().filter(e -> e.getKey().startsWith(kindAndOutcomePrefix))
        .mapToLong(Map.Entry::getValue).sum();
  }

  private static String describe(FuzzInput input) {
    String text = input.toString();
    if (input instanceof FuzzInput.RawHttp raw) {
      text = new String(raw.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
    }
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
