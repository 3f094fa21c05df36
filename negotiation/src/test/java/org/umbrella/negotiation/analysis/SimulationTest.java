package org.umbrella.negotiation.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.umbrella.negotiation.simulation.Mediated;
import org.umbrella.negotiation.simulation.Saop;
import org.umbrella.negotiation.simulation.Simulation;
import org.umbrella.negotiation.simulation.Step;
import org.umbrella.negotiation.simulation.Strategy;

class SimulationTest {

  @Property(tries = 60)
  void saop_anySeed_isDeterministicAndAgreementsAreAcceptableToAll(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 5) int parties,
      @ForAll Strategy strategy) {
    Scenario s = Scenario.of(RandomSpaces.model(seed, parties, true));
    List<Strategy> st = Collections.nCopies(parties, strategy);
    Simulation a = Saop.run(s, st, 20, seed);
    Simulation b = Saop.run(s, st, 20, seed);
    assertThat(a.trace()).isEqualTo(b.trace());
    a.agreement().ifPresent(p -> assertThat(s.acceptableToAll(p.outcome())).isTrue());
  }

  @Property(tries = 60)
  void mediated_anySeed_adoptedChangesNeverMakeAPartyWorseOff(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 5) int parties) {
    Scenario s = Scenario.of(RandomSpaces.model(seed, parties, false));
    Simulation sim = Mediated.run(s, null, 40, seed);
    assertThat(sim).isEqualTo(Mediated.run(s, null, 40, seed));
    double[] last = sim.trace().getFirst().point().utilities();
    for (Step step : sim.trace()) {
      if (step.action() == Step.Action.ADOPT) {
        for (int p = 0; p < parties; p++) {
          assertThat(step.point().utility(p)).isGreaterThanOrEqualTo(last[p] - Scenario.EPS);
        }
        last = step.point().utilities();
      }
    }
  }

  @Property(tries = 40)
  void mediatedWithConcession_anySeed_neverBreaksMoreOfAPartysRedLines(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int parties) {
    Scenario s = Scenario.of(RandomSpaces.model(seed, parties, true));
    Simulation sim = Mediated.run(s, null, 60, seed, Strategy.LINEAR);
    assertThat(sim).isEqualTo(Mediated.run(s, null, 60, seed, Strategy.LINEAR));
    int[] text = sim.trace().getFirst().point().outcome();
    for (Step step : sim.trace()) {
      if (step.action() == Step.Action.ADOPT) {
        int[] next = step.point().outcome();
        for (String party : s.model().partyIds()) {
          long before = s.broken(text).stream().filter(r -> r.party().equals(party)).count();
          long after = s.broken(next).stream().filter(r -> r.party().equals(party)).count();
          assertThat(after).isLessThanOrEqualTo(before);
        }
        text = next;
      }
    }
    sim.agreement().ifPresent(p -> assertThat(s.acceptableToAll(p.outcome())).isTrue());
  }
}
