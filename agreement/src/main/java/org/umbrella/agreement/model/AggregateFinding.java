package org.umbrella.agreement.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A finding raised when confirmed findings of another definition accumulate in a sliding window of
 * event time: {@code at-least} of them, or a {@code sum} over their incidents.
 *
 * @param id the key under {@code findings:}
 * @param title a human title, if given
 * @param over the id of the finding aggregated (never, directly or not, this one)
 * @param by whose acts count
 * @param window the sliding window
 * @param threshold when the aggregate holds
 * @param distinctDays if present, the findings must fall on at least this many UTC calendar days
 * @param determinedBy the body that must confirm it, if any
 * @param decideWithin how long the body has to decide, if limited
 * @param cites sources
 */
public record AggregateFinding(
    String id,
    Optional<String> title,
    String over,
    ActorFilter by,
    TimeSpan window,
    Threshold threshold,
    OptionalInt distinctDays,
    Optional<String> determinedBy,
    Optional<TimeSpan> decideWithin,
    List<Citation> cites)
    implements Finding {
  /** Creates the finding; the citation list is copied. */
  public AggregateFinding {
    cites = List.copyOf(cites);
  }

  /** When an aggregate holds. */
  public sealed interface Threshold {
    /**
     * At least {@code atLeast} findings in the window. Written {@code at-least: 25}.
     *
     * @param atLeast at least 1
     */
    record Count(int atLeast) implements Threshold {
      @Override
      public String toString() {
        return "at least " + atLeast + " findings";
      }
    }

    /**
     * The sum of a numeric CEL expression over the incidents of the findings in the window reaches
     * {@code atLeast}. Written {@code sum: { of: incident.fatalities.best, at-least: 10 }}.
     *
     * @param of the expression, of type int or double
     * @param atLeast the threshold
     */
    record Sum(Expression of, double atLeast) implements Threshold {
      @Override
      public String toString() {
        return "sum of " + of.source() + " at least " + AggregateFinding.number(atLeast);
      }
    }
  }

  static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
