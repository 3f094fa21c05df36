package org.umbrella.agreement.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Durations in agreement files: fixed units are exact, calendar units follow the UTC calendar. */
class TimeSpanTest {
  @Test
  void parse_everyUnitOfTheContract_isRead() {
    assertThat(TimeSpan.parse("30m")).contains(new TimeSpan(30, TimeSpan.Unit.MINUTES));
    assertThat(TimeSpan.parse("72h")).contains(new TimeSpan(72, TimeSpan.Unit.HOURS));
    assertThat(TimeSpan.parse("7d")).contains(new TimeSpan(7, TimeSpan.Unit.DAYS));
    assertThat(TimeSpan.parse("2w")).contains(new TimeSpan(2, TimeSpan.Unit.WEEKS));
    assertThat(TimeSpan.parse("6mo")).contains(new TimeSpan(6, TimeSpan.Unit.MONTHS));
    assertThat(TimeSpan.parse("15y")).contains(new TimeSpan(15, TimeSpan.Unit.YEARS));
  }

  @Test
  void parse_malformedOrZero_isEmpty() {
    for (String bad :
        new String[] {
          "", "h", "72", "72 h", "72hours", "-3h", "0h", "1.5h", "3D", "1m1h", "9999999999h"
        }) {
      assertThat(TimeSpan.parse(bad)).as(bad).isEqualTo(Optional.empty());
    }
  }

  @Test
  void constructor_nonPositive_isRejectedWithTheValue() {
    assertThatThrownBy(() -> new TimeSpan(-3, TimeSpan.Unit.HOURS))
        .hasMessage("a time span must be positive, was -3h");
  }

  @Test
  void addTo_fixedUnits_addExactLengths() {
    Instant t = Instant.parse("2026-03-28T12:00:00Z");
    assertThat(TimeSpan.parse("72h").orElseThrow().addTo(t))
        .isEqualTo(Instant.parse("2026-03-31T12:00:00Z"));
    assertThat(TimeSpan.parse("2w").orElseThrow().addTo(t))
        .isEqualTo(Instant.parse("2026-04-11T12:00:00Z"));
    assertThat(TimeSpan.parse("30m").orElseThrow().addTo(t))
        .isEqualTo(Instant.parse("2026-03-28T12:30:00Z"));
  }

  @Test
  void addTo_calendarUnits_followTheUtcCalendarAndClampToMonthEnd() {
    assertThat(TimeSpan.parse("1mo").orElseThrow().addTo(Instant.parse("2026-01-31T00:00:00Z")))
        .isEqualTo(Instant.parse("2026-02-28T00:00:00Z"));
    assertThat(TimeSpan.parse("15y").orElseThrow().addTo(Instant.parse("2026-03-01T00:00:00Z")))
        .isEqualTo(Instant.parse("2041-03-01T00:00:00Z"));
    assertThat(TimeSpan.parse("1y").orElseThrow().addTo(Instant.parse("2028-02-29T06:00:00Z")))
        .isEqualTo(Instant.parse("2029-02-28T06:00:00Z"));
  }

  @Test
  void isSameLengthAs_equalLengthsInOtherUnits_areTheSame() {
    assertThat(
            TimeSpan.parse("3d").orElseThrow().isSameLengthAs(TimeSpan.parse("72h").orElseThrow()))
        .isTrue();
    assertThat(
            TimeSpan.parse("12mo").orElseThrow().isSameLengthAs(TimeSpan.parse("1y").orElseThrow()))
        .isTrue();
    assertThat(
            TimeSpan.parse("30d").orElseThrow().isSameLengthAs(TimeSpan.parse("1mo").orElseThrow()))
        .isFalse();
  }

  @Property(tries = 300)
  void toString_parse_roundTrips(
      @ForAll @LongRange(min = 1, max = 999_999_999) long amount, @ForAll TimeSpan.Unit unit) {
    TimeSpan span = new TimeSpan(amount, unit);
    assertThat(TimeSpan.parse(span.toString())).contains(span);
  }

  @Property(tries = 300)
  void subtractFrom_undoesAddTo_forFixedUnits(
      @ForAll @LongRange(min = 1, max = 100_000) long amount,
      @ForAll @LongRange(min = 0, max = 4_000_000_000L) long epochSecond) {
    for (TimeSpan.Unit unit :
        new TimeSpan.Unit[] {
          TimeSpan.Unit.MINUTES, TimeSpan.Unit.HOURS, TimeSpan.Unit.DAYS, TimeSpan.Unit.WEEKS
        }) {
      TimeSpan span = new TimeSpan(amount, unit);
      Instant t = Instant.ofEpochSecond(epochSecond);
      assertThat(span.subtractFrom(span.addTo(t))).isEqualTo(t);
    }
  }
}
