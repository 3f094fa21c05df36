package org.umbrella.negotiation.analysis;

import java.util.Arrays;

/**
 * The straightforward Pareto frontier: every point checked against every other.
 *
 * <p>Kept as the reference for tests and as the peer the benchmarks measure against; quadratic in
 * the number of points.
 */
public final class PairwiseFrontier {
  private PairwiseFrontier() {}

  /**
   * The indices of the non-dominated points, ascending (same contract as {@link
   * ParetoFrontier#indices}).
   */
  public static int[] indices(double[] points, int n, int d) {
    int[] out = new int[n];
    int size = 0;
    for (int i = 0; i < n; i++) {
      boolean dominated = false;
      for (int j = 0; j < n && !dominated; j++) {
        dominated = j != i && ParetoFrontier.dominates(points, j, i, d);
      }
      if (!dominated) {
        out[size++] = i;
      }
    }
    return Arrays.copyOf(out, size);
  }
}
