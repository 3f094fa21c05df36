package org.umbrella.negotiation.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.umbrella.negotiation.simulation.Mediated;
import org.umbrella.negotiation.simulation.Simulation;
import org.umbrella.negotiation.simulation.Step;
import org.umbrella.negotiation.simulation.Strategy;

/**
 * The single-text mediation step by step, as its documentation states it: each proposal changes one
 * issue of the text; each party votes for it when it breaks fewer of its red lines, or as many and
 * leaves it no worse off (or, conceding, at least at its aspiration); the text changes only on a
 * unanimous vote, and the rejecting parties are named; the end is an agreement exactly when the
 * final text is acceptable to all.
 */
class MediatedTraceTest {

  @Property(tries = 60)
  void everyVote_isTheDocumentedOne(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 4) int parties,
      @ForAll @IntRange(min = 1, max = 30) int rounds,
      @ForAll("concessions") String concessionName) {
    Strategy concession = concessionName.equals("none") ? null : Strategy.parse(concessionName);
    Scenario s = Scenario.of(RandomSpaces.model(seed, parties, true));
    Simulation sim = Mediated.run(s, null, rounds, seed, concession);
    List<String> ids = s.model().partyIds();
    double[] best = new double[parties];
    List<Point> frontier = Analyzer.feasibleFrontier(s);
    for (int p = 0; p < parties; p++) {
      int q = p;
      best[p] =
          concession == null
              ? Double.POSITIVE_INFINITY
              : frontier.stream().mapToDouble(x -> x.utility(q)).max().orElse(1);
    }
    List<Step> trace = sim.trace();
    assertThat(trace.getFirst().action()).isEqualTo(Step.Action.PROPOSE);
    int[] text = trace.getFirst().point().outcome();
    int adopted = 0;
    for (Step step : trace.subList(1, trace.size() - 1)) {
      int[] next = step.point().outcome();
      int changed = 0;
      for (int i = 0; i < next.length; i++) {
        changed += next[i] != text[i] ? 1 : 0;
      }
      assertThat(changed).as("a proposal changes one issue").isEqualTo(1);
      double t = rounds == 1 ? 1 : (step.round() - 1) / (double) (rounds - 1);
      List<String> no = new ArrayList<>();
      for (int p = 0; p < parties; p++) {
        String id = ids.get(p);
        double aspiration =
            concession == null
                ? Double.POSITIVE_INFINITY
                : Math.min(best[p], s.reservation(p))
                    + (best[p] - Math.min(best[p], s.reservation(p)))
                        * (1 - Math.pow(t, 1 / concession.exponent()));
        int[] now = text;
        long brokenNow = s.broken(now).stream().filter(r -> r.party().equals(id)).count();
        long brokenNext = s.broken(next).stream().filter(r -> r.party().equals(id)).count();
        double uNow = s.utility(p, now);
        double uNext = s.utility(p, next);
        boolean yes =
            brokenNext < brokenNow
                || (brokenNext == brokenNow
                    && (uNext >= uNow - Scenario.EPS || uNext >= aspiration - Scenario.EPS));
        if (!yes) {
          no.add(id);
        }
      }
      if (no.isEmpty()) {
        assertThat(step.action()).isEqualTo(Step.Action.ADOPT);
        text = next;
        adopted++;
      } else {
        assertThat(step.action()).isEqualTo(Step.Action.REJECT);
        assertThat(step.note()).endsWith("; rejected by " + String.join(", ", no));
      }
    }
    Step end = trace.getLast();
    assertThat(end.point().outcome()).isEqualTo(text);
    boolean all = s.acceptableToAll(text);
    assertThat(end.action()).isEqualTo(all ? Step.Action.AGREEMENT : Step.Action.DEADLINE);
    assertThat(end.note()).startsWith(adopted + " of " + rounds + " proposals adopted");
    assertThat(sim.agreement().isPresent()).isEqualTo(all);
  }

  @Provide
  Arbitrary<String> concessions() {
    return Arbitraries.of("none", "boulware", "linear", "conceder");
  }

  @Test
  void titForTat_andZeroRounds_areRefused() {
    Scenario s = Scenario.of(RandomSpaces.model(5, 2, false));
    assertThatThrownBy(() -> Mediated.run(s, null, 10, 1, Strategy.TIT_FOR_TAT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mediated parties concede over time: use boulware, linear or conceder");
    assertThatThrownBy(() -> Mediated.run(s, null, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rounds must be at least 1, was 0");
  }

  @Test
  void aGivenStartingText_isWhereItStarts() {
    Scenario s = Scenario.of(RandomSpaces.model(9, 3, false));
    int[] start = new int[s.sizes().length];
    Simulation sim = Mediated.run(s, start, 5, 2);
    assertThat(sim.trace().getFirst().point().outcome()).isEqualTo(start);
    assertThat(sim.trace().getFirst().note()).isEqualTo("starting from the first draft");
  }
}
