package concierge.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one sentence of an answer before it is sent. Every figure it states (price, duration,
 * quantity, percentage, phone number) must appear in what grounds the turn (the retrieved
 * chunks, the customer's own order data) or in the store's knowledge; every order number,
 * tracking number and email must belong to the grounding (so another customer's data cannot
 * pass); it must not quote the system prompt, must not read as instructions to an assistant (an
 * injection in a message or a knowledge document, echoed), and must not make a claim the policies never make.
 * Pure and fast: a few regex scans per sentence.
 */
public final class AnswerValidator {

  private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?");
  private static final Pattern PHONE = Pattern.compile("\\b1-\\d{3}-\\d{3}-\\d{4}\\b");
  private static final Pattern ORDER_ID = Pattern.compile("(?i)\\bAF-?\\d{6}\\b");
  private static final Pattern TRACKING = Pattern.compile("\\b1Z[0-9A-Z]{16}\\b");
  /** Starts only where a run of address characters starts, and never gives them back: linear on any text. */
  private static final Pattern EMAIL = Pattern.compile("(?<![\\w.+-])[\\w.+-]++@[\\w-]++(\\.[\\w-]++)+");
  /** Longer than any sentence an answer has; checking more would only cost time on hostile text. */
  private static final int MAX_SENTENCE_CHARS = 2000;
  private static final int SHINGLE = 6;
  private static final Pattern NOT_SHINGLE_TEXT = Pattern.compile("[^a-z0-9 ]");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  /**
   * Text that speaks to an assistant rather than to a customer: a knowledge document or a message
   * carrying an injected instruction, echoed. Never part of an answer, whatever grounds it.
   */
  private static final Pattern INSTRUCTION_TEXT = Pattern.compile("(?i)"
      + "\\b(ignore|disregard|forget|override|bypass)\\b[^.!?\\n]{0,40}\\b(instructions?|rules|prompts?|guidelines|polic(y|ies))\\b"
      + "|\\b(system|hidden|initial|original) (prompt|instructions?|message)\\b"
      + "|\\b(admin|developer|debug|god|jailbreak|dan) mode\\b"
      + "|\\byou are (now|no longer)\\b|\\bfrom now on,? you\\b|\\bnew instructions?\\b"
      + "|<\\|?(system|im_start|im_end)\\|?>|\\[/?(system|inst)\\]");

  private final Set<String> storeNumbers;
  private final List<Pattern> forbiddenClaims;
  private final Set<String> promptShingles;

  public AnswerValidator(String storeKnowledge, Collection<String> forbiddenClaims, String systemPrompt) {
    this.storeNumbers = numbers(storeKnowledge);
    this.forbiddenClaims = forbiddenClaims.stream().map(Pattern::compile).toList();
    this.promptShingles = shingles(systemPrompt);
  }

  public Verdict check(String sentence, Collection<String> grounding) {
    if (sentence.length() > MAX_SENTENCE_CHARS) {
      return Verdict.reject("sentence too long");
    }
    if (INSTRUCTION_TEXT.matcher(sentence).find()) {
      return Verdict.reject("instruction text");
    }
    for (Pattern claim : forbiddenClaims) {
      if (claim.matcher(sentence).find()) {
        return Verdict.reject("forbidden claim");
      }
    }
    String joined = String.join("\n", grounding);
    Verdict identifiers = identifiers(sentence, joined);
    if (!identifiers.ok()) {
      return identifiers;
    }
    String withoutIds = EMAIL.matcher(TRACKING.matcher(ORDER_ID.matcher(PHONE.matcher(sentence).replaceAll(" "))
        .replaceAll(" ")).replaceAll(" ")).replaceAll(" ");
    Set<String> grounded = null; // the grounding's figures, read only for a figure the store does not state
    for (String number : numberList(withoutIds)) {
      if (storeNumbers.contains(number)) {
        continue;
      }
      if (grounded == null) {
        grounded = new HashSet<>(numberList(joined));
      }
      if (!grounded.contains(number)) {
        return Verdict.reject("ungrounded figure " + number);
      }
    }
    if (quotesPrompt(sentence)) {
      return Verdict.reject("system prompt");
    }
    return Verdict.OK;
  }

  private Verdict identifiers(String sentence, String grounding) {
    String groundingUpper = null;
    Matcher order = ORDER_ID.matcher(sentence);
    while (order.find()) {
      if (groundingUpper == null) {
        groundingUpper = grounding.toUpperCase(Locale.ROOT).replace("AF-", "AF");
      }
      if (!groundingUpper.contains(order.group().toUpperCase(Locale.ROOT).replace("AF-", "AF"))) {
        return Verdict.reject("order number not the customer's");
      }
    }
    Matcher tracking = TRACKING.matcher(sentence);
    while (tracking.find()) {
      if (!grounding.contains(tracking.group())) {
        return Verdict.reject("tracking number not the customer's");
      }
    }
    Matcher email = EMAIL.matcher(sentence);
    while (email.find()) {
      String address = withoutTrailingDots(email.group());
      if (!grounding.toLowerCase(Locale.ROOT).contains(address.toLowerCase(Locale.ROOT))
          && !storeNumbers.contains("email:" + address.toLowerCase(Locale.ROOT))) {
        return Verdict.reject("email not grounded");
      }
    }
    Matcher phone = PHONE.matcher(sentence);
    while (phone.find()) {
      if (!grounding.contains(phone.group()) && !storeNumbers.contains("phone:" + phone.group())) {
        return Verdict.reject("phone number not grounded");
      }
    }
    return Verdict.OK;
  }

  private boolean quotesPrompt(String sentence) {
    if (promptShingles.isEmpty()) {
      return false;
    }
    for (String shingle : shingles(sentence)) {
      if (promptShingles.contains(shingle)) {
        return true;
      }
    }
    return false;
  }

  static Set<String> numbers(String text) {
    Set<String> numbers = new HashSet<>(numberList(text));
    Matcher email = EMAIL.matcher(text);
    while (email.find()) {
      numbers.add("email:" + withoutTrailingDots(email.group()).toLowerCase(Locale.ROOT));
    }
    Matcher phone = PHONE.matcher(text);
    while (phone.find()) {
      numbers.add("phone:" + phone.group());
    }
    return numbers;
  }

  private static List<String> numberList(String text) {
    List<String> numbers = new ArrayList<>();
    Matcher matcher = NUMBER.matcher(text);
    while (matcher.find()) {
      String raw = matcher.group().replace(",", "");
      numbers.add(canonical(raw));
    }
    return numbers;
  }

  /** "75", "75.00" and "75.0" are the same figure. */
  private static String canonical(String number) {
    if (number.indexOf('.') < 0) {
      return number;
    }
    int end = number.length();
    while (end > 0 && number.charAt(end - 1) == '0') {
      end--;
    }
    if (end > 0 && number.charAt(end - 1) == '.') {
      end--;
    }
    return end == 0 ? "0" : number.substring(0, end);
  }

  private static String withoutTrailingDots(String text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '.') {
      end--;
    }
    return text.substring(0, end);
  }

  private static Set<String> shingles(String text) {
    Set<String> shingles = new HashSet<>();
    if (text == null || text.isBlank()) {
      return shingles;
    }
    String[] words = SPACES.split(NOT_SHINGLE_TEXT.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim());
    for (int i = 0; i + SHINGLE <= words.length; i++) {
      shingles.add(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + SHINGLE)));
    }
    return shingles;
  }
}
