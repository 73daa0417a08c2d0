package concierge.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static concierge.cache.Meaning.Family.ENTITY;

/**
 * Numbers in all their forms: order numbers, amounts, percentages, times of day, dates, days of
 * the week, and any other number with its unit ("30 days", "20 units"). Two questions with
 * different numbers are different questions even when the policy answers both the same way:
 * "$60" and "$90" fall on either side of the $75 free-shipping line.
 */
final class QuantityTerms {

  private static final Pattern TRAILING_ZEROS = Pattern.compile("\\.?0+$");

  private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
      Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"),
      Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"),
      Map.entry("ten", "10"), Map.entry("eleven", "11"), Map.entry("twelve", "12"), Map.entry("fifteen", "15"),
      Map.entry("twenty", "20"), Map.entry("thirty", "30"), Map.entry("forty", "40"), Map.entry("fifty", "50"),
      Map.entry("sixty", "60"), Map.entry("ninety", "90"), Map.entry("hundred", "100"), Map.entry("a dozen", "12"));
  private static final Map<String, String> MONTHS = Map.ofEntries(
      Map.entry("jan", "1"), Map.entry("feb", "2"), Map.entry("mar", "3"), Map.entry("apr", "4"), Map.entry("may", "5"),
      Map.entry("jun", "6"), Map.entry("jul", "7"), Map.entry("aug", "8"), Map.entry("sep", "9"), Map.entry("oct", "10"),
      Map.entry("nov", "11"), Map.entry("dec", "12"));
  private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
      + "|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
  private static final String LONG_MONTH = "(january|february|april|june|july|august|september|october|november|december)";
  private static final Map<String, String> UNITS = Map.ofEntries(
      Map.entry("day", "day"), Map.entry("business day", "day"), Map.entry("hour", "hour"), Map.entry("hr", "hour"),
      Map.entry("minute", "minute"), Map.entry("min", "minute"), Map.entry("week", "week"), Map.entry("month", "month"),
      Map.entry("year", "year"), Map.entry("lb", "lb"), Map.entry("pound", "lb"), Map.entry("oz", "oz"),
      Map.entry("ounce", "oz"), Map.entry("l", "liter"), Map.entry("liter", "liter"), Map.entry("litre", "liter"),
      Map.entry("quart", "quart"), Map.entry("inch", "inch"), Map.entry("in", "inch"), Map.entry("cm", "cm"),
      Map.entry("unit", "unit"), Map.entry("item", "unit"), Map.entry("person", "person"), Map.entry("people", "person"),
      Map.entry("point", "point"), Map.entry("mile", "mile"), Map.entry("gallon", "gallon"), Map.entry("lumen", "lumen"));

  private QuantityTerms() {
  }

  /** Number words become digits before anything else reads the text. */
  static Term numberWords() {
    return Term.rewrite("(" + String.join("|", NUMBER_WORDS.keySet()) + ")", match -> NUMBER_WORDS.get(match.group(1)));
  }

  /** Order numbers: personal, and never the same question as another order's. */
  static Term orderNumbers() {
    return Term.of(ENTITY, "(?:[a-z]{2}-?)?(\\d{6,})|order (?:number |no |#)?(\\d{4,})",
        match -> "order:" + (match.group(1) != null ? match.group(1) : match.group(2)));
  }

  static List<Term> terms() {
    List<Term> terms = new ArrayList<>();
    terms.add(Term.raw(ENTITY, "\\$ ?(\\d[\\d,]*(?:\\.\\d+)?)|(?<![\\p{L}\\p{N}])(\\d[\\d,]*(?:\\.\\d+)?) ?(?:dollars|bucks|usd)\\b",
        match -> "amount:" + number(match.group(1) != null ? match.group(1) : match.group(2))));
    terms.add(Term.raw(ENTITY, "(?<![\\p{L}\\p{N}])(\\d+(?:\\.\\d+)?) ?(?:%|percent\\b|pct\\b)",
        match -> "percent:" + number(match.group(1))));
    terms.add(Term.of(ENTITY, "(\\d{1,2})(?::(\\d{2}))? ?(am|pm|a m|p m)", QuantityTerms::time));
    terms.add(Term.of(ENTITY, "time:12:00", "noon|midday|12 noon"));
    terms.add(Term.of(ENTITY, "time:0:00", "midnight"));
    terms.add(Term.of(ENTITY, MONTH + " (\\d{1,2})(?:st|nd|rd|th)?",
        match -> "date:" + month(match.group(1)) + "-" + match.group(2)));
    terms.add(Term.of(ENTITY, "(\\d{1,2})(?:st|nd|rd|th)? (?:of )?" + MONTH,
        match -> "date:" + month(match.group(2)) + "-" + match.group(1)));
    terms.add(Term.of(ENTITY, "(\\d{1,2})/(\\d{1,2})(?:/\\d{2,4})?", match -> "date:" + match.group(1) + "-" + match.group(2)));
    terms.add(Term.of(ENTITY, LONG_MONTH, match -> "month:" + month(match.group(1))));
    terms.add(Term.of(ENTITY, "date:12-25", "christmas(?: day)?|xmas"));
    terms.add(Term.of(ENTITY, "date:holidays", "holidays?(?: season)?"));
    terms.add(Term.of(ENTITY, "date:black-friday", "black friday|cyber monday"));
    terms.add(Term.of(ENTITY, "day:weekday", "weekdays?"));
    terms.add(Term.of(ENTITY, "day:weekend", "weekends?"));
    terms.add(Term.of(ENTITY, "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?", match -> "day:" + match.group(1)));
    return terms;
  }

  /** Any number left, with the unit that follows it. */
  static Term numbers() {
    return Term.of(ENTITY, "(\\d+(?:[.,]\\d+)*(?:-\\d+(?:[.,]\\d+)*)?)(?: ?(business day|day|hour|hr|minute|min|week|month|year|lb|pound|oz|ounce"
        + "|l|liter|litre|quart|inch|in|cm|unit|item|person|people|point|mile|gallon|lumen)(?:e?s)?)?",
        match -> "number:" + number(match.group(1)) + (match.group(2) == null ? "" : ":" + UNITS.get(match.group(2))));
  }

  private static String number(String digits) {
    String plain = digits.replace(",", "");
    if (plain.contains(".")) {
      plain = TRAILING_ZEROS.matcher(plain).replaceAll("");
    }
    return plain.isEmpty() ? "0" : plain;
  }

  private static String time(java.util.regex.MatchResult match) {
    int hour = Integer.parseInt(match.group(1)) % 12;
    if (match.group(3).startsWith("p")) {
      hour += 12;
    }
    return "time:" + hour + ":" + (match.group(2) == null ? "00" : match.group(2));
  }

  private static String month(String name) {
    return MONTHS.get(name.substring(0, 3));
  }
}
