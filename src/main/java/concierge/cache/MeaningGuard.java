package concierge.cache;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static concierge.cache.Meaning.Family.ASPECT;
import static concierge.cache.Meaning.Family.COMPARISON;
import static concierge.cache.Meaning.Family.ENTITY;
import static concierge.cache.Meaning.Family.GROUP;
import static concierge.cache.Meaning.Family.KIND;
import static concierge.cache.Meaning.Family.NEGATION;
import static concierge.cache.Meaning.Family.TOPIC;

/**
 * Tells whether the answer stored for one question may be given to another that embeds close to
 * it. Embeddings of "can I return an opened fuel canister" and "... an unopened fuel canister" are
 * 0.91 apart, closer than many true paraphrases, so similarity alone cannot decide: the guard reads
 * what each question names (the lexicon in the *Terms classes) and refuses the pair when their
 * entities, customer groups, negations, comparisons or topics differ, or when each asks something
 * the other does not (how long / how much, weight / price). Entities the store facts treat alike
 * share a class ({@link PlaceTerms}, {@link EquivalentAnswers}). It errs towards refusing: a refused
 * paraphrase costs one generation, a wrong answer costs a customer.
 */
public final class MeaningGuard {

  /** Why a pair was refused; also the names of the refusal counters. */
  public enum Reason {
    ENTITY, GROUP, NEGATION, COMPARISON, TOPIC;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Pattern LEAD = Pattern.compile("^(?:and|also|what about|how about|same for|for|but|or|what if"
      + "|and if|then|ok and|okay and|what abt|and what about)\\b.*");
  private static final Pattern PRONOUN = Pattern.compile("\\b(?:it|its|that|this|those|these|them|they|one|he|she|him|her)\\b");
  private static final Set<String> NO_CONTENT = Set.of("yes", "yeah", "yep", "yup", "no", "nope", "nah", "ok", "okay",
      "sure", "please", "thanks", "thank", "thx", "ty", "you", "correct", "right", "great", "cool", "perfect", "do",
      "go", "ahead", "it", "that", "this", "one", "the", "a", "hmm", "why", "how", "what", "when", "where", "who",
      "which", "really", "so", "is", "are", "does", "can", "i", "me", "mean", "and", "then", "more", "again", "not");
  /** A second question after the first: "..., and how much is it", "... ? How much ...". */
  private static final Pattern COMPOUND = Pattern.compile("\\?\\s*\\p{L}|(?:\\band|,|;|\\balso)\\s+(?:how|what|when|where"
      + "|which|who|why|is|are|do|does|can|could|will|would|should)\\b");
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");
  private static final Pattern ORDER = Pattern.compile("\\b(?:[a-z]{2}-?)?\\d{6,}\\b|\\border (?:number |no |#)?\\d{4,}\\b");
  private static final Pattern PHONE = Pattern.compile("\\b\\d{3}[-. )]{1,2}\\d{3}[-. ]\\d{4}\\b");
  /** Questions about the asker's own account or orders: the answer is theirs alone. */
  private static final Pattern OWN_STATE = Pattern.compile("\\bam i (?:a|an|in|on|still|eligible)\\b"
      + "|\\b(?:do|did) i (?:have|get|earn) (?:any |enough )?(?:points|rewards|credit|store credit|a discount)\\b"
      + "|\\bhow (?:many|much) (?:\\w+ )?(?:points|rewards|credit|store credit) (?:do|did) i\\b"
      + "(?! (?:get|earn|receive) (?:for|from|by|if|when|per|on)\\b)"
      + "|\\bmy (?:points|rewards|balance|membership|tracking|order status|account status|status)\\b"
      + "|\\bwhere(?:s| is| are) my\\b|\\bstatus of my\\b|\\bhas my \\w+ (?:shipped|arrived)\\b");

  private final List<Term> terms;

  public MeaningGuard() {
    List<Term> all = new ArrayList<>();
    all.add(QuantityTerms.numberWords());
    all.addAll(ContrastTerms.rewrites());
    all.add(QuantityTerms.orderNumbers());
    all.addAll(CatalogueTerms.products());
    all.add(GroupTerms.international());
    all.addAll(PlaceTerms.terms());
    all.addAll(GroupTerms.terms());
    all.addAll(CatalogueTerms.shippingAndPayment());
    all.addAll(ContrastTerms.topics());
    all.addAll(ContrastTerms.comparisons());
    all.addAll(QuantityTerms.terms());
    all.addAll(ContrastTerms.negations());
    all.addAll(AspectTerms.terms());
    all.add(QuantityTerms.numbers());
    this.terms = Collections.unmodifiableList(all);
  }

  /** What the question says; {@code message} is the customer's text as written. */
  public Meaning read(String message) {
    String normalized = QuestionText.normalize(message);
    Meaning.Builder meaning = new Meaning.Builder();
    String text = normalized;
    for (Term term : terms) {
      text = term.apply(text, meaning);
    }
    dropImpliedFamilies(meaning);
    EquivalentAnswers.apply(normalized, meaning);
    return meaning.build(contextDependent(normalized), personal(message, normalized),
        COMPOUND.matcher(message.toLowerCase(Locale.ROOT)).find());
  }

  /**
   * Why a message can have no shared answer at all, or null: it means nothing without its
   * conversation ({@code context}), or it carries an order number, email address or phone
   * number, or asks about the asker's own account ({@code personal}: "am I a member", "where is
   * my refund"). Cheap: no lexicon pass, so the exact level can ask it.
   */
  static String uncacheable(String message, String normalized) {
    return uncacheable(message, normalized, false);
  }

  /**
   * As {@link #uncacheable(String, String)}, for a question asked as the first turn of its
   * conversation ({@code standalone}): there is no earlier turn it could lean on, so it is read as
   * written ("what if the price drops after I buy?") and a short question is not refused as a
   * follow-up. Its answer is then only found again by other first turns.
   */
  static String uncacheable(String message, String normalized, boolean standalone) {
    if (!standalone && contextDependent(normalized)) {
      return CacheCounters.CONTEXT;
    }
    return personal(message, normalized) ? CacheCounters.PERSONAL : null;
  }

  private static boolean personal(String message, String normalized) {
    return ORDER.matcher(normalized).find() || OWN_STATE.matcher(normalized).find() || EMAIL.matcher(message).find()
        || PHONE.matcher(message).find();
  }

  /**
   * Null when the answer stored for {@code stored} may be given to {@code asked}, else the first
   * difference found. Symmetric except for a compound question, which only an answer to at least
   * everything it asks may serve.
   */
  public Reason compare(Meaning asked, Meaning stored) {
    if (!asked.get(ENTITY).equals(stored.get(ENTITY))) {
      return Reason.ENTITY;
    }
    if (!asked.get(GROUP).equals(stored.get(GROUP))) {
      return Reason.GROUP;
    }
    if (asked.negations() != stored.negations() || !asked.get(NEGATION).equals(stored.get(NEGATION))) {
      return Reason.NEGATION;
    }
    if (!asked.get(COMPARISON).equals(stored.get(COMPARISON))) {
      return Reason.COMPARISON;
    }
    if (!asked.get(TOPIC).equals(stored.get(TOPIC)) || differentAsks(asked, stored)) {
      return Reason.TOPIC;
    }
    return null;
  }

  /**
   * A message that means nothing without the conversation before it ("and for members?", "how
   * much is it", "yes please"): its words alone do not say what is asked, so it has no answer
   * of its own to cache or to be given.
   */
  static boolean contextDependent(String normalized) {
    int words = QuestionText.words(normalized);
    if (words == 0 || (LEAD.matcher(normalized).matches() && words <= 8)) {
      return true;
    }
    if (words <= 5 && PRONOUN.matcher(normalized).find()) {
      return true;
    }
    for (String word : normalized.split(" ")) {
      if (!NO_CONTENT.contains(word)) {
        return false;
      }
    }
    return true;
  }

  /**
   * What each asks: a general question (nothing asked in particular) covers the particular ones,
   * and a question that asks more covers one that asks part of it; two questions that each ask
   * something the other does not ("how long ... cancel" and "how much ... cancel") differ. A
   * compound question is served only by an answer to everything it asks, and a general question
   * ("do you ship to Canada?", no kind of answer asked for) not by the answer to a particular one
   * ("how long does delivery to Canada take?", a duration): it leaves out what the general one says.
   */
  private static boolean differentAsks(Meaning asked, Meaning stored) {
    Set<String> asksAsked = asks(asked);
    Set<String> asksStored = asks(stored);
    if (asked.get(KIND).isEmpty() && !stored.get(KIND).isEmpty() && !stored.compound()) {
      return true;
    }
    if (asked.compound()) {
      return !asksStored.containsAll(asksAsked);
    }
    return !asksAsked.containsAll(asksStored) && !asksStored.containsAll(asksAsked);
  }

  private static Set<String> asks(Meaning meaning) {
    Set<String> asks = new HashSet<>(meaning.get(KIND));
    asks.addAll(meaning.get(ASPECT));
    return asks;
  }

  /** "the ridgeline 2 tent": the product says it is a tent; the word adds nothing. */
  private static void dropImpliedFamilies(Meaning.Builder meaning) {
    List<String> implied = new ArrayList<>();
    for (String entity : meaning.get(ENTITY)) {
      if (entity.startsWith("product:")) {
        CatalogueTerms.FAMILIES.getOrDefault(entity.substring("product:".length()), Set.of())
            .forEach(family -> implied.add("family:" + family));
      }
    }
    implied.forEach(family -> meaning.remove(ENTITY, family));
  }
}
