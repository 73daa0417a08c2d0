package concierge.orders;

import concierge.orders.Destination.Zone;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a customer wants an order shipped: US states by name or postal code, Canada (and its
 * provinces), the United Kingdom, EU countries, Australia and Japan; and the places the shop does
 * not ship to (Mexico, South America, anywhere else named), so that the answer can say so.
 */
public final class Destinations {

  /** A place named in a message; {@code destination} is null when the shop does not ship there. */
  public record Place(String name, Destination destination, boolean stateNeeded) {
    public boolean shippable() {
      return destination != null;
    }
  }

  private static final Map<String, Destination> BY_NAME = new HashMap<>();
  private static final Map<String, Destination> BY_CODE = new HashMap<>();
  private static final Map<String, String> NOT_SHIPPED = new HashMap<>();
  private static final List<String> WHOLE_US = List.of("united states of america", "united states", "usa",
      "u.s.a.", "the us", "the u.s.");
  private static final Pattern NAMES;
  private static final Pattern STATE_CODE = Pattern.compile(
      "(?:\\b(?:to|in|ship|deliver)\\s+|,\\s*)([A-Z]{2})\\b|\\b([A-Z]{2})\\s+\\d{5}\\b");

  static {
    String[] states = ("AL Alabama,AK Alaska,AZ Arizona,AR Arkansas,CA California,CO Colorado,CT Connecticut,"
        + "DE Delaware,FL Florida,GA Georgia,HI Hawaii,ID Idaho,IL Illinois,IN Indiana,IA Iowa,KS Kansas,"
        + "KY Kentucky,LA Louisiana,ME Maine,MD Maryland,MA Massachusetts,MI Michigan,MN Minnesota,"
        + "MS Mississippi,MO Missouri,MT Montana,NE Nebraska,NV Nevada,NH New Hampshire,NJ New Jersey,"
        + "NM New Mexico,NY New York,NC North Carolina,ND North Dakota,OH Ohio,OK Oklahoma,OR Oregon,"
        + "PA Pennsylvania,RI Rhode Island,SC South Carolina,SD South Dakota,TN Tennessee,TX Texas,UT Utah,"
        + "VT Vermont,VA Virginia,WA Washington,WV West Virginia,WI Wisconsin,WY Wyoming,"
        + "DC District of Columbia").split(",");
    for (String state : states) {
      String code = state.substring(0, 2);
      String name = state.substring(3);
      Zone zone = code.equals("AK") || code.equals("HI") ? Zone.ALASKA_HAWAII : Zone.CONTIGUOUS_US;
      Destination destination = new Destination("US-" + code, name, zone);
      BY_NAME.put(name.toLowerCase(Locale.ROOT), destination);
      BY_CODE.put(destination.code(), destination);
    }
    alias("washington dc", "US-DC");
    alias("washington d.c.", "US-DC");
    country("CA", "Canada", Zone.CANADA, "canada,ontario,quebec,british columbia,alberta,manitoba,saskatchewan,"
        + "nova scotia,new brunswick,newfoundland,prince edward island,yukon,nunavut,northwest territories");
    country("GB", "the United Kingdom", Zone.OVERSEAS, "united kingdom,uk,u.k.,great britain,britain,england,"
        + "scotland,wales,northern ireland");
    country("AU", "Australia", Zone.OVERSEAS, "australia");
    country("JP", "Japan", Zone.OVERSEAS, "japan");
    String[] eu = ("AT Austria,BE Belgium,BG Bulgaria,HR Croatia,CY Cyprus,CZ Czechia,DK Denmark,EE Estonia,"
        + "FI Finland,FR France,DE Germany,GR Greece,HU Hungary,IE Ireland,IT Italy,LV Latvia,LT Lithuania,"
        + "LU Luxembourg,MT Malta,NL the Netherlands,PL Poland,PT Portugal,RO Romania,SK Slovakia,"
        + "SI Slovenia,ES Spain,SE Sweden").split(",");
    for (String entry : eu) {
      String name = entry.substring(3);
      country(entry.substring(0, 2), name, Zone.OVERSEAS, name.toLowerCase(Locale.ROOT).replace("the ", ""));
    }
    alias("czech republic", "CZ");
    alias("holland", "NL");
    for (String place : ("mexico,south america,brazil,argentina,chile,colombia,peru,venezuela,ecuador,bolivia,"
        + "paraguay,uruguay,guyana,suriname").split(",")) {
      NOT_SHIPPED.put(place, "South America");
    }
    NOT_SHIPPED.put("mexico", "Mexico");
    for (String place : ("norway,switzerland,iceland,new zealand,china,india,south korea,korea,singapore,israel,"
        + "turkey,russia,ukraine,south africa,philippines,indonesia,thailand,vietnam,hong kong,taiwan,egypt,"
        + "nigeria,kenya,puerto rico,guam,cuba,jamaica,bahamas,costa rica,panama,guatemala").split(",")) {
      NOT_SHIPPED.put(place, capitalized(place));
    }
    List<String> names = new ArrayList<>(BY_NAME.keySet());
    names.addAll(NOT_SHIPPED.keySet());
    names.addAll(WHOLE_US);
    names.sort(Comparator.comparingInt(String::length).reversed());
    StringBuilder alternation = new StringBuilder();
    for (String name : names) {
      alternation.append(alternation.length() == 0 ? "" : "|").append(Pattern.quote(name));
    }
    NAMES = Pattern.compile("(?<![\\w.])(" + alternation + ")(?![\\w])");
  }

  private Destinations() {
  }

  public static Optional<Destination> byCode(String code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }

  /** The place the message names: the one after "to" if several, else the last one. */
  public static Optional<Place> find(String message) {
    String lower = message.toLowerCase(Locale.ROOT).replace('’', '\'');
    Place best = null;
    boolean bestAfterTo = false;
    Matcher names = NAMES.matcher(lower);
    while (names.find()) {
      boolean afterTo = lower.substring(Math.max(0, names.start() - 12), names.start()).matches(".*\\bto\\s+(the\\s+)?$");
      if (best == null || afterTo || !bestAfterTo) {
        best = place(names.group(1));
        bestAfterTo = afterTo;
      }
    }
    if (best == null || !bestAfterTo) {
      Matcher codes = STATE_CODE.matcher(message);
      while (codes.find()) {
        String code = codes.group(1) != null ? codes.group(1) : codes.group(2);
        Destination state = BY_CODE.get("US-" + code);
        if (state != null) {
          best = new Place(state.name(), state, false);
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static Place place(String name) {
    Destination destination = BY_NAME.get(name);
    if (destination != null) {
      return new Place(destination.name(), destination, false);
    }
    if (WHOLE_US.contains(name)) {
      return new Place("the United States", null, true);
    }
    return new Place(NOT_SHIPPED.get(name), null, false);
  }

  private static void country(String code, String name, Zone zone, String aliases) {
    Destination destination = new Destination(code, name, zone);
    BY_CODE.put(code, destination);
    for (String alias : aliases.split(",")) {
      BY_NAME.put(alias, destination);
    }
  }

  private static void alias(String name, String code) {
    BY_NAME.put(name, BY_CODE.get(code));
  }

  private static String capitalized(String place) {
    StringBuilder out = new StringBuilder();
    for (String word : place.split(" ")) {
      out.append(out.length() == 0 ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return out.toString();
  }
}
