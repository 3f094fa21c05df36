package org.umbrella.evidence.importers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Date parsing shared by the importers; every date is the start of that UTC day. */
final class SourceDates {
  private static final DateTimeFormatter DAY_MONTH_YEAR =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("d MMMM uuuu")
          .toFormatter(Locale.ENGLISH);
  private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

  private SourceDates() {}

  /**
   * Parses {@code 2023-10-13}, {@code 2023-10-13 00:00:00.000} (GED's database export), {@code 13
   * October 2023} (older ACLED exports) or {@code 20231013} (VIINA) to the start of that UTC day.
   */
  static Instant startOfDay(String column, String value) {
    String v = value.trim();
    try {
      LocalDate d;
      if (v.length() >= 10 && v.charAt(4) == '-') {
        d = LocalDate.parse(v.substring(0, 10));
      } else if (v.length() == 8 && v.chars().allMatch(Character::isDigit)) {
        d = LocalDate.parse(v, COMPACT);
      } else {
        d = LocalDate.parse(v, DAY_MONTH_YEAR);
      }
      return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new RowException(
          column
              + " is not a date (expected YYYY-MM-DD, YYYYMMDD or '13 October 2023'): '"
              + v
              + "'");
    }
  }
}
