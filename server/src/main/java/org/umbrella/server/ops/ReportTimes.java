package org.umbrella.server.ops;

import java.time.Duration;
import java.time.Instant;
import org.umbrella.server.app.DomainError;

/**
 * Which claimed event times a report may carry, judged against its record time (the server clock
 * when it is accepted; docs/engine.md, "Time"). A claim later than the record time plus {@code
 * skew} is a typo or a lie (nobody observes the future; the skew absorbs clocks a little apart); a
 * claim earlier than the record time minus {@code horizon} is implausibly old for a live mechanism
 * (history goes through {@code umbrella import}, not the report form). Both are refused with a 400
 * naming {@code /time}, before anything is stored.
 *
 * <p>Event time never moves a deadline (the engine runs on record time), so these limits protect
 * the evidence windows and the people reading the map, not the clock.
 *
 * @param skew how far a claim may lie after its record time (default {@value #DEFAULT_SKEW_MINUTES}
 *     minutes)
 * @param horizon how far a claim may lie before its record time (default {@value
 *     #DEFAULT_HORIZON_DAYS} days)
 */
public record ReportTimes(Duration skew, Duration horizon) {
  public static final long DEFAULT_SKEW_MINUTES = 5;
  public static final long DEFAULT_HORIZON_DAYS = 365;

  public ReportTimes {
    if (skew.isNegative() || horizon.isNegative() || horizon.isZero()) {
      throw new IllegalArgumentException(
          "report time skew must be >= 0 and horizon > 0, were " + skew + " and " + horizon);
    }
  }

  /** Five minutes of skew, a horizon of 365 days. */
  public static ReportTimes defaults() {
    return new ReportTimes(
        Duration.ofMinutes(DEFAULT_SKEW_MINUTES), Duration.ofDays(DEFAULT_HORIZON_DAYS));
  }

  /**
   * {@code claimed} unchanged when plausible for a report recorded at {@code recordedAt}.
   *
   * @throws DomainError 400 naming {@code /time} otherwise
   */
  public Instant check(Instant claimed, Instant recordedAt) {
    Instant latest = recordedAt.plus(skew);
    if (claimed.isAfter(latest)) {
      throw new DomainError.Invalid(
          "/time",
          "time "
              + claimed
              + " is in the future: it is after the time the report is received ("
              + recordedAt
              + ") by more than "
              + human(skew)
              + "; check the year and the time zone (UTC)");
    }
    Instant earliest = recordedAt.minus(horizon);
    if (claimed.isBefore(earliest)) {
      throw new DomainError.Invalid(
          "/time",
          "time "
              + claimed
              + " is implausibly old: more than "
              + human(horizon)
              + " before the time the report is received ("
              + recordedAt
              + "); check the year, or import historical data with 'umbrella import'");
    }
    return claimed;
  }

  private static String human(Duration d) {
    if (d.toDays() > 0 && d.toHours() % 24 == 0) {
      return d.toDays() + " days";
    }
    if (d.toMinutes() > 0 && d.toSeconds() % 60 == 0) {
      return d.toMinutes() + " minutes";
    }
    return d.toSeconds() + " seconds";
  }
}
