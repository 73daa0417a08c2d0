package concierge.llmsim;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/** What the serving verticles of one simulator share: the options, the planner, the log and the counters. */
final class SimulatorRun {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatorRun.class);
  private static final Pattern SPACES = Pattern.compile("\\s+");

  final LlmSimOptions options;
  final CompletionPlanner planner;
  final RequestLog log;
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger port = new AtomicInteger();
  final AtomicReference<ForcedFault> forced = new AtomicReference<>(ForcedFault.NONE);
  /** When set, the text every non-streamed completion answers (a classifier's label); null: drawn prose. */
  final AtomicReference<String> label = new AtomicReference<>();
  /** The label of each known message (by {@link #messageKey}), for non-streamed completions without {@link #label}. */
  final AtomicReference<Map<String, String>> labels = new AtomicReference<>(Map.of());
  /** The event-loop threads that serve requests, for the CPU time the simulator used. */
  final Set<Thread> eventLoops = ConcurrentHashMap.newKeySet();

  SimulatorRun(LlmSimOptions options, RequestLog log) {
    this.options = options;
    this.planner = new CompletionPlanner(options.seed(), options.speed(), options.tails());
    this.log = log;
  }

  /** Forces a failure on every request from now on ({@link ForcedFault#NONE} ends it). */
  void force(ForcedFault fault) {
    forced.set(fault);
    LOG.info("forced fault: {}", fault.label());
  }

  /** What every non-streamed completion answers from now on; null: drawn prose again. */
  void label(String text) {
    label.set(text);
    LOG.info("non-streamed completions answer: {}", text);
  }

  /** Known messages and their labels, replacing those given before (empty: none). */
  void labels(Map<String, String> byMessage) {
    Map<String, String> keyed = new HashMap<>();
    byMessage.forEach((message, intent) -> keyed.put(messageKey(message), intent));
    labels.set(Map.copyOf(keyed));
    LOG.info("non-streamed completions answer the labels of {} known messages", keyed.size());
  }

  /** What a non-streamed completion about {@code question} answers: the forced label, its own label, or null (prose). */
  String labelFor(String question) {
    String forced = label.get();
    return forced != null ? forced : labels.get().get(messageKey(question));
  }

  /** Case, outer and repeated white space do not make another message. */
  static String messageKey(String message) {
    return SPACES.matcher(message.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }

  /** Takes a slot for a request, or says no when the concurrency limit is reached. */
  boolean admit() {
    int limit = options.maxConcurrency();
    if (limit == 0) {
      inFlight.incrementAndGet();
      return true;
    }
    while (true) {
      int current = inFlight.get();
      if (current >= limit) {
        return false;
      }
      if (inFlight.compareAndSet(current, current + 1)) {
        return true;
      }
    }
  }

  void release() {
    inFlight.decrementAndGet();
  }
}
