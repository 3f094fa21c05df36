package org.umbrella.negotiation.analysis;

import java.util.Arrays;

/**
 * A package and every party's utility for it.
 *
 * @param outcome one option index per issue, in the model's issue order
 * @param utilities one utility per party, in the model's party order
 */
public record Point(int[] outcome, double[] utilities) {
  public Point {
    outcome = outcome.clone();
    utilities = utilities.clone();
  }

  @Override
  public int[] outcome() {
    return outcome.clone();
  }

  @Override
  public double[] utilities() {
    return utilities.clone();
  }

  /** Party {@code p}'s utility. */
  public double utility(int p) {
    return utilities[p];
  }

  /** Euclidean distance in utility space. */
  public double distanceTo(double[] other) {
    double s = 0;
    for (int p = 0; p < utilities.length; p++) {
      double d = utilities[p] - other[p];
      s += d * d;
    }
    return Math.sqrt(s);
  }

  /** The sum of utilities (social welfare). */
  public double welfare() {
    double s = 0;
    for (double u : utilities) {
      s += u;
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Point p
        && Arrays.equals(outcome, p.outcome)
        && Arrays.equals(utilities, p.utilities);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(outcome) * 31 + Arrays.hashCode(utilities);
  }

  @Override
  public String toString() {
    return Arrays.toString(outcome) + Arrays.toString(utilities);
  }
}
