package concierge.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static concierge.cache.Meaning.Family.ENTITY;
import static concierge.cache.Term.SEP;

/**
 * The shop's own names, from store-facts.md: products by SKU and by name, product lines and
 * families, brands (ours, the catalogue's, the price-match list's and a few other retailers),
 * shipping methods and payment methods. A family that holds a single product ("the stove",
 * "the cooler") names that product. Each product is its own entity: no two products share a
 * class, because their facts (price, weight, waterproofing, warranty) differ.
 */
final class CatalogueTerms {

  /** The families each product belongs to: naming the product makes its family words redundant. */
  static final Map<String, Set<String>> FAMILIES = Map.ofEntries(
      Map.entry("AF-TNT-2P", Set.of("tent")), Map.entry("AF-TNT-4P", Set.of("tent")),
      Map.entry("AF-TNT-1P", Set.of("tent")), Map.entry("KS-TNT-4S", Set.of("tent")),
      Map.entry("AF-BAG-20", Set.of("sleeping-bag")), Map.entry("AF-BAG-0", Set.of("sleeping-bag")),
      Map.entry("AF-PCK-55", Set.of("backpack")), Map.entry("AF-PCK-28", Set.of("backpack")),
      Map.entry("AF-PCK-70", Set.of("backpack")),
      Map.entry("AF-JKT-RAIN", Set.of("jacket", "apparel")), Map.entry("AF-JKT-DOWN", Set.of("jacket", "apparel")),
      Map.entry("AF-FLC-100", Set.of("apparel")), Map.entry("AF-SOCK-3", Set.of("apparel")),
      Map.entry("KS-BOOT-HK", Set.of("footwear")), Map.entry("KS-SHOE-TR", Set.of("footwear")),
      Map.entry("AF-LMP-400", Set.of("headlamp", "electronics")), Map.entry("AF-LMP-900", Set.of("headlamp", "electronics")),
      Map.entry("BC-GPS-2", Set.of("electronics")), Map.entry("SL-PUR-UV", Set.of("electronics")));

  private CatalogueTerms() {
  }

  /** Products, product lines and families, brands. */
  static List<Term> products() {
    List<Term> terms = new ArrayList<>();
    // SKUs as written: af-tnt-2p, AF TNT 2P is not a SKU
    terms.add(Term.of(ENTITY, "(?:af|ks|sl|bc)-[a-z]+(?:-[a-z0-9]+)?",
        match -> "product:" + match.group().toUpperCase(Locale.ROOT)));
    product(terms, "AF-TNT-2P", "ridgeline" + SEP + "2(?:" + SEP + "(?:p|person))?(?: tents?)?");
    product(terms, "AF-TNT-4P", "ridgeline" + SEP + "4(?:" + SEP + "(?:p|person))?(?: tents?)?");
    product(terms, "AF-TNT-1P", "solo" + SEP + "arc(?:" + SEP + "1)?(?: ultralight)?(?: tents?)?");
    product(terms, "KS-TNT-4S", "(?:kestrel )?polar(?: 2)?(?: (?:4|four)" + SEP + "season)?(?: tents?)?");
    product(terms, "AF-BAG-20", "alpine(?: down)?(?: sleeping bag| bag)? ?20(?: ?(?:degrees?|deg))?(?: f)?(?: (?:sleeping )?bags?)?");
    product(terms, "AF-BAG-0", "alpine(?: down)?(?: sleeping bag| bag)? ?0(?: ?(?:degrees?|deg))?(?: f)?(?: (?:sleeping )?bags?)?");
    product(terms, "SL-PAD-R4", "(?:summit labs )?(?:insulated )?(?:air|sleeping)" + SEP + "pads?|pads?|mattress(?:es)?");
    product(terms, "SL-PUR-UV", "(?:summit labs )?uv(?: light)?(?: water)?(?: purifiers?)?|(?:water )?purifiers?");
    product(terms, "AF-PCK-55", "traverse(?: ?55)?(?: backpacks?| packs?)?");
    product(terms, "AF-PCK-28", "daybreak(?: ?28)?(?: day" + SEP + "packs?)?|day" + SEP + "packs?");
    product(terms, "AF-PCK-70", "expedition ?70(?: backpacks?| packs?)?");
    product(terms, "AF-JKT-RAIN", "stormline(?: rain)?(?: jackets?| shells?)?|rain ?(?:jackets?|shells?|coats?)|raincoats?");
    product(terms, "AF-JKT-DOWN", "ember(?: down)?(?: jackets?)?|down (?:jackets?|coats?)|puff(?:y|ies|ers?)(?: jackets?)?");
    product(terms, "AF-FLC-100", "basecamp(?: fleece)?|fleeces?");
    product(terms, "KS-BOOT-HK", "(?:kestrel )?trailblazers?(?: hiking)?(?: boots?)?|(?:hiking )?boots?");
    product(terms, "KS-SHOE-TR", "(?:kestrel )?swift(?: trail)?(?: runners?| running shoes?| shoes?)?"
        + "|trail" + SEP + "runn(?:ers?|ing shoes?)|running shoes?");
    product(terms, "AF-SOCK-3", "(?:merino )?(?:hiker |hiking )?socks?(?: 3" + SEP + "pack)?|merino(?: wool)?");
    product(terms, "AF-LMP-400", "lumen" + SEP + "400(?: headlamps?)?");
    product(terms, "AF-LMP-900", "lumen" + SEP + "900(?: headlamps?)?");
    product(terms, "BC-GPS-2", "(?:boreal )?navigator(?: ?2)?(?: gps)?(?: units?)?|gps(?: units?| devices?)?");
    product(terms, "AF-STV-1", "(?:flashpoint )?(?:canister )?stoves?|flashpoint");
    product(terms, "AF-FUEL-230", "(?:isobutane )?(?:fuel|gas)(?: canisters?| cans?)?(?: 230 ?g)?|isobutane(?: canisters?)?|canisters?");
    product(terms, "AF-CKW-SET", "(?:trail )?cook" + SEP + "sets?|cookware|cooking sets?|pots?(?: and pans?)?");
    product(terms, "AF-FLT-SQ", "clearflow(?: squeeze)?(?: water)?(?: filters?)?|(?:squeeze |water )?filters?");
    product(terms, "AF-TRP-POLE", "(?:carbon )?(?:trekking|hiking|walking) poles?|poles");
    product(terms, "AF-HMK-1", "(?:drift )?hammocks?");
    product(terms, "AF-CHR-1", "(?:ridge )?camp" + SEP + "chairs?|chairs?");
    product(terms, "AF-COOL-45", "glacier(?: ?45)?(?: coolers?)?|coolers?");
    product(terms, "AF-BTL-32", "(?:summit )?(?:insulated )?(?:water )?bottles?(?: 32(?: ?oz)?)?|summit insulated");
    lines(terms);
    families(terms);
    brands(terms);
    terms.add(Term.of(ENTITY, "pathogen:virus", "viruse?s?"));
    terms.add(Term.of(ENTITY, "pathogen:bacteria", "bacteri(?:a|um)"));
    terms.add(Term.of(ENTITY, "pathogen:protozoa", "protozoa"));
    return terms;
  }

  /** Shipping methods and payment methods (after the customer groups, which own "gift card"). */
  static List<Term> shippingAndPayment() {
    List<Term> terms = new ArrayList<>();
    shippingAndPayment(terms);
    return terms;
  }

  private static void product(List<Term> terms, String sku, String regex) {
    terms.add(Term.of(ENTITY, "product:" + sku, regex));
  }

  /** A name shared by several products: not the same as any one of them. */
  private static void lines(List<Term> terms) {
    terms.add(Term.of(ENTITY, "line:ridgeline", "ridgeline(?: tents?)?"));
    terms.add(Term.of(ENTITY, "line:lumen", "lumen(?: headlamps?)?"));
    terms.add(Term.of(ENTITY, "line:alpine", "alpine(?: down)?(?: sleeping bags?| bags?)?"));
  }

  private static void families(List<Term> terms) {
    terms.add(Term.of(ENTITY, "family:tent", "tents?"));
    terms.add(Term.of(ENTITY, "family:sleeping-bag", "sleeping" + SEP + "bags?"));
    terms.add(Term.of(ENTITY, "family:backpack", "back" + SEP + "packs?|rucksacks?"));
    terms.add(Term.of(ENTITY, "family:jacket", "jackets?|coats?|shells?"));
    terms.add(Term.of(ENTITY, "family:headlamp", "head" + SEP + "lamps?|head" + SEP + "torch(?:es)?"));
    terms.add(Term.of(ENTITY, "family:footwear", "footwear|shoes|sneakers"));
    terms.add(Term.of(ENTITY, "family:apparel", "apparel|clothing|clothes|garments?"));
    terms.add(Term.of(ENTITY, "family:electronics", "electronics?"));
  }

  private static void brands(List<Term> terms) {
    terms.add(Term.rewrite("(?:the )?alder ?(?:&|and)? ?finch lifetime guarantee", "lifetime guarantee"));
    terms.add(Term.of(ENTITY, "brand:alder-finch", "alder ?(?:&|and)? ?finch|a ?& ?f"));
    terms.add(Term.of(ENTITY, "brand:kestrel", "kestrel"));
    terms.add(Term.of(ENTITY, "brand:summit-labs", "summit labs"));
    terms.add(Term.of(ENTITY, "brand:boreal", "boreal"));
    terms.add(Term.of(ENTITY, "brand:rei", "rei"));
    terms.add(Term.of(ENTITY, "brand:backcountry", "backcountry(?: com)?"));
    terms.add(Term.of(ENTITY, "brand:amazon", "amazon(?: com)?"));
    terms.add(Term.of(ENTITY, "(target|walmart|costco|dicks|cabelas|bass pro|moosejaw|patagonia|the north face|north face"
        + "|columbia|arcteryx|osprey|msr|black diamond|big agnes|nemo|marmot|ebay|etsy|best buy|home depot)",
        match -> "brand:" + match.group(1).replace(' ', '-')));
  }

  private static void shippingAndPayment(List<Term> terms) {
    terms.add(Term.of(ENTITY, "ship:standard", "standard"));
    terms.add(Term.of(ENTITY, "ship:expedited", "expedited|2" + SEP + "day|two" + SEP + "day"));
    terms.add(Term.of(ENTITY, "ship:overnight", "overnight|next" + SEP + "day|1" + SEP + "day"));
    terms.add(Term.of(ENTITY, "ship:express", "express"));
    terms.add(Term.of(ENTITY, "ship:ground", "ground"));
    terms.add(Term.of(ENTITY, "ship:same-day", "same" + SEP + "day"));
    terms.add(Term.of(ENTITY, "address:po-box", "p ?o ?box(?:es)?|post office box(?:es)?"));
    terms.add(Term.of(ENTITY, "pay:klarna", "klarna|pay" + SEP + "in" + SEP + "4|pay in four"));
    terms.add(Term.of(ENTITY, "pay:apple-pay", "apple ?pay"));
    terms.add(Term.of(ENTITY, "pay:google-pay", "google ?pay"));
    terms.add(Term.of(ENTITY, "pay:paypal", "pay ?pal"));
    terms.add(Term.of(ENTITY, "pay:visa", "visa"));
    terms.add(Term.of(ENTITY, "pay:mastercard", "master ?card"));
    terms.add(Term.of(ENTITY, "pay:amex", "amex|american express"));
    terms.add(Term.of(ENTITY, "pay:discover", "discover(?: card)?"));
    terms.add(Term.of(ENTITY, "pay:card", "(?:credit|debit)" + SEP + "cards?|cards?"));
    terms.add(Term.of(ENTITY, "pay:crypto", "bitcoin|btc|crypto\\w*|ethereum"));
    terms.add(Term.of(ENTITY, "pay:cash", "cash on delivery|cod|cash"));
    terms.add(Term.of(ENTITY, "pay:check", "checks|cheques?|personal check|pay by check"));
    terms.add(Term.of(ENTITY, "(venmo|afterpay|affirm|zelle|wire transfer|bank transfer)",
        match -> "pay:" + match.group(1).replace(' ', '-')));
  }
}
