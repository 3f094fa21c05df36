package org.umbrella.negotiation.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.umbrella.negotiation.AnalysisLimitException;
import org.umbrella.negotiation.Interval;
import org.umbrella.negotiation.Issue;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.Preference;
import org.umbrella.negotiation.RedLine;
import org.umbrella.negotiation.ValueFunction;
import org.umbrella.negotiation.internal.CelConditions;

/**
 * A negotiation model made numeric: per party, per issue, per option the utility contribution
 * (normalised weight x value), the reservation values, and red lines as truth tables.
 *
 * <p>{@link #of} uses the midpoints of all uncertain weights, values and reservations; {@link
 * #sample} draws one realisation. Weights are normalised to sum to 1 after drawing. Utility of a
 * package is the sum of its options' contributions, added in issue order. Immutable.
 */
public final class Scenario {
  /** Tolerance for "utility reaches the reservation": float sums may differ in the last bits. */
  public static final double EPS = 1e-9;
  /** The largest truth table built for one red line (options of the issues it reads, multiplied). */
  public static final int MAX_TABLE = 4_000_000;

  private final NegotiationModel model;
  private final double[][][] table;
  private final double[] reservation;
  private final List<CompiledRedLine> redLines;
  private final int[] sizes;

  private Scenario(NegotiationModel model, double[][][] table, double[] reservation, List<CompiledRedLine> redLines) {
    this.model = model;
    this.table = table;
    this.reservation = reservation;
    this.redLines = List.copyOf(redLines);
    this.sizes = model.issues().stream().mapToInt(Issue::size).toArray();
  }

  /**
   * The point-estimate scenario: midpoints of every range.
   *
   * @throws AnalysisLimitException if a red line reads issues with more than {@link #MAX_TABLE} option combinations
   */
  public static Scenario of(NegotiationModel model) {
    return new Scenario(model, tables(model, null), reservations(model, null), compile(model));
  }

  /** One Monte Carlo draw of weights, values and reservations; reuses this scenario's red lines. */
  public Scenario sample(SplittableRandom random) {
    return new Scenario(model, tables(model, random), reservations(model, random), redLines);
  }

  /** A scenario with explicit contribution tables, for importers and benchmarks (red lines from the model). */
  public static Scenario ofTables(NegotiationModel model, double[][][] table, double[] reservation) {
    return new Scenario(model, table, reservation.clone(), compile(model));
  }

  /** The same model and red lines with other contribution tables and reservations (bounds, draws). */
  Scenario withTables(double[][][] t, double[] r) {
    return new Scenario(model, t, r.clone(), redLines);
  }

  /**
   * An optimistic bound for Monte Carlo: every contribution at its largest possible value under
   * any draw (highest weight against the other weights' lowest, highest value), every reservation
   * at its lowest. A package this scenario rejects is rejected by every draw.
   */
  Scenario optimistic() {
    List<String> ids = model.partyIds();
    List<Issue> issues = model.issues();
    double[][][] t = new double[ids.size()][issues.size()][];
    double[] r = new double[ids.size()];
    for (int p = 0; p < ids.size(); p++) {
      Preference pref = model.preferences().get(ids.get(p));
      r[p] = pref.reservation().low();
      double lowSum = 0;
      double[] lo = new double[issues.size()];
      double[] hi = new double[issues.size()];
      for (int i = 0; i < issues.size(); i++) {
        Interval iv = pref.weights().get(issues.get(i).name());
        lo[i] = iv == null ? 0 : iv.low();
        hi[i] = iv == null ? 0 : iv.high();
        lowSum += lo[i];
      }
      for (int i = 0; i < issues.size(); i++) {
        Issue issue = issues.get(i);
        t[p][i] = new double[issue.size()];
        ValueFunction vf = pref.values().get(issue.name());
        double denominator = lowSum - lo[i] + hi[i];
        if (vf == null || hi[i] == 0 || denominator <= 0) {
          continue;
        }
        // Draws with a sum within 1e-9 of 1 skip normalisation; allow for that slack too.
        double w = Math.min(1, hi[i] / denominator) * (1 + 1e-8);
        for (int k = 0; k < issue.size(); k++) {
          t[p][i][k] = w * vf.value(issue, k).high();
        }
      }
    }
    return new Scenario(model, t, r, redLines);
  }

  public NegotiationModel model() {
    return model;
  }

  /** Number of parties. */
  public int parties() {
    return table.length;
  }

  /** Number of issues. */
  public int issues() {
    return sizes.length;
  }

  /** Options per issue. */
  public int[] sizes() {
    return sizes.clone();
  }

  /** The contribution of option {@code k} of issue {@code i} to party {@code p}'s utility. */
  public double contribution(int p, int i, int k) {
    return table[p][i][k];
  }

  /** Party {@code p}'s reservation value. */
  public double reservation(int p) {
    return reservation[p];
  }

  /** All reservation values, in party order. */
  public double[] reservations() {
    return reservation.clone();
  }

  /** The compiled red lines of all parties. */
  public List<CompiledRedLine> redLines() {
    return redLines;
  }

  /** Party {@code p}'s utility for a package, summed in issue order. */
  public double utility(int p, int[] outcome) {
    double u = 0;
    double[][] t = table[p];
    for (int i = 0; i < outcome.length; i++) {
      u += t[i][outcome[i]];
    }
    return u;
  }

  /** Every party's utility for a package. */
  public double[] utilities(int[] outcome) {
    double[] u = new double[table.length];
    for (int p = 0; p < u.length; p++) {
      u[p] = utility(p, outcome);
    }
    return u;
  }

  /** The red lines a package breaks, in declaration order. */
  public List<RedLine> broken(int[] outcome) {
    List<RedLine> b = new ArrayList<>();
    for (CompiledRedLine r : redLines) {
      if (!r.holds(outcome)) {
        b.add(r.source());
      }
    }
    return b;
  }

  /** Whether every red line holds and every party reaches its reservation (within {@link #EPS}). */
  public boolean acceptableToAll(int[] outcome) {
    for (CompiledRedLine r : redLines) {
      if (!r.holds(outcome)) {
        return false;
      }
    }
    for (int p = 0; p < table.length; p++) {
      if (utility(p, outcome) < reservation[p] - EPS) {
        return false;
      }
    }
    return true;
  }

  /**
   * Rounds a contribution to a multiple of 2^-40. Sums of such numbers below 2^12 are exact in
   * double precision, so utilities do not depend on the order of addition and packages whose
   * utilities are equal in exact arithmetic tie exactly (the error is at most 2^-41 per issue).
   */
  static double onGrid(double x) {
    return Math.scalb(Math.rint(Math.scalb(x, 40)), -40);
  }

  private static double[] reservations(NegotiationModel model, SplittableRandom random) {
    List<String> ids = model.partyIds();
    double[] r = new double[ids.size()];
    for (int p = 0; p < r.length; p++) {
      Interval iv = model.preferences().get(ids.get(p)).reservation();
      r[p] = random == null ? iv.mid() : iv.sample(random);
    }
    return r;
  }

  private static double[][][] tables(NegotiationModel model, SplittableRandom random) {
    List<String> ids = model.partyIds();
    List<Issue> issues = model.issues();
    double[][][] t = new double[ids.size()][issues.size()][];
    for (int p = 0; p < ids.size(); p++) {
      Preference pref = model.preferences().get(ids.get(p));
      double[] w = new double[issues.size()];
      double sum = 0;
      for (int i = 0; i < issues.size(); i++) {
        Interval iv = pref.weights().get(issues.get(i).name());
        w[i] = iv == null ? 0 : random == null ? iv.mid() : iv.sample(random);
        sum += w[i];
      }
      for (int i = 0; i < issues.size(); i++) {
        Issue issue = issues.get(i);
        t[p][i] = new double[issue.size()];
        ValueFunction vf = pref.values().get(issue.name());
        if (vf == null || w[i] == 0 || sum <= 0) {
          continue;
        }
        // Weights that already sum to 1 (GENIUS files) are used as written, so sums round as GENIUS's do.
        double weight = Math.abs(sum - 1) <= 1e-9 ? w[i] : w[i] / sum;
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
          double x = random == null ? v.mid()
              : vf instanceof ValueFunction.PiecewiseLinear ? v.low() + shared * (v.high() - v.low()) : v.sample(random);
          t[p][i][k] = onGrid(weight * x);
        }
      }
    }
    return t;
  }

  private static List<CompiledRedLine> compile(NegotiationModel model) {
    CelConditions cel = new CelConditions(model.issues());
    List<String> ids = model.partyIds();
    List<CompiledRedLine> out = new ArrayList<>();
    int[] sizes = model.issues().stream().mapToInt(Issue::size).toArray();
    for (Map.Entry<String, Preference> e : model.preferences().entrySet()) {
      for (RedLine r : e.getValue().redLines()) {
        CelConditions.Result c = cel.compile(r.condition());
        if (c.compiled() == null) {
          throw new IllegalArgumentException("red line does not compile (the loader should have caught it): " + r.condition());
        }
        int[] read = c.compiled().issues();
        long combos = 1;
        for (int i : read) {
          combos *= sizes[i];
          if (combos > MAX_TABLE) {
            throw new AnalysisLimitException("red line at " + r.at() + " reads issues with more than " + MAX_TABLE
                + " option combinations; split it into conditions that each read fewer issues");
          }
        }
        int[] strides = new int[read.length];
        int stride = 1;
        for (int j = read.length - 1; j >= 0; j--) {
          strides[j] = stride;
          stride *= sizes[read[j]];
        }
        BitSet table = new BitSet((int) combos);
        int[] outcome = new int[sizes.length];
        int[] digits = new int[read.length];
        for (int idx = 0; idx < combos; idx++) {
          for (int j = 0; j < read.length; j++) {
            outcome[read[j]] = digits[j];
          }
          if (c.compiled().test(cel.variables(outcome))) {
            table.set(idx);
          }
          for (int j = read.length - 1; j >= 0; j--) {
            if (++digits[j] < sizes[read[j]]) {
              break;
            }
            digits[j] = 0;
          }
        }
        out.add(new CompiledRedLine(r, ids.indexOf(e.getKey()), read, strides, table));
      }
    }
    return out;
  }
}
