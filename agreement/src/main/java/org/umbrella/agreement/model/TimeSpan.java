package org.umbrella.agreement.model;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration written in an agreement file: {@code 30m}, {@code 72h}, {@code 7d}, {@code 2w}, {@code
 * 6mo}, {@code 15y}.
 *
 * <p>Minutes, hours, days and weeks are exact durations (a day is 24 hours). Months and years are
 * calendar units, added on the UTC calendar ({@code 2026-01-31 + 1mo = 2026-02-28}), so a term of
 * {@code 15y} ends on the same calendar day fifteen years later. Values are immutable; the amount
 * is always positive.
 *
 * @param amount how many units, at least 1
 * @param unit the unit
 */
public record TimeSpan(long amount, Unit unit) implements Comparable<TimeSpan> {

  private static final Pattern SYNTAX = Pattern.compile("([0-9]{1,9})(mo|m|h|d|w|y)");

  /** The units of a {@link TimeSpan}, with their symbol in files. */
  public enum Unit {
    MINUTES("m", "minute", false),
    HOURS("h", "hour", false),
    DAYS("d", "day", false),
    WEEKS("w", "week", false),
    MONTHS("mo", "month", true),
    YEARS("y", "year", true);

    private final String symbol;
    private final String word;
    private final boolean calendar;

    Unit(String symbol, String word, boolean calendar) {
      this.symbol = symbol;
      this.word = word;
      this.calendar = calendar;
    }

    /** The symbol used in files: {@code m h d w mo y}. */
    public String symbol() {
      return symbol;
    }

    /** The English word for one unit: {@code hour}. */
    public String word() {
      return word;
    }

    /** Whether the unit is added on the calendar (months, years) rather than as a fixed length. */
    public boolean isCalendar() {
      return calendar;
    }

    static Unit ofSymbol(String symbol) {
      for (Unit u : values()) {
        if (u.symbol.equals(symbol)) {
          return u;
        }
      }
      throw new IllegalArgumentException("no unit " + symbol);
    }
  }

  /**
   * Creates a span.
   *
   * @throws IllegalArgumentException if {@code amount} is not positive
   */
  public TimeSpan {
    Objects.requireNonNull(unit, "unit");
    if (amount <= 0) {
      throw new IllegalArgumentException(
          "a time span must be positive, was " + amount + unit.symbol);
    }
  }

  /**
   * Parses the file syntax: a positive whole number followed by one of {@code m h d w mo y}.
   *
   * @return the span, or empty if {@code text} is not in that syntax or is zero
   */
  public static Optional<TimeSpan> parse(String text) {
    Matcher m = SYNTAX.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    long amount = Long.parseLong(m.group(1));
    return amount == 0
        ? Optional.empty()
        : Optional.of(new TimeSpan(amount, Unit.ofSymbol(m.group(2))));
  }

  /** Shorthand for {@code new TimeSpan(hours, Unit.HOURS)}. */
  public static TimeSpan hours(long hours) {
    return new TimeSpan(hours, Unit.HOURS);
  }

  /** Shorthand for {@code new TimeSpan(days, Unit.DAYS)}. */
  public static TimeSpan days(long days) {
    return new TimeSpan(days, Unit.DAYS);
  }

  /**
   * The instant this span after {@code start}: fixed units add their exact length, calendar units
   * add months or years on the UTC calendar (clamping to the last day of a shorter month).
   */
  public Instant addTo(Instant start) {
    return switch (unit) {
      case MINUTES -> start.plus(Duration.ofMinutes(amount));
      case HOURS -> start.plus(Duration.ofHours(amount));
      case DAYS -> start.plus(Duration.ofDays(amount));
      case WEEKS -> start.plus(Duration.ofDays(7 * amount));
      case MONTHS -> start.atOffset(ZoneOffset.UTC).plusMonths(amount).toInstant();
      case YEARS -> start.atOffset(ZoneOffset.UTC).plusYears(amount).toInstant();
    };
  }

  /** The instant this span before {@code end}, the inverse of {@link #addTo} for fixed units. */
  public Instant subtractFrom(Instant end) {
    return switch (unit) {
      case MINUTES -> end.minus(Duration.ofMinutes(amount));
      case HOURS -> end.minus(Duration.ofHours(amount));
      case DAYS -> end.minus(Duration.ofDays(amount));
      case WEEKS -> end.minus(Duration.ofDays(7 * amount));
      case MONTHS -> end.atOffset(ZoneOffset.UTC).minusMonths(amount).toInstant();
      case YEARS -> end.atOffset(ZoneOffset.UTC).minusYears(amount).toInstant();
    };
  }

  /**
   * The exact length for fixed units; empty for months and years, whose length depends on the date.
   */
  public Optional<Duration> fixedLength() {
    return switch (unit) {
      case MINUTES -> Optional.of(Duration.ofMinutes(amount));
      case HOURS -> Optional.of(Duration.ofHours(amount));
      case DAYS -> Optional.of(Duration.ofDays(amount));
      case WEEKS -> Optional.of(Duration.ofDays(7 * amount));
      case MONTHS, YEARS -> Optional.empty();
    };
  }

  /**
   * An approximate length in hours, used only to order spans of different units (a month is 730 h).
   */
  public double approximateHours() {
    return switch (unit) {
      case MINUTES -> amount / 60.0;
      case HOURS -> amount;
      case DAYS -> amount * 24.0;
      case WEEKS -> amount * 168.0;
      case MONTHS -> amount * 730.485;
      case YEARS -> amount * 8765.82;
    };
  }

  /**
   * Whether this span always has the same length as {@code other}: equal fixed lengths ({@code 3d}
   * and {@code 72h}), or equal calendar lengths ({@code 12mo} and {@code 1y}).
   */
  public boolean isSameLengthAs(TimeSpan other) {
    if (unit.isCalendar() != other.unit.isCalendar()) {
      return false;
    }
    if (unit.isCalendar()) {
      return months() == other.months();
    }
    return fixedLength().equals(other.fixedLength());
  }

  private long months() {
    return unit == Unit.YEARS ? amount * 12 : amount;
  }

  /** Plain English: {@code 72 hours}, {@code 1 day}, {@code 15 years}. */
  public String describe() {
    return amount + " " + unit.word + (amount == 1 ? "" : "s");
  }

  /** Orders by approximate length; equal lengths in different units are ordered by unit. */
  @Override
  public int compareTo(TimeSpan other) {
    int c = Double.compare(approximateHours(), other.approximateHours());
    return c != 0 ? c : unit.compareTo(other.unit);
  }

  /** The file syntax, e.g. {@code 72h}; {@link #parse} reads it back to an equal value. */
  @Override
  public String toString() {
    return amount + unit.symbol;
  }
}
