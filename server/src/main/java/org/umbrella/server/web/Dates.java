package org.umbrella.server.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as people read them on the pages: "28 Nov 2026, 19:30 UTC", never nanoseconds. */
public final class Dates {
  private Dates() {}

  private static final DateTimeFormatter HUMAN =
      DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /** {@code t} to the minute in UTC. */
  public static String human(Instant t) {
    return HUMAN.format(t);
  }

  /** The UTC time of day of {@code t}, "19:30". */
  public static String clock(Instant t) {
    return DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC).format(t);
  }

  /** The UTC day of {@code t}. */
  public static String day(Instant t) {
    return DAY.format(t);
  }

  /** "2 h 05 min", "3 d 4 h": how long ago {@code then} was at {@code now}. */
  public static String age(Instant then, Instant now) {
    Duration d = Duration.between(then, now);
    if (d.isNegative()) {
      d = Duration.ZERO;
    }
    if (d.toDays() > 0) {
      return d.toDays() + " d " + d.toHoursPart() + " h";
    }
    return d.toHours() + " h " + String.format(Locale.ROOT, "%02d", d.toMinutesPart()) + " min";
  }
}
