package org.umbrella.negotiation.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.umbrella.negotiation.DiscreteIssue;
import org.umbrella.negotiation.Interval;
import org.umbrella.negotiation.Location;
import org.umbrella.negotiation.NegotiatedIssue;
import org.umbrella.negotiation.NegotiatingParty;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.Preference;
import org.umbrella.negotiation.ValueFunction;

/**
 * Ties that are exact: on spaces whose weights and values are decimals with many equal sums, the
 * analysis's frontier equals a brute force in exact decimal arithmetic (BigDecimal utilities, every
 * package, sort-filter-skyline on exact values), duplicates included.
 */
class ExactTiesTest {

  /**
   * Values on the 0.1 grid, weights in tenths (not always summing to 1): many exactly equal sums.
   */
  static NegotiationModel tieHeavy(
      long seed, int issues, int options, int parties, boolean equalWeights) {
    SplittableRandom r = new SplittableRandom(seed);
    List<NegotiatedIssue> is = new ArrayList<>();
    for (int i = 0; i < issues; i++) {
      List<String> opts = new ArrayList<>();
      for (int k = 0; k < options; k++) {
        opts.add("o" + k);
      }
      is.add(new DiscreteIssue("i" + i, opts, Location.unknown("ties")));
    }
    List<NegotiatingParty> ps = new ArrayList<>();
    Map<String, Preference> prefs = new LinkedHashMap<>();
    for (int p = 0; p < parties; p++) {
      String id = "P" + p;
      ps.add(new NegotiatingParty(id, id, Location.unknown("ties")));
      Map<String, Interval> w = new LinkedHashMap<>();
      Map<String, ValueFunction> v = new LinkedHashMap<>();
      for (int i = 0; i < issues; i++) {
        w.put("i" + i, Interval.point(equalWeights ? 0.2 : (1 + r.nextInt(9)) / 10.0));
        Map<String, Interval> vals = new LinkedHashMap<>();
        for (int k = 0; k < options; k++) {
          vals.put("o" + k, Interval.point(r.nextInt(11) / 10.0));
        }
        v.put("i" + i, new ValueFunction.OptionValues(vals));
      }
      prefs.put(id, new Preference(id, w, v, Interval.point(0), List.of(), List.of(), "ties"));
    }
    return new NegotiationModel("ties", "", ps, is, prefs, List.of(), Map.of(), "ties");
  }

  /** Every package's exact utilities (normalised weights), then the exact Pareto frontier. */
  static List<String> exactFrontier(NegotiationModel m) {
    List<NegotiatedIssue> is = m.issues();
    List<String> ids = m.partyIds();
    int n = 1;
    for (NegotiatedIssue i : is) {
      n *= i.size();
    }
    int d = ids.size();
    BigDecimal[][] u = new BigDecimal[n][d];
    int[][] outcomes = new int[n][];
    for (int c = 0; c < n; c++) {
      int[] o = new int[is.size()];
      int x = c;
      for (int i = is.size() - 1; i >= 0; i--) {
        o[i] = x % is.get(i).size();
        x /= is.get(i).size();
      }
      outcomes[c] = o;
      for (int p = 0; p < d; p++) {
        Preference pref = m.preferences().get(ids.get(p));
        BigDecimal sumW = BigDecimal.ZERO;
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < is.size(); i++) {
          BigDecimal w =
              new BigDecimal(Double.toString(pref.weights().get(is.get(i).name()).mid()));
          sumW = sumW.add(w);
          s =
              s.add(
                  w.multiply(
                      new BigDecimal(
                          Double.toString(
                              pref.values().get(is.get(i).name()).value(is.get(i), o[i]).mid()))));
        }
        // Compare s / sumW across packages: sumW is the same for every package of a party, so s
        // orders them exactly.
        u[c][p] = s;
      }
    }
    // Sort by exact sum descending; a package can only be dominated by one sorted before it.
    Integer[] order = new Integer[n];
    for (int c = 0; c < n; c++) {
      order[c] = c;
    }
    java.util.Arrays.sort(order, (a, b) -> sum(u[b]).compareTo(sum(u[a])));
    List<Integer> front = new ArrayList<>();
    for (int c : order) {
      boolean dominated = false;
      for (int f : front) {
        if (dominates(u[f], u[c])) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        front.add(c);
      }
    }
    return front.stream().map(c -> java.util.Arrays.toString(outcomes[c])).sorted().toList();
  }

  private static BigDecimal sum(BigDecimal[] u) {
    BigDecimal s = BigDecimal.ZERO;
    for (BigDecimal x : u) {
      s = s.add(x);
    }
    return s;
  }

  private static boolean dominates(BigDecimal[] a, BigDecimal[] b) {
    boolean better = false;
    for (int k = 0; k < a.length; k++) {
      int c = a[k].compareTo(b[k]);
      if (c < 0) {
        return false;
      }
      better |= c > 0;
    }
    return better;
  }

  static List<String> analysed(NegotiationModel m) {
    Analysis a = Analyzer.analyze(Scenario.of(m), 0, ProgressListener.NONE);
    return a.frontier().stream().map(p -> java.util.Arrays.toString(p.outcome())).sorted().toList();
  }

  @Property(tries = 200)
  void analyze_tieHeavyDecimalSpace_frontierEqualsExactRationalBruteForce(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 5) int parties,
      @ForAll @IntRange(min = 1, max = 4) int issues,
      @ForAll boolean equalWeights) {
    NegotiationModel m = tieHeavy(seed, issues, 4, parties, equalWeights);
    assertThat(analysed(m)).containsExactlyElementsOf(exactFrontier(m));
  }

  @Test
  void scenario_equalSumsOfDecimalProducts_tieExactly() {
    // 0.1 x 0.3 + 0.1 x 0.7 and 0.1 x 0.5 + 0.1 x 0.5 are both 0.1; each product rounded to 2^-40
    // they differ (0.0999999999994543 against 0.1000000000003638).
    NegotiationModel m = tieHeavy(1, 2, 2, 2, true);
    Scenario s = Scenario.of(m);
    double a = s.contribution(0, 0, 0) + s.contribution(0, 1, 0);
    double twice = Scenario.onGrid(0.1 * 0.5) * 2;
    assertThat(Scenario.onGrid(0.1 * 0.3) + Scenario.onGrid(0.1 * 0.7))
        .as("the old grid arithmetic")
        .isNotEqualTo(twice);
    NegotiationModel tenth =
        model2(new double[] {0.1, 0.1, 0.8}, new double[][] {{0.3, 0.5}, {0.7, 0.5}, {0, 0}});
    Scenario t = Scenario.of(tenth);
    assertThat(t.contribution(0, 0, 0) + t.contribution(0, 1, 0))
        .isEqualTo(t.contribution(0, 0, 1) + t.contribution(0, 1, 1));
    assertThat(t.utility(0, new int[] {0, 0, 0})).isEqualTo(t.utility(0, new int[] {1, 1, 0}));
    assertThat(a).isEqualTo(Math.rint(a)).as("exact scaled whole number");
    assertThat(s.scale(0)).isGreaterThan(1);
  }

  /** One party, three issues of two options, the given weights and values. */
  private static NegotiationModel model2(double[] weights, double[][] values) {
    List<NegotiatedIssue> is = new ArrayList<>();
    Map<String, Interval> w = new LinkedHashMap<>();
    Map<String, ValueFunction> v = new LinkedHashMap<>();
    for (int i = 0; i < weights.length; i++) {
      is.add(new DiscreteIssue("i" + i, List.of("o0", "o1"), Location.unknown("t")));
      w.put("i" + i, Interval.point(weights[i]));
      v.put(
          "i" + i,
          new ValueFunction.OptionValues(
              Map.of("o0", Interval.point(values[i][0]), "o1", Interval.point(values[i][1]))));
    }
    List<NegotiatingParty> ps =
        List.of(
            new NegotiatingParty("A", "A", Location.unknown("t")),
            new NegotiatingParty("B", "B", Location.unknown("t")));
    Map<String, Preference> prefs = new LinkedHashMap<>();
    prefs.put("A", new Preference("A", w, v, Interval.point(0), List.of(), List.of(), "t"));
    prefs.put("B", new Preference("B", w, v, Interval.point(0), List.of(), List.of(), "t"));
    return new NegotiationModel("t", "", ps, is, prefs, List.of(), Map.of(), "t");
  }

  // A size test (10^5 packages, exact rational brute force): left out of mutation runs, which
  // would repeat it for every mutant of Analyzer and Scenario (docs/quality.md).
  @Tag("slow")
  @Test
  void analyze_1e5x5EqualWeightsTenthsGrid_frontierSizeIsExact() {
    // The space of issue 13: 5 issues x 10 options, 5 parties, equal weights, values on the 0.1
    // grid.
    NegotiationModel m = tieHeavy(13, 5, 10, 5, true);
    List<String> exact = exactFrontier(m);
    List<String> found = analysed(m);
    assertThat(found).containsExactlyElementsOf(exact);
    // Rounding each contribution to 2^-40 instead keeps dominated packages (the defect fixed here).
    Scenario s = Scenario.of(m);
    double[][][] grid = new double[5][5][10];
    for (int p = 0; p < 5; p++) {
      for (int i = 0; i < 5; i++) {
        for (int k = 0; k < 10; k++) {
          grid[p][i][k] =
              Scenario.onGrid(
                  0.2
                      * ((ValueFunction.OptionValues)
                              m.preferences().get("P" + p).values().get("i" + i))
                          .values()
                          .get("o" + k)
                          .mid());
        }
      }
    }
    int rounded =
        Analyzer.analyze(Scenario.ofTables(m, grid, s.reservations()), 0, ProgressListener.NONE)
            .frontier()
            .size();
    System.out.printf(
        "1e5x5 tenths grid: exact frontier %d, rounded-to-2^-40 frontier %d%n",
        exact.size(), rounded);
    assertThat(rounded).isGreaterThan(exact.size());
  }
}
