package org.umbrella.bench.negotiation;

import java.util.Arrays;
import org.umbrella.negotiation.analysis.PairwiseFrontier;
import org.umbrella.negotiation.analysis.ParetoFrontier;
import org.umbrella.negotiation.analysis.Scenario;
import org.umbrella.negotiation.analysis.Solutions;

/**
 * The straightforward analysis peers use: enumerate every package (odometer), keep those meeting
 * every red line and reservation, compute their utilities, compare every pair for dominance, then
 * take the Nash package over the frontier. Red lines are checked with the same compiled truth
 * tables, so the comparison measures enumeration and frontier algorithms only.
 */
public final class PairwiseAnalysis {
  private PairwiseAnalysis() {}

  /** Result: frontier size and the Nash product (for checking that both analyses agree). */
  public record Result(int frontier, double nash, int acceptable) {}

  /** Pairwise frontier over the enumerated acceptable set. */
  public static Result pairwise(Scenario s) {
    double[][] acc = enumerate(s);
    return finish(s, acc, PairwiseFrontier.indices(acc[0], (int) acc[1][0], s.parties()));
  }

  /** Same enumeration, sort-filter-skyline frontier (isolates the frontier algorithm's share). */
  public static Result enumerateThenSkyline(Scenario s) {
    double[][] acc = enumerate(s);
    return finish(s, acc, ParetoFrontier.indices(acc[0], (int) acc[1][0], s.parties()));
  }

  private static Result finish(Scenario s, double[][] acc, int[] front) {
    int d = s.parties();
    double[] r = s.reservations();
    double best = -1;
    double[] u = new double[d];
    for (int i : front) {
      System.arraycopy(acc[0], i * d, u, 0, d);
      best = Math.max(best, Solutions.nashProduct(u, r));
    }
    return new Result(front.length, best, (int) acc[1][0]);
  }

  /** Returns {points, {count}}. */
  private static double[][] enumerate(Scenario s) {
    int[] sizes = s.sizes();
    int n = sizes.length;
    int d = s.parties();
    double[] r = s.reservations();
    double[] pts = new double[1 << 16];
    int count = 0;
    int[] o = new int[n];
    double[] u = new double[d];
    while (true) {
      if (s.acceptableToAll(o)) {
        if ((count + 1) * d > pts.length) {
          pts = Arrays.copyOf(pts, pts.length * 2);
        }
        for (int p = 0; p < d; p++) {
          u[p] = s.utility(p, o);
          pts[count * d + p] = u[p];
        }
        count++;
      }
      int i = n - 1;
      while (i >= 0 && ++o[i] == sizes[i]) {
        o[i] = 0;
        i--;
      }
      if (i < 0) {
        break;
      }
    }
    assert r.length == d;
    return new double[][] {pts, {count}};
  }
}
