package concierge.cache;

import java.util.Set;
import java.util.regex.Pattern;

import static concierge.cache.Meaning.Family.ASPECT;
import static concierge.cache.Meaning.Family.COMPARISON;
import static concierge.cache.Meaning.Family.ENTITY;
import static concierge.cache.Meaning.Family.KIND;
import static concierge.cache.Meaning.Family.TOPIC;

/**
 * The few places where store-facts.md gives different entities one answer, but only for one
 * kind of question: the warranty of any electronics (2 years) or of any other Alder & Finch
 * gear (the Lifetime Guarantee); returning footwear or apparel that was or was not worn; sending
 * fuel anywhere outside the contiguous US (never); where a refund goes for any accepted payment
 * method except a gift card (back to it). Each applies only when the question asks that one thing
 * about that one entity, so "is the lumen 400 waterproof, and what is its warranty" keeps its product.
 */
final class EquivalentAnswers {

  private static final Set<String> ELECTRONICS = Set.of("product:AF-LMP-400", "product:AF-LMP-900",
      "product:BC-GPS-2", "product:SL-PUR-UV", "family:headlamp", "family:electronics");
  /** Alder & Finch gear under the Lifetime Guarantee: not electronics, not the discontinued chair, not fuel. */
  private static final Set<String> LIFETIME = Set.of("product:AF-TNT-2P", "product:AF-TNT-4P", "product:AF-TNT-1P",
      "product:AF-BAG-20", "product:AF-BAG-0", "product:AF-PCK-55", "product:AF-PCK-28", "product:AF-PCK-70",
      "product:AF-JKT-RAIN", "product:AF-JKT-DOWN", "product:AF-FLC-100", "product:AF-SOCK-3", "product:AF-STV-1",
      "product:AF-CKW-SET", "product:AF-FLT-SQ", "product:AF-TRP-POLE", "product:AF-HMK-1", "product:AF-COOL-45",
      "product:AF-BTL-32");
  private static final Set<String> WEARABLE = Set.of("product:KS-BOOT-HK", "product:KS-SHOE-TR", "product:AF-JKT-RAIN",
      "product:AF-JKT-DOWN", "product:AF-FLC-100", "product:AF-SOCK-3", "family:footwear", "family:apparel",
      "family:jacket");
  private static final Set<String> NO_FUEL = Set.of(PlaceTerms.ALASKA_HAWAII, PlaceTerms.OVERSEAS_FLAT,
      PlaceTerms.NO_SHIPPING, "zone:canada");
  private static final Set<String> ACCEPTED_PAYMENT = Set.of("pay:visa", "pay:mastercard", "pay:amex", "pay:discover",
      "pay:card", "pay:paypal", "pay:apple-pay", "pay:google-pay", "pay:klarna");
  private static final Pattern RETURN_WORN = Pattern.compile("\\breturn.*\\b(?:worn|wore|wear|wearing)\\b");

  private EquivalentAnswers() {
  }

  static void apply(String normalized, Meaning.Builder meaning) {
    Set<String> entities = meaning.get(ENTITY);
    if (entities.size() == 1 && meaning.get(COMPARISON).isEmpty()) {
      String entity = entities.iterator().next();
      if (meaning.get(ASPECT).equals(Set.of("aspect:warranty")) && meaning.get(TOPIC).isEmpty()) {
        warranty(entity, meaning);
      } else if (WEARABLE.contains(entity) && RETURN_WORN.matcher(normalized).find()) {
        meaning.set(ENTITY, Set.of("returns:footwear-apparel"));
      } else if (ACCEPTED_PAYMENT.contains(entity) && meaning.get(TOPIC).equals(Set.of("outcome:refund"))) {
        meaning.set(ENTITY, Set.of("refund:original-payment-method"));
      }
    }
    if (entities.size() == 2 && entities.contains("product:AF-FUEL-230") && meaning.get(KIND).isEmpty()
        && Set.of("aspect:shipping").containsAll(meaning.get(ASPECT)) && meaning.get(COMPARISON).isEmpty()) {
      entities.stream().filter(NO_FUEL::contains).findFirst()
          .ifPresent(place -> meaning.set(ENTITY, Set.of("product:AF-FUEL-230", "fuel:not-shipped")));
    }
  }

  private static void warranty(String entity, Meaning.Builder meaning) {
    if (ELECTRONICS.contains(entity)) {
      meaning.set(ENTITY, Set.of("warranty:electronics-2-years"));
    } else if (LIFETIME.contains(entity)) {
      meaning.set(ENTITY, Set.of("warranty:alder-finch-lifetime"));
    }
  }
}
