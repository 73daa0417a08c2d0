package concierge.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as the shop states them (Pacific time, "March 14"), and the return window: 30 days from
 * delivery, 60 for Trailhead Club members, and items delivered November 15 - December 24 until
 * January 31 of the next year (whichever is later).
 */
public final class ShopCalendar {

  public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d", Locale.US);

  private ShopCalendar() {
  }

  public static String day(long epochMillis) {
    return DAY.format(date(epochMillis));
  }

  public static String day(LocalDate date) {
    return DAY.format(date);
  }

  public static LocalDate date(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atZone(ZONE).toLocalDate();
  }

  public static int returnDays(boolean member) {
    return member ? 60 : 30;
  }

  public static LocalDate lastReturnDay(long deliveredAt, boolean member) {
    LocalDate delivered = date(deliveredAt);
    LocalDate last = delivered.plusDays(returnDays(member));
    MonthDay day = MonthDay.from(delivered);
    if (!day.isBefore(MonthDay.of(11, 15)) && !day.isAfter(MonthDay.of(12, 24))) {
      LocalDate holiday = LocalDate.of(delivered.getYear() + 1, 1, 31);
      return holiday.isAfter(last) ? holiday : last;
    }
    return last;
  }
}
