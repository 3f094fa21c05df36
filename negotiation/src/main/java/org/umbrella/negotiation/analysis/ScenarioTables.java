package org.umbrella.negotiation.analysis;

import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.umbrella.negotiation.Interval;
import org.umbrella.negotiation.NegotiatedIssue;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.NumericIssue;
import org.umbrella.negotiation.Preference;
import org.umbrella.negotiation.ValueFunction;

/**
 * How a {@link Scenario}'s numbers are made from a negotiation model: the reservation values, the
 * utility tables (midpoints or one random draw), and their exact form as scaled whole numbers when
 * the written decimals allow it. Not for using the numbers: that is {@link Scenario}.
 */
final class ScenarioTables {
  private ScenarioTables() {}

  /** Largest whole number a double holds exactly, with room for sums. */
  private static final BigInteger EXACT_LIMIT = BigInteger.ONE.shiftLeft(53);

  static double[] reservations(NegotiationModel model, @Nullable SplittableRandom random) {
    List<String> ids = model.partyIds();
    double[] r = new double[ids.size()];
    for (int p = 0; p < r.length; p++) {
      Interval iv = model.preference(ids.get(p)).reservation();
      r[p] = random == null ? iv.mid() : iv.sample(random);
    }
    return r;
  }

  static double[][][] tables(NegotiationModel model, @Nullable SplittableRandom random) {
    List<String> ids = model.partyIds();
    List<NegotiatedIssue> issues = model.issues();
    double[][][] t = new double[ids.size()][issues.size()][];
    for (int p = 0; p < ids.size(); p++) {
      Preference pref = model.preference(ids.get(p));
      double[] w = new double[issues.size()];
      double sum = 0;
      for (int i = 0; i < issues.size(); i++) {
        Interval iv = pref.weights().get(issues.get(i).name());
        w[i] = iv == null ? 0 : random == null ? iv.mid() : iv.sample(random);
        sum += w[i];
      }
      for (int i = 0; i < issues.size(); i++) {
        NegotiatedIssue issue = issues.get(i);
        t[p][i] = new double[issue.size()];
        ValueFunction vf = pref.values().get(issue.name());
        if (vf == null || w[i] == 0 || sum <= 0) {
          continue;
        }
        // Weights that already sum to 1 (GENIUS files) are used as written, so sums round as
        // GENIUS's do.
        double weight = !pref.normaliseWeights() || Math.abs(sum - 1) <= 1e-9 ? w[i] : w[i] / sum;
        // Piecewise-linear values move together (one draw per issue) so the curve keeps its shape;
        // named options are drawn independently.
        double shared = random == null ? 0.5 : random.nextDouble();
        if (vf instanceof ValueFunction.GeniusEvaluations g) {
          double max = g.max();
          for (int k = 0; k < issue.size(); k++) {
            t[p][i][k] = max == 0 ? 0 : (weight * g.evaluation(issue, k)) / max;
          }
          continue;
        }
        for (int k = 0; k < issue.size(); k++) {
          Interval v = vf.value(issue, k);
          double x =
              random == null
                  ? v.mid()
                  : vf instanceof ValueFunction.PiecewiseLinear
                      ? v.low() + shared * (v.high() - v.low())
                      : v.sample(random);
          t[p][i][k] = Scenario.onGrid(weight * x);
        }
      }
    }
    return t;
  }

  /**
   * Replaces, party by party, the double contributions of the point scenario by exact scaled whole
   * numbers when the party's numbers are decimals whose common denominator and largest utility fit
   * below 2^53; other parties keep their doubles (scale 1).
   */
  static Scenario.Tables exactTables(
      NegotiationModel model, double[][][] doubles, double[] reservation) {
    List<String> ids = model.partyIds();
    List<NegotiatedIssue> issues = model.issues();
    double[] scale = Scenario.ones(ids.size());
    double[] threshold = Scenario.thresholds(reservation);
    double[][][] t = doubles;
    boolean copied = false; // copy the tables on the first party whose values are made exact
    for (int p = 0; p < ids.size(); p++) {
      Preference pref = model.preference(ids.get(p));
      Rational[][] c = exactContributions(pref, issues);
      if (c == null) {
        continue;
      }
      Interval res = pref.reservation();
      Rational r = Rational.mid(Rational.decimal(res.low()), Rational.decimal(res.high()));
      BigInteger d = r.den();
      for (Rational[] row : c) {
        for (Rational x : row) {
          d = lcm(d, x.den());
        }
      }
      BigInteger max = BigInteger.ZERO;
      double[][] scaled = new double[issues.size()][];
      boolean fits = d.compareTo(EXACT_LIMIT) < 0;
      for (int i = 0; i < issues.size() && fits; i++) {
        scaled[i] = new double[c[i].length];
        BigInteger best = BigInteger.ZERO;
        for (int k = 0; k < c[i].length; k++) {
          BigInteger n = c[i][k].num().multiply(d.divide(c[i][k].den()));
          best = best.max(n);
          scaled[i][k] = n.doubleValue();
        }
        max = max.add(best);
        fits = max.compareTo(EXACT_LIMIT) < 0;
      }
      if (!fits) {
        continue;
      }
      if (!copied) {
        t = doubles.clone();
        copied = true;
      }
      t[p] = scaled;
      scale[p] = d.doubleValue();
      // u >= r exactly: the sums are whole numbers, so compare with r x D less a half.
      threshold[p] = r.num().multiply(d.divide(r.den())).doubleValue() - 0.5;
    }
    return new Scenario.Tables(t, scale, threshold);
  }

  static BigInteger lcm(BigInteger a, BigInteger b) {
    return a.divide(a.gcd(b)).multiply(b);
  }

  /**
   * Exact contributions (weight share x value) of a party's written decimals, or null when it has
   * GENIUS evaluations.
   */
  static Rational @Nullable [][] exactContributions(Preference pref, List<NegotiatedIssue> issues) {
    Rational[] w = new Rational[issues.size()];
    Rational sum = Rational.ZERO;
    for (int i = 0; i < issues.size(); i++) {
      Interval iv = pref.weights().get(issues.get(i).name());
      w[i] =
          iv == null
              ? Rational.ZERO
              : Rational.mid(Rational.decimal(iv.low()), Rational.decimal(iv.high()));
      sum = sum.plus(w[i]);
    }
    if (sum.num().signum() == 0) {
      return null;
    }
    Rational[][] c = new Rational[issues.size()][];
    for (int i = 0; i < issues.size(); i++) {
      NegotiatedIssue issue = issues.get(i);
      ValueFunction vf = pref.values().get(issue.name());
      c[i] = new Rational[issue.size()];
      if (vf instanceof ValueFunction.GeniusEvaluations) {
        return null;
      }
      Rational share = pref.normaliseWeights() ? w[i].over(sum) : w[i];
      for (int k = 0; k < issue.size(); k++) {
        c[i][k] =
            vf == null || w[i].num().signum() == 0
                ? Rational.ZERO
                : share.times(exactValue(vf, issue, k));
      }
    }
    return c;
  }

  static Rational exactValue(ValueFunction vf, NegotiatedIssue issue, int k) {
    return switch (vf) {
      case ValueFunction.OptionValues o -> {
        Interval v = o.value(issue, k);
        yield Rational.mid(Rational.decimal(v.low()), Rational.decimal(v.high()));
      }
      case ValueFunction.PiecewiseLinear l -> {
        Rational x = Rational.decimal(((NumericIssue) issue).value(k));
        yield Rational.mid(interpolate(l, x, true), interpolate(l, x, false));
      }
      case ValueFunction.GeniusEvaluations g ->
          throw new IllegalStateException("GENIUS evaluations keep GENIUS's arithmetic");
    };
  }

  static Rational interpolate(ValueFunction.PiecewiseLinear l, Rational x, boolean low) {
    List<ValueFunction.Knot> knots = l.knots();
    Function<ValueFunction.Knot, Rational> val =
        kn -> Rational.decimal(low ? kn.value().low() : kn.value().high());
    if (x.compareTo(Rational.decimal(knots.getFirst().x())) <= 0) {
      return val.apply(knots.getFirst());
    }
    if (x.compareTo(Rational.decimal(knots.getLast().x())) >= 0) {
      return val.apply(knots.getLast());
    }
    for (int i = 1; i < knots.size(); i++) {
      Rational bx = Rational.decimal(knots.get(i).x());
      if (x.compareTo(bx) <= 0) {
        Rational ax = Rational.decimal(knots.get(i - 1).x());
        Rational t = x.minus(ax).over(bx.minus(ax));
        Rational va = val.apply(knots.get(i - 1));
        return va.plus(t.times(val.apply(knots.get(i)).minus(va)));
      }
    }
    throw new AssertionError("unreachable: x within knots");
  }
}
