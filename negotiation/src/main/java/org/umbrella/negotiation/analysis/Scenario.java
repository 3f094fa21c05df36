package org.umbrella.negotiation.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.umbrella.negotiation.AnalysisLimitException;
import org.umbrella.negotiation.Interval;
import org.umbrella.negotiation.NegotiatedIssue;
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
 * #sample} draws one realisation. Weights are normalised to sum to 1 after drawing (unless the
 * preference uses weights as written, GENIUS's semantics, where utility is capped at 1). Utility of
 * a package is the sum of its options' contributions, added in issue order. Immutable.
 *
 * <p><b>Exact arithmetic.</b> In the point scenario, a party whose weights, values and reservation
 * are decimals (as files write them) gets contributions that are exact: each is the rational {@code
 * w_i / sum(w) x v} of the written decimals, scaled by the party's common denominator {@code D} to
 * a whole number, held in a double (exact below 2^53). {@link #contribution} then returns these
 * scaled whole numbers, sums of them are exact, and equal utilities tie exactly; {@link #scale}
 * gives {@code D}. Where the numbers would not fit (17-digit weights, GENIUS evaluations, Monte
 * Carlo draws) the scale is 1 and contributions are doubles; see docs/negotiation.md.
 */
public final class Scenario {
  /** Tolerance for "utility reaches the reservation": float sums may differ in the last bits. */
  public static final double EPS = 1e-9;

  /**
   * The largest truth table built for one red line (options of the issues it reads, multiplied).
   */
  public static final int MAX_TABLE = 4_000_000;

  private final NegotiationModel model;
  private final double[][][] table;
  private final double[] reservation;
  private final double[] scale;
  private final double[] threshold;
  private final boolean[] capped;
  private final List<CompiledRedLine> redLines;
  private final int[] sizes;

  private Scenario(
      NegotiationModel model,
      double[][][] table,
      double[] reservation,
      List<CompiledRedLine> redLines) {
    this(
        model,
        new Tables(table, ones(reservation.length), thresholds(reservation)),
        reservation,
        redLines);
  }

  private Scenario(
      NegotiationModel model, Tables t, double[] reservation, List<CompiledRedLine> redLines) {
    this.model = model;
    this.table = t.table();
    this.scale = t.scale();
    this.threshold = t.threshold();
    this.reservation = reservation;
    this.redLines = List.copyOf(redLines);
    this.sizes = model.issues().stream().mapToInt(NegotiatedIssue::size).toArray();
    List<String> ids = model.partyIds();
    this.capped = new boolean[ids.size()];
    for (int p = 0; p < capped.length; p++) {
      Preference pref = model.preference(ids.get(p));
      capped[p] = pref != null && !pref.normaliseWeights();
    }
  }

  /** Contribution tables, each party's scale, and the scaled thresholds a utility must reach. */
  record Tables(double[][][] table, double[] scale, double[] threshold) {}

  static double[] ones(int n) {
    double[] o = new double[n];
    Arrays.fill(o, 1);
    return o;
  }

  static double[] thresholds(double[] reservation) {
    double[] t = new double[reservation.length];
    for (int p = 0; p < t.length; p++) {
      t[p] = reservation[p] - EPS;
    }
    return t;
  }

  /**
   * The point-estimate scenario: midpoints of every range.
   *
   * @throws AnalysisLimitException if a red line reads issues with more than {@link #MAX_TABLE}
   *     option combinations
   */
  public static Scenario of(NegotiationModel model) {
    double[] r = ScenarioTables.reservations(model, null);
    return new Scenario(
        model,
        ScenarioTables.exactTables(model, ScenarioTables.tables(model, null), r),
        r,
        compile(model));
  }

  /** One Monte Carlo draw of weights, values and reservations; reuses this scenario's red lines. */
  public Scenario sample(SplittableRandom random) {
    return new Scenario(
        model,
        ScenarioTables.tables(model, random),
        ScenarioTables.reservations(model, random),
        redLines);
  }

  /**
   * A scenario with explicit contribution tables, for importers and benchmarks (red lines from the
   * model).
   */
  public static Scenario ofTables(
      NegotiationModel model, double[][][] table, double[] reservation) {
    return new Scenario(model, table, reservation.clone(), compile(model));
  }

  /**
   * The same model and red lines with other contribution tables and reservations (bounds, draws).
   */
  Scenario withTables(double[][][] t, double[] r) {
    return new Scenario(model, t, r.clone(), redLines);
  }

  /**
   * An optimistic bound for Monte Carlo: every contribution at its largest possible value under any
   * draw (highest weight against the other weights' lowest, highest value), every reservation at
   * its lowest. A package this scenario rejects is rejected by every draw.
   */
  Scenario optimistic() {
    List<String> ids = model.partyIds();
    List<NegotiatedIssue> issues = model.issues();
    double[][][] t = new double[ids.size()][issues.size()][];
    double[] r = new double[ids.size()];
    for (int p = 0; p < ids.size(); p++) {
      Preference pref = model.preference(ids.get(p));
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
        NegotiatedIssue issue = issues.get(i);
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

  /**
   * The contribution of option {@code k} of issue {@code i} to party {@code p}'s utility, times
   * {@link #scale}{@code (p)}: sums of contributions compare exactly with {@link #threshold}.
   */
  public double contribution(int p, int i, int k) {
    return table[p][i][k];
  }

  /**
   * The factor party {@code p}'s contributions are scaled by (a common denominator; 1 when not
   * exact).
   */
  public double scale(int p) {
    return scale[p];
  }

  /**
   * The scaled sum party {@code p}'s contributions must reach for its reservation: exactly the
   * reservation times the scale (less a half, all sums being whole) when exact, else the
   * reservation less {@link #EPS}.
   */
  public double threshold(int p) {
    return threshold[p];
  }

  /**
   * A scaled sum of contributions as the party's utility (capped at 1 under GENIUS's semantics).
   */
  public double utilityOfScaled(int p, double scaledSum) {
    double u = scale[p] == 1 ? scaledSum : scaledSum / scale[p];
    return capped[p] && u > 1 ? 1 : u;
  }

  /** Every party's threshold ({@link #threshold}), in party order. */
  public double[] thresholds() {
    return threshold.clone();
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

  /**
   * Party {@code p}'s utility for a package, summed in issue order (capped at 1 under GENIUS's
   * semantics).
   */
  public double utility(int p, int[] outcome) {
    double u = 0;
    double[][] t = table[p];
    for (int i = 0; i < outcome.length; i++) {
      u += t[i][outcome[i]];
    }
    return utilityOfScaled(p, u);
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
      double u = 0;
      for (int i = 0; i < outcome.length; i++) {
        u += table[p][i][outcome[i]];
      }
      if (u < threshold[p]) {
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

  private static List<CompiledRedLine> compile(NegotiationModel model) {
    CelConditions cel = new CelConditions(model.issues());
    List<String> ids = model.partyIds();
    List<CompiledRedLine> out = new ArrayList<>();
    int[] sizes = model.issues().stream().mapToInt(NegotiatedIssue::size).toArray();
    for (Map.Entry<String, Preference> e : model.preferences().entrySet()) {
      for (RedLine r : e.getValue().redLines()) {
        CelConditions.Result c = cel.compile(r.condition());
        if (c.compiled() == null) {
          throw new IllegalArgumentException(
              "red line does not compile (the loader should have caught it): " + r.condition());
        }
        int[] read = c.compiled().issues();
        long combos = 1;
        for (int i : read) {
          combos *= sizes[i];
          if (combos > MAX_TABLE) {
            throw new AnalysisLimitException(
                "red line at "
                    + r.at()
                    + " reads issues with more than "
                    + MAX_TABLE
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
