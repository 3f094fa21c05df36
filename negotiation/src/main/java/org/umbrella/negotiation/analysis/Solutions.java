package org.umbrella.negotiation.analysis;

import java.util.ArrayList;
import java.util.List;

/** The bargaining solution concepts over a frontier; conventions in {@link Solution.Concept}. */
public final class Solutions {
  private Solutions() {}

  /** Product of gains over reservation, gains below zero counted as zero. */
  public static double nashProduct(double[] u, double[] r) {
    double prod = 1;
    for (int p = 0; p < u.length; p++) {
      prod *= Math.max(0, u[p] - r[p]);
    }
    return prod;
  }

  /** GENIUS's asymmetry: the sum over pairs of parties of the absolute utility difference. */
  public static double asymmetry(double[] u) {
    double a = 0;
    for (int i = 0; i < u.length; i++) {
      for (int j = i + 1; j < u.length; j++) {
        a += Math.abs(u[i] - u[j]);
      }
    }
    return a;
  }

  /**
   * Every concept on a non-empty frontier (ordered by package, which breaks remaining ties: the
   * first package wins).
   */
  public static List<Solution> all(List<Point> frontier, double[] r, double[] ideal) {
    List<Solution> out = new ArrayList<>();
    out.add(best(frontier, Solution.Concept.NASH, p -> nashProduct(p, r), p -> 0, true));
    out.add(
        best(
            frontier,
            Solution.Concept.KALAI_SMORODINSKY,
            p -> ksShare(p, r, ideal, true),
            p -> ksShare(p, r, ideal, false),
            true));
    out.add(best(frontier, Solution.Concept.GENIUS_KS, Solutions::asymmetry, p -> 0, false));
    out.add(best(frontier, Solution.Concept.EGALITARIAN, p -> minGain(p, r), Solutions::sum, true));
    out.add(
        best(frontier, Solution.Concept.UTILITARIAN, Solutions::sum, p -> nashProduct(p, r), true));
    return out;
  }

  private interface Score {
    double of(double[] u);
  }

  private static Solution best(
      List<Point> frontier, Solution.Concept c, Score primary, Score tie, boolean maximise) {
    Point best = null;
    double bp = 0;
    double bt = 0;
    for (Point p : frontier) {
      double[] u = p.utilities();
      double v = primary.of(u);
      double t = tie.of(u);
      boolean better = best == null || (maximise ? v > bp : v < bp) || (v == bp && t > bt);
      if (better) {
        best = p;
        bp = v;
        bt = t;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("no solution on an empty frontier");
    }
    return new Solution(c, best, bp);
  }

  private static double ksShare(double[] u, double[] r, double[] ideal, boolean min) {
    double m = Double.POSITIVE_INFINITY;
    double s = 0;
    for (int p = 0; p < u.length; p++) {
      double range = ideal[p] - r[p];
      double share = range <= 0 ? 1 : (u[p] - r[p]) / range;
      m = Math.min(m, share);
      s += share;
    }
    return min ? m : s;
  }

  private static double minGain(double[] u, double[] r) {
    double m = Double.POSITIVE_INFINITY;
    for (int p = 0; p < u.length; p++) {
      m = Math.min(m, u[p] - r[p]);
    }
    return m;
  }

  private static double sum(double[] u) {
    double s = 0;
    for (double x : u) {
      s += x;
    }
    return s;
  }
}
