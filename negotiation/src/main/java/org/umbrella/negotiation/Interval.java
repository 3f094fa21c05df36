package org.umbrella.negotiation;

import java.util.SplittableRandom;

/**
 * A closed interval of numbers, used for uncertain weights, values and reservation values.
 *
 * <p>A point is an interval with {@code low == high}. Point analyses use {@link #mid()}; Monte
 * Carlo draws uniformly from the interval.
 */
public record Interval(double low, double high) {
  /** Validates {@code low <= high}, both finite. */
  public Interval {
    if (!(Double.isFinite(low) && Double.isFinite(high)) || low > high) {
      throw new IllegalArgumentException(
          "interval must be finite with low <= high, was [" + low + ", " + high + "]");
    }
  }

  /** The interval holding just {@code x}. */
  public static Interval point(double x) {
    return new Interval(x, x);
  }

  /** The midpoint, the value point analyses use. */
  public double mid() {
    return low == high ? low : (low + high) / 2;
  }

  /** Whether the interval holds one value. */
  public boolean isPoint() {
    return low == high;
  }

  /** A uniform draw from the interval (the point itself when it is one). */
  public double sample(SplittableRandom random) {
    return low == high ? low : low + (high - low) * random.nextDouble();
  }

  @Override
  public String toString() {
    return isPoint() ? Double.toString(low) : "[" + low + ", " + high + "]";
  }
}
