package concierge.cache;

import java.util.List;
import java.util.Map;

import static concierge.cache.Meaning.Family.COMPARISON;
import static concierge.cache.Meaning.Family.NEGATION;
import static concierge.cache.Meaning.Family.TOPIC;
import static concierge.cache.Term.SEP;

/**
 * The small words that turn a question into its opposite or its neighbour: negations (with
 * what they negate: "can't" is not "unused"), comparisons, and the topics that split one policy
 * into several answers (refund or store credit, damaged or lost, return shipping or original
 * shipping, final sale or used...). What a question asks about is in {@link AspectTerms}.
 */
final class ContrastTerms {

  private static final Map<String, String> AUXILIARIES = Map.ofEntries(
      Map.entry("is", "be"), Map.entry("are", "be"), Map.entry("was", "be"), Map.entry("were", "be"),
      Map.entry("be", "be"), Map.entry("am", "be"), Map.entry("been", "be"), Map.entry("aint", "be"),
      Map.entry("isnt", "be"), Map.entry("arent", "be"), Map.entry("wasnt", "be"), Map.entry("werent", "be"),
      Map.entry("do", "do"), Map.entry("does", "do"), Map.entry("did", "do"), Map.entry("dont", "do"),
      Map.entry("doesnt", "do"), Map.entry("didnt", "do"), Map.entry("have", "have"), Map.entry("has", "have"),
      Map.entry("had", "have"), Map.entry("havent", "have"), Map.entry("hasnt", "have"), Map.entry("hadnt", "have"),
      Map.entry("can", "can"), Map.entry("could", "can"), Map.entry("cant", "can"), Map.entry("couldnt", "can"),
      Map.entry("will", "will"), Map.entry("would", "will"), Map.entry("wont", "will"), Map.entry("wouldnt", "will"),
      Map.entry("should", "should"), Map.entry("shouldnt", "should"), Map.entry("must", "must"),
      Map.entry("mustnt", "must"), Map.entry("need", "need"), Map.entry("neednt", "need"));

  private ContrastTerms() {
  }

  /** Phrases whose small words do not mean what they usually do; applied first. */
  static List<Term> rewrites() {
    return List.of(
        Term.rewrite("whether or not|or not|yes or no|not sure|no worries|no problem|no thanks", " "),
        // "how many minutes before the link expires" asks how long until, it compares nothing
        Term.rewrite("how (?:long|soon|many (?:minutes|hours|days|weeks|months|years))(?: [\\p{L}\\p{N} -]{0,40}?)? before",
            match -> match.group().replaceFirst("before$", "until")),
        Term.rawRewrite("(?<=\\d)\\+", match -> " or more"));
  }

  static List<Term> topics() {
    return List.of(
        Term.of(TOPIC, "shipping:return", "return shipping|return labels?|prepaid labels?|return postage"
            + "|ship (?:\\w+ ){0,2}back"),
        Term.of(TOPIC, "shipping:original", "original shipping(?: costs?| charges?| fees?)?|shipping (?:costs?|charges?|fees?) back"),
        Term.of(TOPIC, "outcome:store-credit", "store credit|credit"),
        Term.of(TOPIC, "outcome:refund", "refund(?:s|ed|ing|able)?|money back|reimburse\\w*"),
        Term.of(TOPIC, "outcome:exchange", "exchang(?:e|es|ed|ing)|swap(?:s|ped|ping)?"),
        Term.of(TOPIC, "outcome:replacement", "replac(?:e|ed|es|ing|ement|ements)"),
        Term.of(TOPIC, "outcome:repair", "repair(?:s|ed|ing)?|fix(?:ed|ing)?"),
        Term.of(TOPIC, "outcome:trade-in", "trade" + SEP + "ins?|second trail"),
        Term.of(TOPIC, "problem:lost", "lost|missing|stolen|never (?:arrived|came|showed up)"
            + "|(?:didnt|hasnt|has not|did not|havent|have not) (?:arrived|come|shown up|received|gotten|got)"),
        Term.of(TOPIC, "problem:damaged", "damaged?|broken|broke|crushed|cracked|smashed|dented|torn|ripped"),
        Term.of(TOPIC, "problem:defect", "defective|defects?|faulty|manufacturing (?:defect|fault|issue)s?"
            + "|stopped working|(?:doesnt|does not|dont|do not|isnt|is not) work(?:ing)?|not working"),
        Term.of(TOPIC, "problem:wrong-item", "wrong (?:item|product|size|color|colour|order)|not what i ordered"
            + "|(?:your|our) (?:mistake|error|fault)"),
        Term.of(TOPIC, "condition:final-sale", "final" + SEP + "sale"),
        Term.of(TOPIC, "condition:clearance", "clearance"),
        Term.of(TOPIC, "price:adjustment", "price adjust\\w*|adjust\\w* (?:the |my )?price|price (?:drops?|protection)"
            + "|drops? in price|goes? on sale|refund (?:of )?the difference"),
        Term.of(TOPIC, "price:match", "price" + SEP + "match\\w*|match (?:a |the |their |your )?(?:lower |competitors? )?prices?"),
        Term.of(TOPIC, "condition:engraved", "engrav(?:ed|ing)|personali[sz](?:ed|ation)"),
        Term.of(TOPIC, "condition:used", "used|worn|wore|opened|washed"),
        Term.of(TOPIC, "worn:outdoors", "outdoors|outside|on (?:a|the) (?:hike|trail|trip)"),
        Term.of(TOPIC, "worn:indoors", "indoors|inside|at home|around the house|tried (?:it |them )?on"),
        Term.of(TOPIC, "order:backordered", "back" + SEP + "order(?:ed|s)?"),
        Term.of(TOPIC, "order:shipped", "shipped|in transit"),
        Term.of(TOPIC, "order:placed", "already (?:placed|ordered|paid|bought)|(?:existing|placed|past|previous) orders?"),
        Term.of(TOPIC, "duties", "duties|duty|customs|import (?:taxes|fees|charges)|vat"),
        Term.of(TOPIC, "contact:phone", "phone(?: number)?|call|calling|telephone"),
        Term.of(TOPIC, "contact:email", "e" + SEP + "mails?|emailed|emailing"),
        Term.of(TOPIC, "contact:chat", "live chat|chat"));
  }

  static List<Term> comparisons() {
    return List.of(
        Term.of(COMPARISON, "cmp:same", "same (?:as|price|cost|rate)|compared? (?:to|with)|versus|vs|difference between"
            + "|differ(?:s|ent)? from"),
        Term.of(COMPARISON, "cmp:expensive", "most expensive|more expensive|priciest|pricier|highest priced?|expensive"),
        Term.of(COMPARISON, "cmp:cheap", "cheapest|cheaper|least expensive|less expensive|lowest priced?"
            + "|most affordable|affordable|inexpensive|cheap|budget"),
        Term.of(COMPARISON, "cmp:light", "lightest|lighter|lightweight|ultra" + SEP + "light"),
        Term.of(COMPARISON, "cmp:heavy", "heaviest|heavier"),
        Term.of(COMPARISON, "cmp:warm", "warmest|warmer"),
        Term.of(COMPARISON, "cmp:cold", "coldest|colder"),
        Term.of(COMPARISON, "cmp:bright", "brightest|brighter"),
        Term.of(COMPARISON, "cmp:big", "biggest|bigger|largest|larger"),
        Term.of(COMPARISON, "cmp:small", "smallest|smaller|tiniest|most compact"),
        Term.of(COMPARISON, "cmp:long", "longest|longer"),
        Term.of(COMPARISON, "cmp:short", "shortest|shorter"),
        Term.of(COMPARISON, "cmp:fast", "fastest|faster|quickest|quicker|soonest|sooner"),
        Term.of(COMPARISON, "cmp:slow", "slowest|slower"),
        Term.of(COMPARISON, "cmp:best", "best|top rated|highest rated"),
        Term.of(COMPARISON, "cmp:worst", "worst"),
        Term.of(COMPARISON, "cmp:more", "more(?: than)?|greater than|at least|or more|exceed(?:s|ing)?|above"
            + "|over(?= \\$?\\d)"),
        Term.of(COMPARISON, "cmp:less", "less(?: than)?|fewer(?: than)?|at most|or less|below|under(?= \\$?\\d)"),
        Term.of(COMPARISON, "cmp:most", "most"),
        Term.of(COMPARISON, "cmp:least", "least|fewest"),
        Term.of(COMPARISON, "cmp:before", "before|prior to|earlier than|within"),
        Term.of(COMPARISON, "cmp:after", "after|later than|beyond|past(?= the| \\d)"),
        Term.of(COMPARISON, "cmp:first", "first(?:-(?:order|purchase))?|earliest"),
        Term.of(COMPARISON, "cmp:last", "last (?:day|days|date|time|order|week|month|year|chance|minute)|latest"));
  }

  /** Each negation with what it negates: the auxiliary it belongs to, or the word it prefixes. */
  static List<Term> negations() {
    return List.of(
        Term.of(NEGATION, "not:available", "out of stock|sold out|unavailable|no longer available"),
        Term.of(NEGATION, "not:can", "cannot"),
        Term.of(NEGATION, "(" + String.join("|", AUXILIARIES.keySet().stream().filter(w -> w.endsWith("nt")).toList()) + ")",
            match -> "not:" + AUXILIARIES.get(match.group(1))),
        Term.of(NEGATION, "(?<=(?:^|\\s)(\\p{L}{1,15}) )not|not",
            match -> "not:" + AUXILIARIES.getOrDefault(match.group(1) == null ? "" : match.group(1), "not")),
        Term.of(NEGATION, "not:never", "never"),
        Term.of(NEGATION, "not:no", "no|none|nothing|neither|nor|no longer"),
        Term.of(NEGATION, "not:without", "without"),
        Term.of(NEGATION, "not:except", "except|excluding|other than"),
        Term.of(NEGATION, "non" + SEP + "(\\p{L}+)", match -> "not:" + match.group(1)),
        Term.of(NEGATION, "un(opened|used|worn|washed|tagged|damaged|returnable|eligible|paid|shipped|delivered|sealed"
            + "|boxed|packaged|activated|registered|assembled|tested)", match -> "not:" + match.group(1)));
  }
}
