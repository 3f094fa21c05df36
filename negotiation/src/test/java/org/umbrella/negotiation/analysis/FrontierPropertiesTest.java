package org.umbrella.negotiation.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.umbrella.negotiation.NegotiationModel;

/**
 * The fast analysis (blocks, folding, sort-filter-skyline, bounded counting) agrees with brute
 * force: enumerate every package, filter, compare every pair.
 */
class FrontierPropertiesTest {

  @Property(tries = 300)
  void analyze_randomSmallSpace_frontierEqualsBruteForceFrontier(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 6) int parties) {
    NegotiationModel m = RandomSpaces.model(seed, parties, true);
    Scenario s = Scenario.of(m);
    Analysis a = Analyzer.analyze(s, 3, ProgressListener.NONE);
    List<int[]> acceptable = RandomSpaces.all(s).stream().filter(s::acceptableToAll).toList();
    double[] pts = new double[acceptable.size() * parties];
    for (int i = 0; i < acceptable.size(); i++) {
      System.arraycopy(s.utilities(acceptable.get(i)), 0, pts, i * parties, parties);
    }
    int[] front = PairwiseFrontier.indices(pts, acceptable.size(), parties);
    List<String> expected = new ArrayList<>();
    for (int i : front) {
      expected.add(Arrays.toString(acceptable.get(i)));
    }
    assertThat(a.frontier().stream().map(p -> Arrays.toString(p.outcome())).toList())
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(a.acceptable()).isEqualTo(acceptable.size());
  }

  @Property(tries = 300)
  void analyze_randomSmallSpace_nashMaximisesProductOverWholeAcceptableSet(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 6) int parties) {
    NegotiationModel m = RandomSpaces.model(seed, parties, true);
    Scenario s = Scenario.of(m);
    Analysis a = Analyzer.analyze(s, 0, ProgressListener.NONE);
    double[] r = s.reservations();
    double best =
        RandomSpaces.all(s).stream()
            .filter(s::acceptableToAll)
            .mapToDouble(o -> Solutions.nashProduct(s.utilities(o), r))
            .max()
            .orElse(-1);
    double found =
        a.solution(org.umbrella.negotiation.analysis.Solution.Concept.NASH)
            .map(Solution::score)
            .orElse(-1.0);
    assertThat(found).isEqualTo(best);
  }

  @Property(tries = 500)
  void paretoFrontier_randomPoints_equalsPairwise(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 6) int d,
      @ForAll @IntRange(min = 0, max = 300) int n) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    double[] pts = new double[n * d];
    for (int i = 0; i < pts.length; i++) {
      pts[i] = r.nextInt(6) / 4.0;
    }
    assertThat(ParetoFrontier.indices(pts, n, d))
        .containsExactly(PairwiseFrontier.indices(pts, n, d));
  }
}
