package org.umbrella.negotiation.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.umbrella.negotiation.Draft;
import org.umbrella.negotiation.Interval;
import org.umbrella.negotiation.Location;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.Preference;
import org.umbrella.negotiation.ValueFunction;

/**
 * The analysis against the definitions it implements, recomputed the slow way over every package of
 * small random spaces: counting and visiting the acceptable set, the Nash ranking and the ideal
 * point, the reasons given for an empty set (each claim re-derived from its own definition), and
 * the Monte Carlo odds of {@link Robustness} replayed draw by draw with the same seed.
 */
class AnalysisModelTest {
  /** Whether {@code o} meets every red line but the one at {@code skip} (-1: every one). */
  static boolean redLinesHold(Scenario s, int[] o, int skip) {
    for (int j = 0; j < s.redLines().size(); j++) {
      if (j != skip && !s.redLines().get(j).holds(o)) {
        return false;
      }
    }
    return true;
  }

  /** Acceptable to all with red line {@code skip} dropped, by the point-estimate utilities. */
  static boolean acceptableWithout(Scenario s, int[] o, int skip) {
    if (!redLinesHold(s, o, skip)) {
      return false;
    }
    double[] u = s.utilities(o);
    for (int p = 0; p < s.parties(); p++) {
      if (u[p] < s.reservation(p) - Scenario.EPS) {
        return false;
      }
    }
    return true;
  }

  @Property(tries = 300)
  void countingAndVisiting_findExactlyTheAcceptablePackages(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 5) int parties) {
    Scenario s = Scenario.of(RandomSpaces.model(seed, parties, true));
    List<int[]> all = RandomSpaces.all(s);
    List<String> acceptable =
        all.stream().filter(s::acceptableToAll).map(Arrays::toString).sorted().toList();
    // The definition used here is the scenario's own, restated: red lines, then reservations.
    assertThat(all.stream().filter(o -> acceptableWithout(s, o, -1)).count())
        .isEqualTo(acceptable.size());

    assertThat(Analyzer.countAcceptable(s)).isEqualTo(acceptable.size());
    List<String> visited = new ArrayList<>();
    long seen = Analyzer.forEachAcceptable(s, Long.MAX_VALUE, o -> visited.add(Arrays.toString(o)));
    assertThat(seen).isEqualTo(acceptable.size());
    assertThat(visited.stream().sorted().toList()).isEqualTo(acceptable);

    Analysis a = Analyzer.analyze(s, 1000, ProgressListener.NONE);
    assertThat(a.acceptable()).isEqualTo(acceptable.size());
    assertThat(a.redLineFeasible())
        .isEqualTo(all.stream().filter(o -> redLinesHold(s, o, -1)).count());
    assertThat(a.spaceSize().longValue()).isEqualTo(all.size());
  }

  @Property(tries = 300)
  void theTopPackages_areTheFrontierByNashProduct_andTheIdealIsItsBestPerParty(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 5) int parties,
      @ForAll @IntRange(min = 0, max = 6) int top) {
    Scenario s = Scenario.of(RandomSpaces.model(seed, parties, true));
    Analysis a = Analyzer.analyze(s, top, ProgressListener.NONE);
    double[] r = s.reservations();
    List<Point> expected =
        a.frontier().stream()
            .sorted(
                Comparator.comparingDouble((Point p) -> -Solutions.nashProduct(p.utilities(), r))
                    .thenComparing((x, y) -> Arrays.compare(x.outcome(), y.outcome())))
            .limit(top)
            .toList();
    assertThat(a.top().stream().map(p -> Arrays.toString(p.outcome())).toList())
        .isEqualTo(expected.stream().map(p -> Arrays.toString(p.outcome())).toList());
    if (a.frontier().isEmpty()) {
      assertThat(a.ideal()).isEmpty();
      assertThat(a.solutions()).isEmpty();
      assertThat(a.emptiness()).isNotEmpty();
    } else {
      for (int p = 0; p < parties; p++) {
        int party = p;
        double best = a.frontier().stream().mapToDouble(x -> x.utility(party)).max().orElseThrow();
        assertThat(a.ideal()[p]).isEqualTo(best);
      }
      assertThat(a.emptiness()).isEmpty();
    }
  }

  /** A concept's documented convention ({@link Solution.Concept#convention()}) as a ranking. */
  record Convention(Solution.Concept concept, Comparator<double[]> better) {}

  static double gainProduct(double[] u, double[] r) {
    double x = 1;
    for (int p = 0; p < u.length; p++) {
      x *= Math.max(0, u[p] - r[p]);
    }
    return x;
  }

  static double[] shares(double[] u, double[] r, double[] ideal) {
    double[] s = new double[u.length];
    for (int p = 0; p < u.length; p++) {
      s[p] = ideal[p] - r[p] <= 0 ? 1 : (u[p] - r[p]) / (ideal[p] - r[p]);
    }
    return s;
  }

  static double min(double[] x) {
    return Arrays.stream(x).min().orElseThrow();
  }

  /**
   * Summed in party order, as the analysis sums: {@code DoubleStream.sum} compensates rounding and
   * could order two nearly equal shares differently, which is not what a tie-break means.
   */
  static double total(double[] x) {
    double t = 0;
    for (double v : x) {
      t += v;
    }
    return t;
  }

  static double unevenness(double[] u) {
    double a = 0;
    for (int i = 0; i < u.length; i++) {
      for (int j = i + 1; j < u.length; j++) {
        a += Math.abs(u[i] - u[j]);
      }
    }
    return a;
  }

  static List<Convention> conventions(double[] r, double[] ideal) {
    Comparator<double[]> byGain = Comparator.comparingDouble(u -> -gainProduct(u, r));
    return List.of(
        new Convention(Solution.Concept.NASH, byGain),
        new Convention(
            Solution.Concept.KALAI_SMORODINSKY,
            Comparator.comparingDouble((double[] u) -> -min(shares(u, r, ideal)))
                .thenComparingDouble(u -> -total(shares(u, r, ideal)))),
        new Convention(
            Solution.Concept.GENIUS_KS, Comparator.comparingDouble(AnalysisModelTest::unevenness)),
        new Convention(
            Solution.Concept.EGALITARIAN,
            Comparator.comparingDouble(
                    (double[] u) -> {
                      double m = Double.POSITIVE_INFINITY;
                      for (int p = 0; p < u.length; p++) {
                        m = Math.min(m, u[p] - r[p]);
                      }
                      return -m;
                    })
                .thenComparingDouble(u -> -total(u))),
        new Convention(
            Solution.Concept.UTILITARIAN,
            Comparator.comparingDouble((double[] u) -> -total(u)).thenComparing(byGain)));
  }

  @Property(tries = 300)
  void everySolution_isTheFirstFrontierPackageBestByItsConvention(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 5) int parties) {
    Scenario s = Scenario.of(RandomSpaces.model(seed, parties, true));
    Analysis a = Analyzer.analyze(s, 0, ProgressListener.NONE);
    if (a.frontier().isEmpty()) {
      return;
    }
    for (int k = 1; k < a.frontier().size(); k++) {
      assertThat(Arrays.compare(a.frontier().get(k - 1).outcome(), a.frontier().get(k).outcome()))
          .as("the frontier is ordered by package")
          .isNegative();
    }
    List<Convention> conventions = conventions(s.reservations(), a.ideal());
    assertThat(a.solutions()).hasSameSizeAs(conventions);
    for (int c = 0; c < conventions.size(); c++) {
      Convention convention = conventions.get(c);
      Point expected = a.frontier().getFirst();
      for (Point p : a.frontier()) {
        if (convention.better().compare(p.utilities(), expected.utilities()) < 0) {
          expected = p;
        }
      }
      Solution found = a.solutions().get(c);
      assertThat(found.concept()).isEqualTo(convention.concept());
      assertThat(found.point().outcome())
          .as("%s", convention.concept())
          .isEqualTo(expected.outcome());
    }
    double[] u = a.solution(Solution.Concept.NASH).orElseThrow().point().utilities();
    assertThat(a.solution(Solution.Concept.NASH).orElseThrow().score())
        .isEqualTo(gainProduct(u, s.reservations()));
    double[] g = a.solution(Solution.Concept.GENIUS_KS).orElseThrow().point().utilities();
    assertThat(a.solution(Solution.Concept.GENIUS_KS).orElseThrow().score())
        .isEqualTo(unevenness(g));
  }

  static double distance(double[] a, double[] b) {
    double x = 0;
    for (int p = 0; p < a.length; p++) {
      x += (a[p] - b[p]) * (a[p] - b[p]);
    }
    return Math.sqrt(x);
  }

  static int[] changedIssues(int[] from, int[] to) {
    return IntStream.range(0, from.length).filter(i -> from[i] != to[i]).toArray();
  }

  @Property(tries = 300)
  void aDraftsScore_followsFromItsDefinitions(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int parties) {
    NegotiationModel m = uncertain(seed, parties);
    // the point-estimate model, so that the score's numbers are the scenario's
    Scenario s = Scenario.of(m);
    Analysis a = Analyzer.analyze(s, 0, ProgressListener.NONE);
    List<int[]> all = RandomSpaces.all(s);
    for (DraftScore score : Drafts.score(s, a)) {
      int[] o = score.draft().outcome();
      double[] u = s.utilities(o);
      assertThat(score.utilities()).isEqualTo(u);
      boolean everyone = true;
      for (int p = 0; p < parties; p++) {
        boolean accepts = partyAccepts(s, o, p, -1);
        assertThat(score.accepts()[p]).as("party %d accepts", p).isEqualTo(accepts);
        everyone &= accepts;
      }
      assertThat(score.broken())
          .containsExactlyElementsOf(
              s.redLines().stream().filter(l -> !l.holds(o)).map(CompiledRedLine::source).toList());
      assertThat(score.dominated())
          .isEqualTo(
              a.frontier().stream()
                  .anyMatch(
                      f -> {
                        boolean strictly = false;
                        for (int p = 0; p < parties; p++) {
                          if (f.utility(p) < u[p]) {
                            return false;
                          }
                          strictly |= f.utility(p) > u[p];
                        }
                        return strictly;
                      }));
      if (a.frontier().isEmpty()) {
        assertThat(score.distanceToFrontier()).isNaN();
        assertThat(score.distanceToNash()).isNaN();
      } else {
        assertThat(score.distanceToFrontier())
            .isEqualTo(
                a.frontier().stream()
                    .mapToDouble(f -> distance(f.utilities(), u))
                    .min()
                    .orElseThrow());
        assertThat(score.distanceToNash())
            .isEqualTo(
                distance(a.solution(Solution.Concept.NASH).orElseThrow().point().utilities(), u));
      }
      if (everyone) {
        assertThat(score.repair()).isEmpty();
        assertThat(score.repairNote()).isEmpty();
        continue;
      }
      List<int[]> acceptable = all.stream().filter(s::acceptableToAll).toList();
      if (acceptable.isEmpty()) {
        assertThat(score.repair()).isEmpty();
        assertThat(score.repairNote()).startsWith("no package is acceptable to all");
        continue;
      }
      int fewest =
          acceptable.stream().mapToInt(x -> changedIssues(o, x).length).min().orElseThrow();
      int[] expected = null;
      double bestGain = -1;
      List<int[]> candidates =
          acceptable.stream()
              .filter(x -> changedIssues(o, x).length == fewest)
              .sorted(
                  Comparator.comparing((int[] x) -> changedIssues(o, x), Arrays::compare)
                      .thenComparing(Arrays::compare))
              .toList();
      for (int[] x : candidates) {
        double gain = gainProduct(s.utilities(x), s.reservations());
        if (gain > bestGain) {
          bestGain = gain;
          expected = x;
        }
      }
      DraftScore.Repair repair = score.repair().orElseThrow();
      assertThat(repair.point().outcome()).isEqualTo(expected);
      assertThat(repair.changed())
          .containsExactlyElementsOf(Arrays.stream(changedIssues(o, expected)).boxed().toList());
    }
  }

  @Property(tries = 400)
  void anEmptyAcceptableSet_isExplainedByClaimsThatAreEachTrue(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 5) int parties) {
    Scenario s = Scenario.of(RandomSpaces.model(seed, parties, true));
    List<int[]> all = RandomSpaces.all(s);
    if (all.stream().anyMatch(s::acceptableToAll)) {
      return;
    }
    List<String> why = Analyzer.analyze(s, 3, ProgressListener.NONE).emptiness();
    List<String> expected = new ArrayList<>();
    List<String> ids = s.model().partyIds();
    List<CompiledRedLine> lines = s.redLines();
    for (CompiledRedLine l : lines) {
      if (all.stream().noneMatch(l::holds)) {
        expected.add(Analyzer.name(ids, l) + " can never hold");
      }
    }
    boolean feasible = all.stream().anyMatch(o -> redLinesHold(s, o, -1));
    if (!feasible) {
      for (int x = 0; x < lines.size(); x++) {
        for (int y = x + 1; y < lines.size(); y++) {
          CompiledRedLine a = lines.get(x);
          CompiledRedLine b = lines.get(y);
          if (all.stream().anyMatch(a::holds)
              && all.stream().anyMatch(b::holds)
              && all.stream().noneMatch(o -> a.holds(o) && b.holds(o))) {
            expected.add(
                Analyzer.name(ids, a) + " and " + Analyzer.name(ids, b) + " cannot both hold");
          }
        }
      }
    } else {
      for (int p = 0; p < parties; p++) {
        int party = p;
        double best =
            all.stream()
                .filter(o -> redLinesHold(s, o, -1))
                .mapToDouble(o -> s.utility(party, o))
                .max()
                .orElseThrow();
        if (best < s.reservation(p) - Scenario.EPS) {
          expected.add(
              ids.get(p)
                  + " cannot reach its reservation "
                  + Analyzer.fmt(s.reservation(p))
                  + " within everyone's red lines: its best is "
                  + Analyzer.fmt(best));
        }
      }
    }
    for (int j = 0; j < lines.size(); j++) {
      int skip = j;
      long n = all.stream().filter(o -> acceptableWithout(s, o, skip)).count();
      if (n > 0) {
        expected.add(
            "dropping "
                + Analyzer.name(ids, lines.get(j))
                + " alone would make "
                + n
                + " package(s) acceptable to all");
      }
    }
    if (expected.isEmpty()) {
      expected.add("every party's red lines can be met together");
    }
    assertThat(why).hasSameSizeAs(expected);
    for (int k = 0; k < why.size(); k++) {
      assertThat(why.get(k)).startsWith(expected.get(k));
    }
  }

  /** A random model whose weights, values and reservations are ranges, with drafts. */
  static NegotiationModel uncertain(long seed, int parties) {
    NegotiationModel m = RandomSpaces.model(seed, parties, true);
    SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
    Map<String, Preference> prefs = new LinkedHashMap<>();
    for (Preference p : m.preferences().values()) {
      Map<String, Interval> w = new LinkedHashMap<>();
      p.weights().forEach((k, v) -> w.put(k, widen(v, r, 1.0 / 16, Double.MAX_VALUE)));
      Map<String, ValueFunction> values = new LinkedHashMap<>();
      p.values()
          .forEach(
              (k, v) -> {
                Map<String, Interval> opts = new LinkedHashMap<>();
                ((ValueFunction.OptionValues) v)
                    .values()
                    .forEach((o, x) -> opts.put(o, widen(x, r, 1.0 / 8, 1)));
                values.put(k, new ValueFunction.OptionValues(opts));
              });
      prefs.put(
          p.party(),
          new Preference(
              p.party(),
              w,
              values,
              widen(p.reservation(), r, 1.0 / 8, 1),
              p.redLines(),
              List.of(),
              ""));
    }
    List<Draft> drafts = new ArrayList<>();
    for (int d = 0; d < 3; d++) {
      List<Integer> choices = new ArrayList<>();
      for (int size : Scenario.of(m).sizes()) {
        choices.add(r.nextInt(size));
      }
      drafts.add(new Draft("d" + d, "", choices, List.of(), Location.unknown("random")));
    }
    return new NegotiationModel(
        m.id(), m.title(), m.parties(), m.issues(), prefs, drafts, m.sources(), m.file());
  }

  /** Half of the numbers stay points, so that utilities often equal reservations exactly. */
  static Interval widen(Interval x, SplittableRandom r, double unit, double max) {
    if (r.nextBoolean()) {
      return x;
    }
    return new Interval(x.low(), Math.min(max, x.high() + unit * (1 + r.nextInt(2))));
  }

  @Property(tries = 150)
  void robustness_isTheShareOfDrawsInWhichEveryPartyAccepts(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 4) int parties,
      @ForAll @IntRange(min = 1, max = 25) int samples) {
    NegotiationModel m = uncertain(seed, parties);
    Scenario s = Scenario.of(m);
    Robustness.Result result =
        Robustness.run(s, samples, seed, 10_000, 1_000_000, ProgressListener.NONE);

    List<int[]> all = RandomSpaces.all(s);
    int[] hits = new int[all.size()];
    List<Draft> drafts = m.drafts();
    List<CompiledRedLine> lines = s.redLines();
    int[][] perParty = new int[drafts.size()][parties];
    int[] everyone = new int[drafts.size()];
    int[][] without = new int[drafts.size()][lines.size()];
    SplittableRandom random = new SplittableRandom(seed);
    for (int t = 0; t < samples; t++) {
      Scenario draw = s.sample(random);
      for (int c = 0; c < all.size(); c++) {
        if (redLinesHold(s, all.get(c), -1) && reachesAll(draw, all.get(c))) {
          hits[c]++;
        }
      }
      for (int k = 0; k < drafts.size(); k++) {
        int[] o = drafts.get(k).outcome();
        boolean yesAll = true;
        for (int p = 0; p < parties; p++) {
          boolean yes = partyAccepts(draw, o, p, -1);
          perParty[k][p] += yes ? 1 : 0;
          yesAll &= yes;
        }
        everyone[k] += yesAll ? 1 : 0;
        for (int j = 0; j < lines.size(); j++) {
          boolean yesWithout = true;
          for (int p = 0; p < parties; p++) {
            yesWithout &= partyAccepts(draw, o, p, j);
          }
          without[k][j] += yesWithout ? 1 : 0;
        }
      }
    }

    List<String> expectedTop = new ArrayList<>();
    List<Double> expectedOdds = new ArrayList<>();
    double[] r0 = s.reservations();
    List<Integer> order = new ArrayList<>();
    for (int c = 0; c < all.size(); c++) {
      if (hits[c] > 0) {
        order.add(c);
      }
    }
    order.sort(
        Comparator.comparingInt((Integer c) -> -hits[c])
            .thenComparingDouble(c -> -Solutions.nashProduct(s.utilities(all.get(c)), r0))
            .thenComparing((x, y) -> Arrays.compare(all.get(x), all.get(y))));
    for (int c : order) {
      expectedTop.add(Arrays.toString(all.get(c)));
      expectedOdds.add(hits[c] / (double) samples);
    }
    assertThat(result.top().stream().map(x -> Arrays.toString(x.point().outcome())).toList())
        .isEqualTo(expectedTop);
    assertThat(result.top().stream().map(Robustness.Robust::probability).toList())
        .isEqualTo(expectedOdds);
    assertThat(result.samples()).isEqualTo(samples);
    assertThat(result.seed()).isEqualTo(seed);

    Map<String, Robustness.DraftOdds> byDraft = Robustness.byDraft(result);
    assertThat(byDraft.keySet()).containsExactly("d0", "d1", "d2");
    for (int k = 0; k < drafts.size(); k++) {
      Robustness.DraftOdds odds = byDraft.get(drafts.get(k).id());
      assertThat(odds.all()).as("draft %d, all", k).isEqualTo(everyone[k] / (double) samples);
      for (int p = 0; p < parties; p++) {
        assertThat(odds.perParty()[p])
            .as("draft %d, party %d", k, p)
            .isEqualTo(perParty[k][p] / (double) samples);
      }
      for (int j = 0; j < lines.size(); j++) {
        assertThat(odds.withoutRedLine()[j])
            .as("draft %d without red line %d", k, j)
            .isEqualTo(without[k][j] / (double) samples);
      }
    }
  }

  static boolean reachesAll(Scenario draw, int[] o) {
    double[] u = draw.utilities(o);
    double[] r = draw.reservations();
    for (int p = 0; p < u.length; p++) {
      if (u[p] < r[p] - Scenario.EPS) {
        return false;
      }
    }
    return true;
  }

  /**
   * Party {@code p} accepts: its own red lines (but {@code skip}) hold and it reaches its
   * reservation.
   */
  static boolean partyAccepts(Scenario draw, int[] o, int p, int skip) {
    for (int j = 0; j < draw.redLines().size(); j++) {
      CompiledRedLine l = draw.redLines().get(j);
      if (j != skip && l.party() == p && !l.holds(o)) {
        return false;
      }
    }
    return draw.utilities(o)[p] >= draw.reservations()[p] - Scenario.EPS;
  }

  @Property(tries = 50)
  void robustness_withoutRanking_enumeratesNoCandidate(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int parties) {
    Scenario s = Scenario.of(uncertain(seed, parties));
    Robustness.Result result = Robustness.run(s, 3, seed, 0, 1_000_000, ProgressListener.NONE);
    assertThat(result.candidates()).isZero();
    assertThat(result.top()).isEmpty();
    assertThat(result.drafts()).hasSize(3);
  }
}
