package org.umbrella.engine.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An instant given in epoch milliseconds, written exactly as {@link Instant#toString()} writes it
 * ({@code 2026-03-01T12:00:00Z}, {@code 2026-03-01T12:00:00.250Z}), without the formatter's
 * objects: the evaluator writes one into every overdue-decision alert, which at sensor rates are
 * tens of thousands a day. Years outside 0000-9999 are left to {@link Instant#toString()}.
 */
final class IsoInstants {
  /** 0000-01-01T00:00:00Z and the last millisecond of 9999. */
  private static final long MIN = -62_167_219_200_000L;

  private static final long MAX = 253_402_300_799_999L;

  private IsoInstants() {}

  static String format(long epochMillis) {
    if (epochMillis < MIN || epochMillis > MAX) {
      return Instant.ofEpochMilli(epochMillis).toString();
    }
    long days = Math.floorDiv(epochMillis, 86_400_000L);
    int millisOfDay = (int) Math.floorMod(epochMillis, 86_400_000L);
    LocalDate date = LocalDate.ofEpochDay(days);
    int millis = millisOfDay % 1000;
    int seconds = millisOfDay / 1000;
    char[] out = new char[millis == 0 ? 20 : 24];
    digits(out, 0, date.getYear(), 4);
    out[4] = '-';
    digits(out, 5, date.getMonthValue(), 2);
    out[7] = '-';
    digits(out, 8, date.getDayOfMonth(), 2);
    out[10] = 'T';
    digits(out, 11, seconds / 3600, 2);
    out[13] = ':';
    digits(out, 14, seconds / 60 % 60, 2);
    out[16] = ':';
    digits(out, 17, seconds % 60, 2);
    if (millis != 0) {
      out[19] = '.';
      digits(out, 20, millis, 3);
    }
    out[out.length - 1] = 'Z';
    return new String(out);
  }

  /** Writes {@code value} (not negative) as {@code width} digits, with leading zeros. */
  private static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
