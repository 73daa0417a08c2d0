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
 *
 * <p>While a sentence is still being written, {@link Showing#showable} says how much of it may already be
 * shown: everything up to a figure or identifier that is still growing (a figure is checked
 * whole, never shown in part; an e-mail address is held from its "@"), provided that what it
 * shows passes the same checks. The whole sentence is still checked when it ends.
 */
public final class AnswerValidator {

  private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?");
  private static final Pattern PHONE = Pattern.compile("\\b1-\\d{3}-\\d{3}-\\d{4}\\b");
  private static final Pattern ORDER_ID = Pattern.compile("(?i)\\bAF-?\\d{6}\\b");
  private static final Pattern TRACKING = Pattern.compile("\\b1Z[0-9A-Z]{16}\\b");
  /** Starts only where a run of address characters starts, and never gives them back: linear on any text. */
  private static final Pattern EMAIL = Pattern.compile("(?<![\\w.+-])[\\w.+-]++@[\\w-]++(\\.[\\w-]++)+");
  /** Figures and identifiers: each is checked whole, so none is shown while it may still grow. */
  private static final List<Pattern> FACTS = List.of(NUMBER, PHONE, ORDER_ID, TRACKING);
  /** Longer than any sentence an answer has; checking more would only cost time on hostile text. */
  private static final int MAX_SENTENCE_CHARS = 2000;
  private static final int SHINGLE = 6;
  private static final Pattern NOT_SHINGLE_TEXT = Pattern.compile("[^a-z0-9 ]");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  /**
   * Text that speaks to an assistant rather than to a customer: a knowledge document or a message
   * carrying an injected instruction, echoed. Never part of an answer, whatever grounds it.
   */
  private static final String INSTRUCTION_WORDS = "(?i)\\b(?:"
      + "(ignore|disregard|forget|override|bypass)\\b[^.!?\\n]{0,40}\\b(instructions?|rules|prompts?|guidelines|polic(y|ies))\\b"
      + "|(system|hidden|initial|original) (prompt|instructions?|message)\\b"
      + "|(admin|developer|debug|god|jailbreak|dan) mode\\b"
      + "|you are (now|no longer)\\b|from now on,? you\\b|new instructions?\\b)";
  private static final String INSTRUCTION_MARKUP = "(?i)<\\|?(system|im_start|im_end)\\|?>|\\[/?(system|inst)\\]";
  private static final Pattern INSTRUCTION_TEXT = Pattern.compile(INSTRUCTION_WORDS + "|" + INSTRUCTION_MARKUP);
  /** The same, as two patterns: the first can only start at a word boundary, which makes it cheap to try piece by piece. */
  private static final List<Pattern> INSTRUCTION_PARTS = List.of(Pattern.compile(INSTRUCTION_WORDS),
      Pattern.compile(INSTRUCTION_MARKUP));

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
    Verdict facts = facts(sentence, grounding);
    if (!facts.ok()) {
      return facts;
    }
    if (quotesPrompt(sentence)) {
      return Verdict.reject("system prompt");
    }
    return Verdict.OK;
  }

  /** The figures and identifiers of a text: each in the grounding or (figures, contacts) in the store's knowledge. */
  private Verdict facts(String text, Collection<String> grounding) {
    String joined = grounding.size() == 1 ? grounding.iterator().next() : String.join("\n", grounding);
    Verdict identifiers = identifiers(text, joined);
    if (!identifiers.ok()) {
      return identifiers;
    }
    String withoutIds = EMAIL.matcher(TRACKING.matcher(ORDER_ID.matcher(PHONE.matcher(text).replaceAll(" "))
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
    return Verdict.OK;
  }

  /** Checks one sentence while it is being written; a new one for each sentence. */
  public Showing showing(Collection<String> grounding) {
    return new Showing(grounding);
  }

  /**
   * The checks of one sentence being written, kept from one piece to the next so that each piece
   * costs about its own length: a phrase (instruction text, forbidden claim) is tried only from
   * the positions where a match could still start, the prompt's six-word runs only at new words,
   * figures and identifiers only in the new words.
   */
  public final class Showing {

    private final Collection<String> grounding;
    private final List<Matcher> phrases = new ArrayList<>();
    /** Per phrase: whether a match can only start at a word boundary (the pattern begins with one). */
    private final List<Boolean> boundaryLed = new ArrayList<>();
    /** Per phrase: the start positions whose last try read to the end of the text (more text may match). */
    private final List<List<Integer>> open = new ArrayList<>();
    /** Every start position before it was tried against every phrase. */
    private int tried;
    /** The sentence's complete words so far, as the prompt check sees words. */
    private final List<String> words = new ArrayList<>();
    /** Where the first word not yet in {@link #words} starts. */
    private int wordsEnd;

    private Showing(Collection<String> grounding) {
      this.grounding = grounding;
      List<Pattern> patterns = new ArrayList<>(INSTRUCTION_PARTS);
      patterns.addAll(forbiddenClaims);
      for (Pattern phrase : patterns) {
        phrases.add(phrase.matcher("").useTransparentBounds(true).useAnchoringBounds(false));
        boundaryLed.add(leadsWithBoundary(phrase.pattern()));
        open.add(new ArrayList<>());
      }
    }

    /**
     * How many leading characters of {@code sentence}, still being written, may be shown now,
     * given that {@code shown} of them already are: not its last word while a figure or
     * identifier in it may still grow (an e-mail address is held from its "@" only), never
     * trailing whitespace, and only if that text passes every check of {@link #check}. -1 when it
     * does not: the sentence already fails, and what was shown of it should be withdrawn.
     * {@code sentence} only grows from one call to the next.
     */
    public int showable(String sentence, int shown) {
      if (sentence.length() > MAX_SENTENCE_CHARS) {
        return -1;
      }
      int limit = unfinishedFact(sentence);
      while (limit > shown && Character.isWhitespace(sentence.charAt(limit - 1))) {
        limit--;
      }
      if (limit <= shown) {
        return shown;
      }
      String text = sentence.substring(0, limit);
      int word = shown;
      while (word > 0 && !Character.isWhitespace(text.charAt(word - 1))) {
        word--;
      }
      boolean passes = !phraseFound(text) && (!hasDigitOrAt(text, word, limit) || facts(text.substring(word), grounding).ok())
          && !promptQuoted(text);
      return passes ? limit : -1;
    }

    private boolean phraseFound(String text) {
      int end = text.length();
      for (int i = 0; i < phrases.size(); i++) {
        Matcher matcher = phrases.get(i).reset(text);
        List<Integer> starts = open.get(i);
        List<Integer> still = new ArrayList<>();
        for (int start : starts) {
          if (tryAt(matcher, start, end, still)) {
            return true;
          }
        }
        boolean atBoundary = boundaryLed.get(i);
        for (int start = tried; start < end; start++) {
          if ((!atBoundary || mayBeBoundary(text, start)) && tryAt(matcher, start, end, still)) {
            return true;
          }
        }
        open.set(i, still);
      }
      tried = end;
      return false;
    }

    private static boolean tryAt(Matcher matcher, int start, int end, List<Integer> still) {
      matcher.region(start, end);
      if (matcher.lookingAt()) {
        return true;
      }
      if (matcher.hitEnd()) {
        still.add(start);
      }
      return false;
    }

    /** Six words of the system prompt in a row, the last word counted even if more of it may follow. */
    private boolean promptQuoted(String text) {
      if (promptShingles.isEmpty()) {
        return false;
      }
      int i = wordsEnd;
      int end = text.length();
      while (i < end) {
        while (i < end && !shingleChar(text.charAt(i))) {
          i++;
        }
        int start = i;
        while (i < end && shingleChar(text.charAt(i))) {
          i++;
        }
        if (start == i) {
          break;
        }
        String word = text.substring(start, i).toLowerCase(Locale.ROOT);
        if (i == end) {
          wordsEnd = start; // may still grow: read again with the next piece
          return endsPromptRun(word);
        }
        words.add(word);
        wordsEnd = i;
        if (endsPromptRun(null)) {
          return true;
        }
      }
      return false;
    }

    private boolean endsPromptRun(String last) {
      int needed = last == null ? SHINGLE : SHINGLE - 1;
      if (words.size() < needed) {
        return false;
      }
      List<String> run = new ArrayList<>(words.subList(words.size() - needed, words.size()));
      if (last != null) {
        run.add(last);
      }
      return promptShingles.contains(String.join(" ", run));
    }
  }

  /**
   * Whether every match of the pattern starts with a word boundary: its source begins with
   * {@code \\b} (after an optional {@code (?i)}) and has no {@code |} outside parentheses.
   */
  static boolean leadsWithBoundary(String source) {
    String body = source.startsWith("(?i)") ? source.substring(4) : source;
    if (!body.startsWith("\\b")) {
      return false;
    }
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code \\b} may match before {@code i}: the characters on either side differ in being word characters (or are not ASCII). */
  private static boolean mayBeBoundary(String text, int i) {
    char after = text.charAt(i);
    if (i == 0) {
      return true;
    }
    char before = text.charAt(i - 1);
    return before > 127 || after > 127 || asciiWord(before) != asciiWord(after);
  }

  private static boolean asciiWord(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  private static boolean shingleChar(char c) {
    char lower = Character.toLowerCase(c);
    return lower >= 'a' && lower <= 'z' || lower >= '0' && lower <= '9';
  }

  /**
   * Where the text's last word starts when a figure or identifier in it may still grow with more
   * text (none of them spans whitespace), the position of its "@" when that is an e-mail address
   * still being written, or else the text's length.
   */
  private static int unfinishedFact(String text) {
    int end = text.length();
    int word = end;
    while (word > 0 && !Character.isWhitespace(text.charAt(word - 1))) {
      word--;
    }
    if (!mayHoldFact(text, word, end)) {
      return end;
    }
    for (Pattern fact : FACTS) {
      Matcher matcher = fact.matcher(text);
      for (int start = word; start < end; start++) {
        if (reachesEnd(matcher, start, end)) {
          return word;
        }
      }
    }
    int at = text.indexOf('@', word);
    if (at >= 0) {
      Matcher matcher = EMAIL.matcher(text);
      for (int start = word; start <= at; start++) {
        if (reachesEnd(matcher, start, end)) {
          return at;
        }
      }
    }
    return end;
  }

  /** Every figure and identifier has a digit or an "@"; an order number may also start as "AF" or "AF-". */
  private static boolean mayHoldFact(String text, int from, int end) {
    if (hasDigitOrAt(text, from, end)) {
      return true;
    }
    String tail = text.substring(Math.max(from, end - 3), end).toLowerCase(Locale.ROOT);
    return tail.endsWith("af") || tail.endsWith("af-");
  }

  private static boolean hasDigitOrAt(String text, int from, int end) {
    for (int i = from; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9' || c == '@' || c > 127 && Character.isDigit(c)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a match starting at {@code start} read up to the end: more text could change it. */
  private static boolean reachesEnd(Matcher matcher, int start, int end) {
    matcher.useTransparentBounds(true).useAnchoringBounds(false).region(start, end);
    matcher.lookingAt();
    return matcher.hitEnd();
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
