package concierge.cache;

import java.util.List;

import static concierge.cache.Meaning.Family.ENTITY;

/**
 * Places, as the shipping policy groups them (store-facts.md). Only places whose every rule is
 * the same share a class: the United Kingdom, the European Union countries, Australia and Japan
 * (7-14 days, $29.99, duties on delivery, no fuel); Mexico and South America (no shipping);
 * Alaska and Hawaii (standard only, $12.99, no fuel); the contiguous states (every US rule).
 * Canada has rules of its own. Any other named country or territory is an entity of its own, and
 * Georgia (a state and a country) and "Europe" (not only the EU) are kept apart.
 */
final class PlaceTerms {

  static final String OVERSEAS_FLAT = "zone:uk-eu-australia-japan";
  static final String NO_SHIPPING = "zone:mexico-south-america";
  static final String ALASKA_HAWAII = "zone:alaska-hawaii";
  static final String CONTIGUOUS = "zone:contiguous-us";

  private static final String EU = "eu|european union|austria|belgium|bulgaria|croatia|cyprus|czech republic|czechia"
      + "|denmark|estonia|finland|france|germany|greece|hungary|ireland|italy|latvia|lithuania|luxembourg|malta"
      + "|netherlands|holland|poland|portugal|romania|slovakia|slovenia|spain|sweden";
  private static final String UK = "uk|u k|united kingdom|great britain|britain|england|scotland|wales|northern ireland";
  private static final String SOUTH_AMERICA = "mexico|south america|brazil|argentina|chile|peru|colombia|venezuela"
      + "|ecuador|bolivia|paraguay|uruguay|guyana|suriname";
  private static final String STATES = "alabama|arizona|arkansas|california|colorado|connecticut|delaware|florida|idaho"
      + "|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota"
      + "|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york"
      + "|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota"
      + "|tennessee|texas|utah|vermont|virginia|west virginia|washington(?: state| dc| d c)?|wisconsin|wyoming"
      + "|district of columbia|dc|contiguous(?: us| united states| states)?|continental us|lower 48|48 states"
      + "|mainland us";
  private static final String CANADA = "canada|ontario|quebec|british columbia|alberta|manitoba|saskatchewan"
      + "|nova scotia|new brunswick|newfoundland|prince edward island|yukon|nunavut|northwest territories";
  private static final String OTHERS = "georgia|europe|north america|latin america|central america|new zealand|china"
      + "|india|switzerland|norway|iceland|israel|south korea|korea|singapore|hong kong|taiwan|philippines|thailand"
      + "|vietnam|indonesia|malaysia|south africa|nigeria|kenya|egypt|turkey|russia|ukraine|uae|dubai|saudi arabia"
      + "|qatar|pakistan|cuba|jamaica|bahamas|costa rica|panama|guatemala|honduras|nicaragua|el salvador|belize"
      + "|dominican republic|haiti|puerto rico|guam|us virgin islands|virgin islands|american samoa|greenland|serbia"
      + "|albania|bosnia|montenegro|moldova|belarus";

  private PlaceTerms() {
  }

  static List<Term> terms() {
    return List.of(
        // names that contain another place's name come first
        Term.of(ENTITY, CONTIGUOUS, "new mexico|west virginia"),
        Term.of(ENTITY, OVERSEAS_FLAT, "northern ireland"),
        Term.of(ENTITY, "(" + OTHERS + ")", match -> "place:" + match.group(1).replace(' ', '-')),
        Term.of(ENTITY, OVERSEAS_FLAT, UK + "|" + EU + "|australia|japan"),
        Term.of(ENTITY, NO_SHIPPING, SOUTH_AMERICA),
        Term.of(ENTITY, ALASKA_HAWAII, "alaska|hawaii"),
        Term.of(ENTITY, CONTIGUOUS, STATES),
        Term.of(ENTITY, "zone:canada", CANADA),
        Term.of(ENTITY, "place:us", "the us|usa|u s a|u s|united states(?: of america)?|america|domestic(?:ally)?"
            + "|stateside|within the country"));
  }
}
