package concierge.cache;

import java.util.List;

import static concierge.cache.Meaning.Family.GROUP;
import static concierge.cache.Term.SEP;

/**
 * Who is asking, in the words that change a policy answer: Trailhead Club members and
 * non-members, military and first responders (one discount in store-facts.md, so one class),
 * gift-card payers, international customers, and every other group a customer may name
 * (students, seniors, veterans...), each its own: the shop has no rule for them, which is an
 * answer of its own and not the military one.
 */
final class GroupTerms {

  private GroupTerms() {
  }

  /** Runs before places, so that "outside the us" is a scope and not the United States. */
  static Term international() {
    return Term.of(GROUP, "group:international", "international(?:ly)?|abroad|overseas|worldwide|foreign"
        + "|outside (?:of )?(?:the )?(?:us|usa|united states|country)|(?:other )?countries");
  }

  static List<Term> terms() {
    return List.of(
        Term.of(GROUP, "group:gift-card", "(?:digital |e" + SEP + ")?gift" + SEP + "cards?|giftcards?|gift certificates?"),
        Term.of(GROUP, "group:non-member", "non" + SEP + "members?|nonmembers?"
            + "|not (?:a |yet a )?(?:trailhead (?:club )?|club |loyalty )?members?"
            + "|without (?:a )?(?:trailhead (?:club )?)?membership"),
        Term.of(GROUP, "group:military-first-responder", "military(?: members?| personnel| families| family)?"
            + "|active duty|service (?:members?|men|women)|armed forces|first responders?"),
        Term.of(GROUP, "group:veteran", "veterans?"),
        Term.of(GROUP, "group:student", "(?:college )?students?"),
        Term.of(GROUP, "group:senior", "seniors?(?: citizens?)?|aarp|retirees?"),
        Term.of(GROUP, "group:teacher", "teachers?|educators?"),
        Term.of(GROUP, "group:healthcare", "nurses?|doctors?|healthcare workers?"),
        Term.of(GROUP, "group:firefighter", "firefighters?|fire fighters?"),
        Term.of(GROUP, "group:police", "police(?: officers?)?|law enforcement"),
        Term.of(GROUP, "group:paramedic", "paramedics?|emts?"),
        Term.of(GROUP, "group:employee", "employees?|staff"),
        Term.of(GROUP, "group:child", "kids?|children"),
        Term.of(GROUP, "group:member", "trailhead(?: club)?(?: members?| membership)?"
            + "|loyalty(?: program| club| members?)?|club members?|members?(?:hip)?|rewards? program"),
        Term.of(GROUP, "group:newsletter", "newsletter(?: subscribers?)?|(?:email )?subscribers?"),
        Term.of(GROUP, "group:new-customer", "new customers?|first" + SEP + "time (?:customers?|buyers?|shoppers?)"),
        Term.of(GROUP, "group:guest", "guests?(?: checkout)?"),
        Term.of(GROUP, "group:bulk", "corporate|bulk|wholesale|business (?:customers?|accounts?|orders?|purchases?)"
            + "|for (?:my|our|a) business"));
  }
}
