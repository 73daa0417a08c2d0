package concierge.intent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Cheap signals read from the text itself, for what a sentence embedding blurs: whether the
 * message is a question about the rules or a request about the customer's own order, whether it
 * names an order, whether the customer is unhappy, asks for a person, only says hello, or tries
 * to change the agent's instructions. Each feature is 0 or 1.
 */
final class MessageFeatures {

  /** A message as the features read it: as written, in lower case, and without a leading "hi,". */
  record Text(String raw, String lower, String opening) {

    static Text of(String message) {
      String raw = message == null ? "" : message.strip();
      String lower = normalize(raw);
      return new Text(raw, lower, lower.replaceFirst(GREETING_OPENER, ""));
    }
  }

  private static final String GREETING_OPENER = "^((hi|hello|hey|hiya|yo|ok|okay|so|um|hmm|quick question|question"
      + "|excuse me|sorry)(\\s+there)?[,.!:;-]*\\s+)+";
  private static final Pattern ORDER_NUMBER = Pattern.compile("\\baf[- ]?\\d{5,7}\\b|#\\s?\\d{5,7}\\b");
  private static final Pattern OWN_ORDER = Pattern.compile(
      "\\b(my|mine|our)\\s+(\\w+\\s+){0,2}?(order|orders|package|packages|parcel|purchase|shipment|delivery|"
          + "stuff|backorder|tracking|box)\\b|\\b(i|we)\\s+(just\\s+)?(placed|made)\\s+(an|the|my)?\\s*order");
  private static final Pattern OWN_THING = Pattern.compile("\\b(my|mine|our)\\b");
  private static final Pattern I_HAVE_IT = Pattern.compile(
      "\\b(i|we)\\s+(just\\s+|already\\s+)?(ordered|bought|purchased|got|received|paid for)\\b|\\bi've\\s+(got|received|bought)\\b");
  private static final Pattern I_WANT = Pattern.compile(
      "\\b(i|we)\\s*(want|wanna|need|would like|'d like|d like|'ll take|will take|'ll buy|'ll order)\\b"
          + "|\\bi'd\\s+like\\b|\\bid like\\b|\\blet me\\b|\\blet's\\b");
  private static final Pattern POLITE = Pattern.compile(
      "\\b(please|pls|plz|asap|for me|right now|now please)\\b|^(can|could|would|will)\\s+(you|u)\\b");
  private static final Pattern WH_START = Pattern.compile(
      "^(how|what|whats|what's|when|whens|when's|where|wheres|where's|which|why|who|whose|hows|how's)\\b");
  private static final Pattern YES_NO_START = Pattern.compile(
      "^(can|could|do|does|did|is|are|was|were|will|would|should|may|am|have|has|if|any|u)\\b");
  private static final Pattern IMPERATIVE_START = Pattern.compile(
      "^(please\\s+|pls\\s+|plz\\s+|ok\\s+|okay\\s+|yes\\s+|hi\\s+|hey\\s+|now\\s+)?"
          + "(cancel|cancle|change|chnage|update|modify|edit|switch|swap|upgrade|add|remove|replace|return|retrun|"
          + "send|ship|exchange|buy|order|ordr|purchase|place|get|reset|delete|close|unsubscribe|track|check|"
          + "stop|void|refund|start|set up|put|take|make|give|transfer|connect|escalate)\\b");
  /** "return window for boots", "shipping cost to canada": a verb that opens a noun phrase about a rule. */
  private static final Pattern RULE_NOUN_PHRASE = Pattern.compile(
      "^(return|returns|retrun|exchange|refund|ship|shipping|order|cancel|cancellation|change|track|tracking)\s+"
          + "(window|windows|policy|policies|period|deadline|time|times|limit|rules?|fees?|costs?|options?|"
          + "eligibility|times?|price|prices|rates?|speed|process|procedure)\b");
  private static final Pattern ACTION_VERB = Pattern.compile(
      "\\b(cancel|cancle|cancelled|change|chnage|modify|switch|swap|upgrade|return|retrun|send (it |this |them )?back|"
          + "exchange|buy|purchase|order|reset|delete|refund|unsubscribe|track)\\b");
  private static final Pattern RULE_WORDS = Pattern.compile(
      "\\b(policy|policies|rule|rules|allowed|fee|fees|charge|cost|costs|free|how long|how many days|how much|"
          + "deadline|window|time limit|within|eligible|returnable|refundable|warranty|guarantee|"
          + "do you|does it|do i have to|is there|are there|what happens|in general|usually|normally|"
          + "accept|take|ship to|expire|members?|trailhead club|if)\\b");
  /** Asks for the procedure rather than an action or a status: "what now?", "what are my options". */
  private static final Pattern WHAT_TO_DO = Pattern.compile(
      "\\bwhat (now|next|then)\\b|\\bwhat (should|do|can|must) (i|we) do\\b|\\bwhat are (my|the) options\\b"
          + "|\\bwhat('s| is) the (process|procedure|next step)\\b|\\bis there a policy\\b|\\bwhat happens (if|when)\\b");
  private static final Pattern GENERIC_OBJECT = Pattern.compile(
      "\\b(an order|a order|an item|items|something|anything|things|stuff i buy|a product|products|orders|"
          + "a purchase|purchases|a package|packages|a return|returns|a refund|refunds|an exchange)\\b");
  private static final Pattern COMPLAINT = Pattern.compile(
      "\\b(annoy\\w*|ridiculous|terrible|horrible|awful|unacceptable|frustrat\\w*|disappoint\\w*|furious|angry|"
          + "upset|worst|useless|scam|fed up|sick of|never again|not happy|unhappy|dissatisfied|garbage|"
          + "rubbish|pathetic|joke|ruined|rude|incompetent|outrageous|nobody|no one|still not|still hasn't|"
          + "still haven't|again|complain\\w*|waste of|waited|waiting forever|broken|broke|damaged|"
          + "fell apart|cracked|leaks?|leaked|wrong item|third time|3 times|twice)\\b");
  private static final Pattern SHOUTING = Pattern.compile("!{2,}|\\?{3,}|\\?!|!\\?");
  private static final Pattern CAPS_WORD = Pattern.compile("\\b(?!AF\\b|UPS\\b|GPS\\b|USB\\b|UV\\b|US\\b|UK\\b|EU\\b"
      + "|REI\\b|PO\\b|DAN\\b|XL\\b|XXL\\b|XS\\b|ETA\\b|DWR\\b|ID\\b|OK\\b)[A-Z]{3,}\\b");
  private static final Pattern HUMAN = Pattern.compile(
      "\\b(human|humans|humna|person|people|agent|agents|representative|rep|operator|supervisor|manager|"
          + "somebody|someone|staff|real|live chat|live person|call back|callback|phone me|call me|"
          + "conseiller|persona|humano)\\b");
  private static final Pattern INJECTION = Pattern.compile(
      "\\b(ignore|disregard|forget|override)\\b.{0,40}\\b(instruction|instructions|rules|prompt|previous|above|"
          + "guidelines|everything)\\b|system prompt|hidden prompt|developer mode|dev mode|jailbreak|"
          + "\\byou are now\\b|\\byou're now\\b|from now on|\\bact as\\b|pretend (you|to be)|\\bdan\\b|"
          + "reveal your|your instructions|internal notes|repeat the (text|words) above|system override|"
          + "no (rules|restrictions|filters)|sudo\\b");

  private static final Map<String, Predicate<Text>> FEATURES = new LinkedHashMap<>();

  static {
    feature("order_number", t -> find(ORDER_NUMBER, t.lower()));
    feature("own_order", t -> find(OWN_ORDER, t.lower()));
    feature("own_thing", t -> find(OWN_THING, t.lower()));
    feature("i_have_it", t -> find(I_HAVE_IT, t.lower()));
    feature("i_want", MessageFeatures::wants);
    feature("polite_request", t -> find(POLITE, t.lower()));
    feature("wh_question", t -> find(WH_START, t.opening()));
    feature("yes_no_question", t -> find(YES_NO_START, t.opening()));
    feature("question_mark", t -> t.raw().endsWith("?") || t.raw().startsWith("\u00bf"));
    feature("imperative", MessageFeatures::imperative);
    feature("action_verb", t -> find(ACTION_VERB, t.lower()));
    feature("rule_words", t -> find(RULE_WORDS, t.lower()));
    feature("what_to_do", t -> find(WHAT_TO_DO, t.lower()));
    feature("generic_object", t -> find(GENERIC_OBJECT, t.lower()));
    feature("complaint", t -> find(COMPLAINT, t.lower()));
    feature("shouting", t -> find(SHOUTING, t.raw()) || CAPS_WORD.matcher(t.raw()).results().count() >= 2);
    feature("human", t -> find(HUMAN, t.lower()));
    feature("greeting_only", t -> Greetings.only(t.lower()));
    feature("injection", t -> find(INJECTION, t.lower()));
    feature("non_english", t -> Glossary.looksForeign(t.lower()));
    feature("knowledge_question", t -> question(t) && !personal(t) && !wants(t) && !imperative(t));
    feature("action_request", t -> (imperative(t) || wants(t) || find(POLITE, t.lower()))
        && (personal(t) || find(ACTION_VERB, t.lower())) && !find(WH_START, t.opening()));
  }

  static final List<String> NAMES = List.copyOf(FEATURES.keySet());

  private MessageFeatures() {
  }

  /** The feature values of a message, in the order of {@link #NAMES}. */
  static double[] of(String message) {
    Text text = Text.of(message);
    double[] values = new double[FEATURES.size()];
    int i = 0;
    for (Predicate<Text> feature : FEATURES.values()) {
      values[i++] = feature.test(text) ? 1.0 : 0.0;
    }
    return values;
  }

  static String normalize(String raw) {
    return raw.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'')
        .replaceAll("\\s+", " ").strip();
  }

  private static void feature(String name, Predicate<Text> test) {
    FEATURES.put(name, test);
  }

  private static boolean find(Pattern pattern, String text) {
    return pattern.matcher(text).find();
  }

  private static boolean wants(Text t) {
    return find(I_WANT, t.lower());
  }

  private static boolean imperative(Text t) {
    return find(IMPERATIVE_START, t.opening()) && !find(RULE_NOUN_PHRASE, t.opening());
  }

  private static boolean question(Text t) {
    return find(WH_START, t.opening()) || find(YES_NO_START, t.opening()) || t.raw().endsWith("?")
        || t.raw().startsWith("\u00bf");
  }

  /** Names the customer's own order or things: "my", an order number, "I ordered". */
  private static boolean personal(Text t) {
    return find(ORDER_NUMBER, t.lower()) || find(OWN_ORDER, t.lower()) || find(OWN_THING, t.lower())
        || find(I_HAVE_IT, t.lower());
  }
}
