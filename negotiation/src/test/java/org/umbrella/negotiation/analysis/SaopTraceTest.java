package org.umbrella.negotiation.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.umbrella.negotiation.simulation.Saop;
import org.umbrella.negotiation.simulation.Simulation;
import org.umbrella.negotiation.simulation.Step;
import org.umbrella.negotiation.simulation.Strategy;

/**
 * The stacked alternating offers protocol step by step, as its documentation states it: each offer
 * is worth the offerer's target (or is its best package when none is), a time-dependent party's
 * targets never rise, an acceptance meets the acceptor's target and reservation, and an agreement
 * is the standing offer that every other party accepted in a row.
 */
class SaopTraceTest {
  static final Pattern TARGET = Pattern.compile("target (\\d+\\.\\d+)");

  static double target(Step step) {
    Matcher m = TARGET.matcher(step.note());
    assertThat(m.find()).as("a target in '%s'", step.note()).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Property(tries = 60)
  void everyStep_followsTheProtocol(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 4) int parties,
      @ForAll Strategy strategy) {
    Scenario s = Scenario.of(RandomSpaces.model(seed, parties, true));
    List<Point> frontier = Analyzer.feasibleFrontier(s);
    Simulation sim = Saop.run(s, Collections.nCopies(parties, strategy), 12, seed);
    List<String> ids = s.model().partyIds();
    Map<String, Double> lastTarget = new HashMap<>();
    int acceptsInARow = 0;
    Point standing = null;
    for (Step step : sim.trace()) {
      int p = ids.indexOf(step.party());
      switch (step.action()) {
        case OFFER -> {
          double t = target(step);
          double own = step.point().utility(p);
          double best = frontier.stream().mapToDouble(x -> x.utility(p)).max().orElseThrow();
          // the offer meets the target (4 decimals in the note), or is the party's best package
          assertThat(own >= t - 1e-4 || Math.abs(own - best) < 1e-9)
              .as("%s offers %.6f against target %.4f (best %.6f)", step.party(), own, t, best)
              .isTrue();
          assertThat(frontier).contains(step.point());
          if (strategy != Strategy.TIT_FOR_TAT && lastTarget.containsKey(step.party())) {
            assertThat(t).isLessThanOrEqualTo(lastTarget.get(step.party()) + 1e-4);
          }
          lastTarget.put(step.party(), t);
          standing = step.point();
          acceptsInARow = 0;
        }
        case ACCEPT -> {
          assertThat(step.point()).isEqualTo(standing);
          assertThat(step.point().utility(p)).isGreaterThanOrEqualTo(target(step) - 1e-4);
          assertThat(step.point().utility(p)).isGreaterThanOrEqualTo(s.reservation(p) - 1e-9);
          acceptsInARow++;
        }
        case AGREEMENT -> {
          assertThat(acceptsInARow).isEqualTo(parties - 1);
          assertThat(step.point()).isEqualTo(standing);
          assertThat(sim.agreement()).contains(standing);
        }
        case DEADLINE -> assertThat(sim.agreement()).isEmpty();
        default -> throw new AssertionError("SAOP has no step " + step.action());
      }
    }
    assertThat(sim.trace().getLast().action()).isIn(Step.Action.AGREEMENT, Step.Action.DEADLINE);
  }

  /**
   * Every target in the trace is the documented one: for a time-dependent strategy {@code min +
   * (max - min) * (1 - t^(1/e))} with t the turn's share of the deadline, max the party's best
   * frontier package and min the larger of its reservation and its worst one; for tit-for-tat its
   * best minus what the others conceded to it. And an offer is, among the packages worth the
   * target, one of the closest to it (within 0.01).
   */
  @Property(tries = 60)
  void everyTarget_isTheDocumentedOne(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 4) int parties,
      @ForAll Strategy strategy,
      @ForAll @IntRange(min = 1, max = 8) int rounds) {
    Scenario s = Scenario.of(RandomSpaces.model(seed, parties, true));
    List<Point> frontier = Analyzer.feasibleFrontier(s);
    Simulation sim = Saop.run(s, Collections.nCopies(parties, strategy), rounds, seed);
    if (frontier.isEmpty()) {
      assertThat(sim.trace())
          .singleElement()
          .extracting(Step::action)
          .isEqualTo(Step.Action.DEADLINE);
      return;
    }
    double[] max = new double[parties];
    double[] min = new double[parties];
    for (int p = 0; p < parties; p++) {
      int q = p;
      max[p] = frontier.stream().mapToDouble(x -> x.utility(q)).max().orElseThrow();
      double worst = frontier.stream().mapToDouble(x -> x.utility(q)).min().orElseThrow();
      min[p] = Math.min(max[p], Math.max(s.reservation(p), worst));
    }
    for (int p = 0; p < parties; p++) {
      if (max[p] < s.reservation(p) - Scenario.EPS) {
        // the first party that cannot reach its reservation walks away before any offer
        String walker = s.model().partyIds().get(p);
        assertThat(sim.trace())
            .singleElement()
            .satisfies(
                step -> {
                  assertThat(step.action()).isEqualTo(Step.Action.DEADLINE);
                  assertThat(step.note()).contains(walker + " walks away");
                });
        return;
      }
    }
    List<String> ids = s.model().partyIds();
    int turns = rounds * parties;
    double[] first = new double[parties];
    double[] best = new double[parties];
    Arrays.fill(first, Double.NaN);
    Point standing = null;
    int turn = 0;
    for (Step step : sim.trace()) {
      if (step.action() != Step.Action.OFFER && step.action() != Step.Action.ACCEPT) {
        continue;
      }
      int p = turn % parties;
      assertThat(step.party()).isEqualTo(ids.get(p));
      assertThat(step.round()).isEqualTo(turn / parties + 1);
      if (standing != null) {
        double u = standing.utility(p);
        if (Double.isNaN(first[p])) {
          first[p] = u;
          best[p] = u;
        }
        best[p] = Math.max(best[p], u);
      }
      double t = turn / (double) Math.max(1, turns - 1);
      double expected =
          strategy == Strategy.TIT_FOR_TAT
              ? Math.max(
                  min[p], max[p] - (Double.isNaN(first[p]) ? 0 : Math.max(0, best[p] - first[p])))
              : min[p] + (max[p] - min[p]) * (1 - Math.pow(t, 1 / strategy.exponent()));
      assertThat(target(step))
          .as("turn %d of %s", turn, step.party())
          .isCloseTo(expected, within(1e-4));
      if (step.action() == Step.Action.OFFER) {
        int q = p;
        double lowest =
            frontier.stream()
                .mapToDouble(x -> x.utility(q))
                .filter(u -> u >= expected - Scenario.EPS)
                .min()
                .orElse(Double.NaN);
        if (!Double.isNaN(lowest)) {
          assertThat(step.point().utility(p)).isBetween(lowest - 1e-12, lowest + 0.01 + 1e-12);
        }
        standing = step.point();
      }
      turn++;
    }
    assertThat(turn).isLessThanOrEqualTo(turns);
    if (sim.agreement().isEmpty() && turn > 0) {
      assertThat(turn).isEqualTo(turns);
    }
  }

  @Test
  void oneRound_isEnough() {
    Scenario s = Scenario.of(RandomSpaces.model(11, 2, false));
    Simulation sim = Saop.run(s, Collections.nCopies(2, Strategy.CONCEDER), 1, 3);
    assertThat(sim.trace()).isNotEmpty();
  }

  @Test
  void oneStrategyPerParty_andAtLeastOneRound() {
    Scenario s = Scenario.of(RandomSpaces.model(7, 3, false));
    assertThatThrownBy(() -> Saop.run(s, List.of(Strategy.LINEAR), 5, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("need one strategy per party (3), got 1");
    assertThatThrownBy(() -> Saop.run(s, Collections.nCopies(3, Strategy.LINEAR), 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rounds must be at least 1, was 0");
  }
}
