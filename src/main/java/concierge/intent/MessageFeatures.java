package concierge.intent;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cheap signals read from the text itself, for what a sentence embedding blurs: whether the
 * message is a question about the rules or a request about the customer's own order, whether it
 * names an order, whether the customer is unhappy, asks for a person, only says hello, or tries
 * to change the agent's instructions. Each feature is 0 or 1 (a few are counts capped at 1).
 */
final class MessageFeatures {

  static final List<String> NAMES = List.of(
      "order_number", "own_order", "own_thing", "i_have_it", "i_want", "polite_request",
      "wh_question", "yes_no_question", "question_mark", "imperative", "action_verb", "rule_words",
      "generic_object", "complaint", "shouting", "human", "greeting_only", "injection", "non_english",
      "knowledge_question", "action_request");

  private static final Pattern ORDER_NUMBER = Pattern.compile("\\baf[- ]?\\d{5,7}\\b|#\\s?\\d{5,7}\\b");
  private static final Pattern OWN_ORDER = Pattern.compile(
      "\\b(my|mine|our)\\s+(\\w+\\s+){0,2}?(order|orders|package|packages|parcel|purchase|shipment|delivery|"
          + "stuff|backorder|refund|tracking|box)\\b|\\b(i|we)\\s+(just\\s+)?(placed|made)\\s+(an|the|my)?\\s*order");
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
  private static final Pattern ACTION_VERB = Pattern.compile(
      "\\b(cancel|cancle|cancelled|change|chnage|modify|switch|swap|upgrade|return|retrun|send (it |this |them )?back|"
          + "exchange|buy|purchase|order|reset|delete|refund|unsubscribe|track)\\b");
  private static final Pattern RULE_WORDS = Pattern.compile(
      "\\b(policy|policies|rule|rules|allowed|fee|fees|charge|cost|costs|free|how long|how many days|how much|"
          + "deadline|window|time limit|within|eligible|returnable|refundable|warranty|guarantee|"
          + "do you|does it|do i have to|is there|are there|what happens|in general|usually|normally|"
          + "accept|take|ship to|expire|members?|trailhead club|if)\\b");
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
  /** Words that make a greeting, a thanks or a goodbye (one of them must be there). */
  private static final Set<String> GREETING_WORDS = words(
      "hi hii hiii hello helo hallo hey heya heyy hiya howdy yo sup greetings morning afternoon evening"
      + " thanks thank thanku thx ty tysm tnx cheers appreciate appreciated bye goodbye cya later ciao adios"
      + " hola bonjour bonsoir salut merci gracias revoir");
  /** Words that may come with a greeting without making it a request. */
  private static final Set<String> GREETING_FILLERS = words(
      "good day night you so much very a lot many for your the help helpful again there anyone everyone how"
      + " are is it's it going one to soon take care team folks guys just wanted say and be well have nice"
      + " great perfect awesome cool ok okay got that's thats all i needed was this that sounds fine alright"
      + " kind super buenos buenas dias días tardes noches muchas muy beaucoup au bonne journée see ya you've"
      + " been all doing hope having talk friend mate everything quick answer solved");
  private static final Pattern INJECTION = Pattern.compile(
      "\\b(ignore|disregard|forget|override)\\b.{0,40}\\b(instruction|instructions|rules|prompt|previous|above|"
          + "guidelines|everything)\\b|system prompt|hidden prompt|developer mode|dev mode|jailbreak|"
          + "\\byou are now\\b|\\byou're now\\b|from now on|\\bact as\\b|pretend (you|to be)|\\bdan\\b|"
          + "reveal your|your instructions|internal notes|repeat the (text|words) above|system override|"
          + "no (rules|restrictions|filters)|sudo\\b");
  private static final Set<String> FOREIGN_WORDS = words(
      "el la los las mi mis de del que por favor es una un con para quiero puedo dónde donde cuál cual"
      + " cómo como está esta pedido hola gracias je le les mon ma mes vous est pas une des pour avec où"
      + " commande merci voudrais veux est-ce quel quels quelle sont votre ne suis très muy estoy y et au"
      + " du il elle nous qué mañana envío");

  private MessageFeatures() {
  }

  /** The feature values of a message, in the order of {@link #NAMES}. */
  static double[] of(String message) {
    String raw = message == null ? "" : message.strip();
    String text = normalize(raw);
    boolean orderNumber = ORDER_NUMBER.matcher(text).find();
    boolean ownOrder = OWN_ORDER.matcher(text).find();
    boolean ownThing = OWN_THING.matcher(text).find();
    boolean iHaveIt = I_HAVE_IT.matcher(text).find();
    boolean iWant = I_WANT.matcher(text).find();
    boolean polite = POLITE.matcher(text).find();
    String first = firstClause(text);
    boolean wh = WH_START.matcher(first).find();
    boolean yesNo = YES_NO_START.matcher(first).find();
    boolean questionMark = raw.endsWith("?") || raw.startsWith("¿");
    boolean imperative = IMPERATIVE_START.matcher(first).find();
    boolean actionVerb = ACTION_VERB.matcher(text).find();
    boolean ruleWords = RULE_WORDS.matcher(text).find();
    boolean generic = GENERIC_OBJECT.matcher(text).find();
    boolean complaint = COMPLAINT.matcher(text).find();
    boolean shouting = SHOUTING.matcher(raw).find() || CAPS_WORD.matcher(raw).results().count() >= 2;
    boolean human = HUMAN.matcher(text).find();
    boolean greetingOnly = greetingOnly(text);
    boolean injection = INJECTION.matcher(text).find();
    boolean foreign = foreign(text);
    boolean personal = orderNumber || ownOrder || ownThing || iHaveIt;
    boolean question = wh || yesNo || questionMark;
    boolean knowledgeQuestion = question && !personal && !iWant && !imperative;
    boolean actionRequest = (imperative || iWant || polite) && (personal || actionVerb) && !wh;
    return new double[] {
        bit(orderNumber), bit(ownOrder), bit(ownThing), bit(iHaveIt), bit(iWant), bit(polite),
        bit(wh), bit(yesNo), bit(questionMark), bit(imperative), bit(actionVerb), bit(ruleWords),
        bit(generic), bit(complaint), bit(shouting), bit(human), bit(greetingOnly), bit(injection), bit(foreign),
        bit(knowledgeQuestion), bit(actionRequest)};
  }

  static String normalize(String raw) {
    return raw.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'')
        .replaceAll("\\s+", " ").strip();
  }

  /** The message without a leading greeting ("hi, how do I..."), where the question form shows. */
  private static String firstClause(String text) {
    return text.replaceFirst("^((hi|hello|hey|hiya|yo|ok|okay|so|um|hmm|quick question|question|excuse me|sorry)"
        + "(\\s+there)?[,.!:;-]*\\s+)+", "");
  }

  private static boolean greetingOnly(String text) {
    String[] words = text.replaceAll("[^\\p{L}\\p{N}' -]", " ").strip().split("\\s+");
    if (words.length == 0 || words[0].isEmpty()) {
      return false;
    }
    boolean greeting = false;
    for (String word : words) {
      if (GREETING_WORDS.contains(word)) {
        greeting = true;
      } else if (!GREETING_FILLERS.contains(word)) {
        return false;
      }
    }
    return greeting;
  }

  private static boolean foreign(String text) {
    if (text.indexOf('¿') >= 0 || text.indexOf('ñ') >= 0 || text.indexOf('ç') >= 0) {
      return true;
    }
    int hits = 0;
    for (String word : text.split("[^\\p{L}'-]+")) {
      if (FOREIGN_WORDS.contains(word)) {
        hits++;
      }
    }
    return hits >= 2;
  }

  private static Set<String> words(String spaced) {
    return Set.copyOf(List.of(spaced.split(" ")));
  }

  private static double bit(boolean value) {
    return value ? 1.0 : 0.0;
  }
}
