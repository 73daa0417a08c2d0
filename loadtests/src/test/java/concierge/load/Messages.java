package concierge.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The message mixes. A "script" is one conversation: one message, or three for an order placement
 * in the same conversation: the request, then where it should ship (the answer to the server's
 * question), then "yes" to the confirmation question; the order is then placed in the database.
 *
 * <ul>
 *   <li>{@code seed}: the old agent's mix: 45% policy questions, 40% product questions, 15% order
 *       placements for the demo customers c-1001 and c-1002. Questions are built from templates
 *       (policy topics x phrasings, products x attributes), so there are several hundred distinct
 *       texts and a run with the cache on is not all hits.</li>
 *   <li>{@code replay}: realistic repetition. A head of popular questions, each in several phrasings,
 *       picked by a Zipf law (s = 1) over the questions and uniformly over the phrasings; plus a long
 *       tail ({@code -Dreplay.tail}, default 0.20 of turns) of questions generated to be unique, each
 *       asked once in the whole run.</li>
 *   <li>{@code workload}: the answer cache's replay workload file, in order, once (see
 *       {@link #workload}).</li>
 * </ul>
 */
final class Messages {

  record Script(String kind, String customerId, List<String> messages) {}

  static final String[] CUSTOMERS = {"c-1001", "c-1002"};

  /** An order placement's second message: where it should ship (the shop asks when the request does not say). */
  static final String[] DESTINATIONS = {
      "Ship it to Denver, Colorado", "To Austin, Texas please", "Portland, Oregon", "Send it to Boston, Massachusetts",
      "It goes to Chicago, Illinois", "Toronto, Canada"};

  /** An order placement's last message: the yes to its confirmation question. */
  static final String CONFIRM = "yes, please place it";

  static final String[] PRODUCTS = {
      "Ridgeline 2 Tent", "Ridgeline 4 Tent", "Solo Arc 1 Ultralight Tent", "Kestrel Polar 2 tent",
      "Alpine Down Sleeping Bag 20°F", "Alpine Down Sleeping Bag 0°F", "Summit Labs Insulated Air Pad",
      "Traverse 55 Backpack", "Daybreak 28 Daypack", "Expedition 70 Backpack", "Stormline Rain Jacket",
      "Ember Down Jacket", "Basecamp Fleece", "Kestrel Trailblazer Hiking Boots", "Kestrel Swift Trail Runners",
      "Merino Hiker Socks 3-Pack", "Lumen 400 Headlamp", "Lumen 900 Headlamp", "Boreal Navigator 2 GPS",
      "Flashpoint Canister Stove", "Isobutane Fuel Canister", "Trail Cook Set", "ClearFlow Squeeze Water Filter",
      "Summit Labs UV Purifier", "Carbon Trekking Poles", "Drift Hammock", "Ridge Camp Chair",
      "Glacier 45 Cooler", "Summit Insulated Bottle 32 oz"};

  static final String[] PRODUCT_QUESTIONS = {
      "How much does the %s weigh?", "What does the %s cost?", "Is the %s in stock?",
      "What warranty comes with the %s?", "Is the %s waterproof?", "Would the %s work for winter camping?",
      "What sizes does the %s come in?", "Can you tell me about the %s?", "Is the %s good for a beginner?",
      "How packable is the %s?"};

  static final String[] POLICY_QUESTIONS = {
      "What is your return policy?", "How long do I have to return something?", "How long do refunds take?",
      "Do you refund the original shipping charge?", "How much is shipping?", "How long does standard shipping take?",
      "What is the free shipping minimum?", "Do you ship to Canada?", "Do you ship to Hawaii?",
      "How much is overnight shipping?", "Do you price match?", "Do you match Amazon prices?",
      "How does the lifetime guarantee work?", "Is there a warranty on Kestrel boots?",
      "Can I return opened fuel canisters?", "Can I return an engraved bottle?", "Do gift cards expire?",
      "Can I use two gift cards on one order?", "What payment methods do you accept?", "Do you take PayPal?",
      "How do I join the Trailhead Club?", "What do Trailhead Club members get?", "How does the trade-in program work?",
      "Can I exchange boots for a different size?", "My package arrived damaged, what do I do?",
      "My package was lost, what now?", "Can I cancel my order?", "Can I change my shipping address after ordering?",
      "Do you have a student discount?", "Can I stack promo codes?", "How do I delete my account data?",
      "How do I contact customer service?", "Can you ship fuel canisters by air?", "Is return shipping free?",
      "What is the holiday return policy?", "Can I get store credit instead of a refund?"};

  static final String[] OPENERS = {"", "Hi, ", "Hello! ", "Quick question: ", "Hey there, ", "Sorry to bother you, "};
  static final String[] CLOSERS = {"", " Thanks!", " Thank you.", " I'm in Denver.", " Asking for a gift.",
      " I'm planning a trip next month."};

  static final String[] ORDERS = {
      "I want to buy the %s", "I'd like to order two of the %s", "Please place an order for the %s",
      "Can you order the %s for me?", "I'll take one %s please"};

  /** The head of the replay workload: popular questions, each in several phrasings. */
  static final String[][] POPULAR = {
      {"What is your return policy?", "how do returns work", "returns?", "whats the retrun policy", "Can I return something I bought?"},
      {"How long does shipping take?", "when will my stuff arrive if I order today", "shipping time?", "how many days is standard shipping"},
      {"How much is shipping?", "shipping cost", "how much do you charge for shipping", "what does delivery cost"},
      {"Do you offer free shipping?", "whats the free shipping minimum", "free shipping over how much?", "is shipping ever free"},
      {"How long do refunds take?", "when do I get my money back", "refund timing?", "how fast are refunds"},
      {"Do you ship to Canada?", "can you ship to canada", "shipping to Toronto?", "do u ship to canada"},
      {"Do you price match?", "will you match a lower price", "price match policy", "can you match a competitor's price"},
      {"Is the Ridgeline 4 Tent in stock?", "ridgeline 4 in stock?", "when will the ridgeline 4 be back", "can I get the Ridgeline 4 now"},
      {"How much does the Ridgeline 2 Tent weigh?", "ridgeline 2 weight", "how heavy is the ridgeline 2", "weight of the 2 person ridgeline tent"},
      {"What's the warranty on Alder & Finch gear?", "lifetime guarantee?", "how does your guarantee work", "is there a warranty"},
      {"Can I return opened fuel canisters?", "are fuel canisters returnable", "return a used gas canister?", "can fuel be returned"},
      {"Do gift cards expire?", "gift card expiration", "does my gift card expire", "when do gift cards run out"},
      {"What is the Trailhead Club?", "how do I join the trailhead club", "trailhead club benefits", "is the loyalty program free"},
      {"Which sleeping bag is warmest?", "warmest bag you sell", "best sleeping bag for winter", "which bag for 0 degrees"},
      {"What's the difference between the water filter and the UV purifier?", "filter vs purifier", "clearflow or summit labs uv?", "do I need a filter or a purifier"},
      {"Which headlamp is brightest?", "brightest headlamp", "lumen 400 vs lumen 900", "how bright is the lumen 900"},
      {"Can I exchange for a different size?", "exchange boots for a bigger size", "how do exchanges work", "swap size"},
      {"My package arrived damaged", "my order came broken", "the box was crushed and the stove is damaged", "item damaged in shipping"},
      {"Can I cancel my order?", "how do I cancel", "cancel order policy", "is there a cancellation fee"},
      {"What payment methods do you accept?", "do you take paypal", "can I pay with apple pay", "payment options?"},
      {"Which backpack for a week-long trip?", "best pack for 7 days", "traverse 55 or expedition 70", "which backpack is biggest"},
      {"Is the Stormline Rain Jacket waterproof?", "stormline waterproof rating", "is the rain jacket really waterproof", "stormline jacket rain"},
      {"How does the trade-in program work?", "can I trade in old gear", "trade in my old tent", "trade-in credit"},
      {"Do you have a student discount?", "student discount?", "military discount?", "any discounts available"},
      {"How do I contact a person?", "customer service phone number", "how do I reach support", "what are your support hours"}};

  static final String[] TAIL_CONTEXT = {"a thru-hike of the Colorado Trail", "car camping with two kids",
      "a winter trip to the Adirondacks", "a desert trip in Utah", "a rainy week in the Olympics",
      "an overnight on Mount Tam", "a canoe trip in the Boundary Waters", "a hut-to-hut trek in the Alps",
      "a festival weekend", "a fishing trip in Montana", "a scout troop outing", "a bike-packing trip"};
  static final String[] TAIL_ASK = {"would the %s be a good choice for %s in %s with %d people?",
      "I'm packing for %s in %s for %d nights; is the %s enough or should I look at something else?",
      "for %s in %s, how would the %s hold up over %d days?"};
  static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"};

  private static final AtomicInteger TAIL = new AtomicInteger();

  static Script seed(Random random) {
    double r = random.nextDouble();
    if (r < 0.45) {
      return new Script("policy", null, List.of(question(pick(random, OPENERS), pick(random, POLICY_QUESTIONS),
          pick(random, CLOSERS))));
    }
    if (r < 0.85) {
      return new Script("product", null, List.of(question(pick(random, OPENERS),
          String.format(pick(random, PRODUCT_QUESTIONS), pick(random, PRODUCTS)), pick(random, CLOSERS))));
    }
    String order = String.format(pick(random, ORDERS), pick(random, PRODUCTS));
    return new Script("order", pick(random, CUSTOMERS), List.of(order, pick(random, DESTINATIONS), CONFIRM));
  }

  private static String question(String opener, String question, String closer) {
    return (opener + question + closer).strip();
  }

  /**
   * Every first message the seed mix can send, with the intent it was written for: policy
   * questions are {@code policy_question}, product questions {@code product_question}, order
   * requests, the destinations and the yes that complete them {@code order_place} (about 11,900 texts). The simulated intent model answers these, as
   * an accurate classifier would.
   */
  static Map<String, String> seedLabels() {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String opener : OPENERS) {
      for (String closer : CLOSERS) {
        for (String policy : POLICY_QUESTIONS) {
          labels.put(question(opener, policy, closer), "policy_question");
        }
        for (String asked : PRODUCT_QUESTIONS) {
          for (String product : PRODUCTS) {
            labels.put(question(opener, String.format(asked, product), closer), "product_question");
          }
        }
      }
    }
    for (String order : ORDERS) {
      for (String product : PRODUCTS) {
        labels.put(String.format(order, product), "order_place");
      }
    }
    for (String destination : DESTINATIONS) {
      labels.put(destination, "order_place");
    }
    labels.put(CONFIRM, "order_place");
    return labels;
  }

  /**
   * The answer cache's replay workload ({@code src/main/resources/bench/replay-workload.jsonl},
   * one {@code {"message": ...}} per line), handed out in its order to whichever user asks next,
   * once: the run ends when it is used up, so no question is asked more often than the workload
   * says. Null when it is used up.
   */
  static Script workload(List<String> lines) {
    int n = WORKLOAD_NEXT.getAndIncrement();
    return n < lines.size() ? new Script("workload", null, List.of(lines.get(n))) : null;
  }

  static boolean workloadLeft(List<String> lines) {
    return WORKLOAD_NEXT.get() < lines.size();
  }

  private static final AtomicInteger WORKLOAD_NEXT = new AtomicInteger();

  /** The messages of a JSONL workload file, in order. */
  static List<String> readWorkload(java.nio.file.Path file) {
    try {
      List<String> messages = new ArrayList<>();
      for (String line : java.nio.file.Files.readAllLines(file)) {
        if (!line.isBlank()) {
          messages.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("message").asText());
        }
      }
      return messages;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Script replay(Random random, double tail, double[] zipf) {
    if (random.nextDouble() < tail) {
      int n = TAIL.getAndIncrement();
      String product = PRODUCTS[n % PRODUCTS.length];
      String context = TAIL_CONTEXT[(n / PRODUCTS.length) % TAIL_CONTEXT.length];
      String month = MONTHS[(n / 7) % MONTHS.length];
      int count = 1 + n / (PRODUCTS.length * TAIL_CONTEXT.length) + n % 5;
      String form = TAIL_ASK[n % TAIL_ASK.length];
      String text = switch (n % TAIL_ASK.length) {
        case 0 -> String.format(form, product, context, month, count);
        case 1 -> String.format(form, context, month, count, product);
        default -> String.format(form, context, month, product, count);
      };
      return new Script("tail", null, List.of(Character.toUpperCase(text.charAt(0)) + text.substring(1)));
    }
    double u = random.nextDouble();
    int q = 0;
    while (q < zipf.length - 1 && u > zipf[q]) {
      q++;
    }
    return new Script("head", null, List.of(pick(random, POPULAR[q])));
  }

  /** Cumulative Zipf(s) probabilities over the popular questions. */
  static double[] zipf(double s) {
    double[] c = new double[POPULAR.length];
    double sum = 0;
    for (int i = 0; i < c.length; i++) {
      sum += 1 / Math.pow(i + 1, s);
      c[i] = sum;
    }
    for (int i = 0; i < c.length; i++) {
      c[i] /= sum;
    }
    return c;
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  static List<String> all(String[][] groups) {
    List<String> out = new ArrayList<>();
    for (String[] g : groups) {
      out.addAll(List.of(g));
    }
    return out;
  }

  private Messages() {}
}
