package org.umbrella.negotiation.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.SharedData;
import org.umbrella.negotiation.load.NegotiationLoader;

class DraftsAndRobustnessTest {

  static NegotiationModel ukraine() {
    String text = SharedData.read(SharedData.repoFile("examples/ukraine/settlement.negotiation.yaml"));
    return NegotiationLoader.load(text, "settlement.negotiation.yaml");
  }

  @Property(tries = 150)
  void repair_randomDraft_isAcceptableAndNoFewerChangesSuffice(@ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int parties) {
    NegotiationModel m = RandomSpaces.model(seed, parties, true);
    Scenario s = Scenario.of(m);
    List<int[]> all = RandomSpaces.all(s);
    int[] draft = all.get(Math.floorMod(seed, all.size()));
    Optional<DraftScore.Repair> repair = Drafts.repair(s, draft);
    int fewest = Integer.MAX_VALUE;
    for (int[] o : all) {
      if (s.acceptableToAll(o)) {
        int changed = 0;
        for (int i = 0; i < o.length; i++) {
          changed += o[i] != draft[i] ? 1 : 0;
        }
        if (changed > 0) {
          fewest = Math.min(fewest, changed);
        }
      }
    }
    if (fewest == Integer.MAX_VALUE) {
      assertThat(repair).isEmpty();
    } else {
      int expected = fewest;
      assertThat(repair).hasValueSatisfying(r -> {
        assertThat(s.acceptableToAll(r.point().outcome())).isTrue();
        assertThat(r.changed()).hasSize(expected);
      });
    }
  }

  @Test
  void score_ukraineDrafts_reportsUtilitiesAndBrokenRedLinesPerParty() {
    Scenario s = Scenario.of(ukraine());
    Analysis a = Analyzer.analyze(s, 0, ProgressListener.NONE);
    List<DraftScore> scores = Drafts.score(s, a);
    assertThat(scores).hasSize(3);
    DraftScore plan28 = scores.getFirst();
    // The 28-point plan caps the army at 600,000 and cedes Donetsk: both are Ukraine's red lines.
    assertThat(plan28.broken()).extracting(r -> r.party() + ": " + r.condition())
        .containsExactly("UA: army_cap >= 800000", "UA: territory != 'donbas-ceded'");
    assertThat(plan28.accepts()[0]).isFalse();
    assertThat(plan28.repair()).hasValueSatisfying(r -> assertThat(s.acceptableToAll(r.point().outcome())).isTrue());
    for (DraftScore d : scores) {
      assertThat(d.utilities()).containsExactly(s.utilities(d.draft().outcome()));
    }
    assertThat(a.acceptable()).isPositive();
  }

  @Test
  void analyze_conflictingRedLines_saysWhichRedLinesEmptyTheSet() {
    String text = SharedData.read(SharedData.repoFile("examples/ukraine/settlement.negotiation.yaml"))
        .replace("\"nato != 'open-door' && guarantee != 'nato-membership'\"", "\"guarantee in ['none', 'assurances']\"");
    Scenario s = Scenario.of(NegotiationLoader.load(text, "conflict.negotiation.yaml"));
    Analysis a = Analyzer.analyze(s, 0, ProgressListener.NONE);
    assertThat(a.acceptable()).isZero();
    assertThat(a.frontier()).isEmpty();
    assertThat(a.emptiness()).anySatisfy(w -> assertThat(w).contains("UA's red line").contains("RU's red line").contains("cannot both hold"));
    assertThat(a.emptiness()).anySatisfy(w -> assertThat(w).startsWith("dropping RU's red line \"guarantee in ['none', 'assurances']\""));
  }

  @Test
  void robustness_sameSeed_sameResult_andCertainModelGivesZeroOrOne() {
    Scenario s = Scenario.of(RandomSpaces.model(7, 3, true));
    Robustness.Result a = Robustness.run(s, 50, 11, 1000, 1_000_000, ProgressListener.NONE);
    Robustness.Result b = Robustness.run(s, 50, 11, 1000, 1_000_000, ProgressListener.NONE);
    assertThat(a.top()).isEqualTo(b.top());
    // Without ranges every draw is the point estimate: probability 1 exactly for the acceptable set.
    assertThat(a.top()).allSatisfy(x -> assertThat(x.probability()).isEqualTo(1.0));
    assertThat((long) a.top().size()).isEqualTo(Analyzer.countAcceptable(s));
  }

  @Test
  void robustness_ukraine_neverMissesAPackageAcceptableAtTheMidpoint() {
    Scenario s = Scenario.of(ukraine());
    Robustness.Result r = Robustness.run(s, 20, 3, 5, 2_000_000, ProgressListener.NONE);
    // every package acceptable at the point estimate is a candidate (the optimistic bound is sound)
    assertThat(r.candidates()).isGreaterThanOrEqualTo(Analyzer.countAcceptable(s));
    assertThat(r.drafts()).hasSize(3);
    List<Double> firstDraft = new ArrayList<>();
    for (double p : r.drafts().getFirst().perParty()) {
      firstDraft.add(p);
    }
    assertThat(firstDraft.getFirst()).isZero(); // Ukraine's red lines hold in every draw
  }
}
