package concierge.cache;

import java.util.List;

import static concierge.cache.Meaning.Family.ASPECT;
import static concierge.cache.Meaning.Family.KIND;
import static concierge.cache.Term.SEP;

/**
 * What a question asks: the kind of answer (how long, how much, how to) and the property or
 * subject (weight, sizing, warranty, points...). A question that names none of them is a general
 * one ("do you ship to canada") whose answer covers the particular ones ("how long does shipping
 * to canada take"); otherwise one question must ask everything the other asks.
 */
final class AspectTerms {

  private AspectTerms() {
  }

  static List<Term> terms() {
    return List.of(
        // "how long are the carbon poles": the product is already read, nothing follows
        Term.raw(ASPECT, "\\bhow (?:long|tall) (?:are|is) (?:the |your |these |those )?\\s*$", match -> "aspect:sizes"),
        Term.of(ASPECT, "aspect:freestanding", "free" + SEP + "standing|self" + SEP + "standing"),
        Term.of(KIND, "kind:duration", "how long|how many (?:business )?(?:days|hours|minutes|weeks|months|years)"
            + "|how (?:fast|soon|quickly)|time limit|time frame|timeframe|deadline|window|until"),
        Term.of(KIND, "kind:procedure", "how (?:do|can|would|should) (?:i|we|you)|how to|steps?|process|procedure"
            + "|what do i do|what should i do"),
        Term.of(ASPECT, "aspect:capacity", "how much weight|weight (?:limit|capacity|rating)|max(?:imum)? (?:weight|load)"
            + "|capacity|holds?|carr(?:y|ies)|loads?"),
        Term.of(ASPECT, "aspect:weight", "how heavy|weigh(?:s|t|ts)?|ounces?|oz|pounds?|lbs?|grams?"),
        Term.of(ASPECT, "aspect:free-shipping", "free (?:standard |expedited )?(?:shipping|delivery)"
            + "|ship(?:s|ping)? (?:for )?free|threshold|minimum (?:order|spend|purchase)|spend"),
        Term.of(KIND, "kind:price", "how much (?:is|are|was|will|would)|how much for|how much(?= *$)|costs?|price[sd]?|pricing|fees?|charge[sd]?"
            + "|pay|paid|free"),
        Term.of(ASPECT, "aspect:discount", "discounts?|\\d+ ?% off|percent off|promo(?: codes?)?|coupons?|codes?|deals?"),
        Term.of(ASPECT, "aspect:bonus", "bonus"),
        Term.of(ASPECT, "aspect:early-access", "early access"),
        Term.of(ASPECT, "aspect:earn-points", "earn(?:s|ed|ing)?|per dollar|for every dollar"),
        Term.of(ASPECT, "aspect:redeem-points", "redeem\\w*|cash in|(?:need|get) for a reward"),
        Term.of(ASPECT, "aspect:points", "points?|rewards?"),
        Term.of(ASPECT, "aspect:join", "join(?:ing)?|sign(?:ing)? up|enroll\\w*|become a member"),
        Term.of(ASPECT, "aspect:unsubscribe", "unsubscrib\\w*|opt" + SEP + "out|stop (?:getting|receiving)"),
        Term.of(ASPECT, "aspect:password", "password|log" + SEP + "in|sign" + SEP + "in"),
        Term.of(ASPECT, "aspect:delete-account", "delet\\w*|close (?:my |your |the )?account|deactivat\\w*|erase"),
        Term.of(ASPECT, "aspect:personal-data", "personal (?:data|information|info)|my data"),
        Term.of(ASPECT, "aspect:expiry", "expir(?:e|es|ed|ation|y)|valid|lose"),
        Term.of(ASPECT, "aspect:return", "return(?:s|ed|ing|able)?|send (?:\\w+ ){0,2}back"),
        Term.of(ASPECT, "aspect:cancel", "cancel\\w*"),
        Term.of(ASPECT, "aspect:fit", "fits?|fitting|sizing|true to size|runs? (?:small|large|big|narrow|wide)"
            + "|size (?:up|down)"),
        Term.of(ASPECT, "aspect:sizes", "sizes?|sized|dimensions?|how big|length|width|torso"),
        Term.of(ASPECT, "aspect:occupancy", "sleeps?|how many (?:people|persons?)|\\d+" + SEP + "(?:person|people)"),
        Term.of(ASPECT, "aspect:color", "colou?rs?"),
        Term.of(ASPECT, "aspect:hours", "hours|open|opening|closed"),
        Term.of(ASPECT, "aspect:shipping", "ship(?:s|ping)?|deliver(?:y|s|ed|ing)?"),
        Term.of(ASPECT, "aspect:volume", "liters?|litres?|quarts?|volume"),
        Term.of(ASPECT, "aspect:material", "made (?:of|from|with)|materials?|fabric"),
        Term.of(ASPECT, "aspect:destination", "go(?:es)? back to|goes? to|where (?:does|do|will|is)"),
        Term.of(ASPECT, "aspect:compatible", "compatible|works? with|uses?"),
        Term.of(ASPECT, "aspect:included", "come with|comes with|included|includes?|in the box"
            + "|what (?:is|s|comes) in(?! stock)"),
        Term.of(ASPECT, "aspect:drop", "(?:heel(?:" + SEP + "to" + SEP + "toe)? )?drop"),
        Term.of(ASPECT, "aspect:amounts", "amounts?|denominations?"),
        Term.of(ASPECT, "aspect:brightness", "lumens|bright(?:ness)?"),
        Term.of(ASPECT, "aspect:battery", "batter(?:y|ies)|run ?time|recharg\\w*|charging|usb(?:-c)?|on high|on low"),
        Term.of(ASPECT, "aspect:rain-cover", "rain ?covers?"),
        Term.of(ASPECT, "aspect:waterproof", "water" + SEP + "proof(?:ing)?|keeps? (?:me|you|it|things|gear) dry"
            + "|rain" + SEP + "proof|rain"),
        Term.of(ASPECT, "aspect:water-resistant", "water" + SEP + "resist(?:ant|ance)|dwr|splash(?: resistant| proof)?"),
        Term.of(ASPECT, "aspect:temperature", "temperatures?|temp|degrees?|rated|rating|comfort|warm|cold|winter"
            + "|freezing|insulat\\w*|r" + SEP + "value"),
        Term.of(ASPECT, "aspect:warranty", "warrant(?:y|ies)|guarantee[sd]?|covered|coverage"),
        Term.of(ASPECT, "aspect:stock", "in stock|stock|available|availability|restock(?:ed)?"),
        Term.of(ASPECT, "aspect:bear", "bear" + SEP + "(?:resistant|proof|safe)|bears?"),
        Term.of(ASPECT, "aspect:ice", "ice"));
  }
}
