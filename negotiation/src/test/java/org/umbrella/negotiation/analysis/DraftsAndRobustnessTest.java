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
    String text =
        SharedData.read(SharedData.repoFile("examples/ukraine/settlement.negotiation.yaml"));
    return NegotiationLoader.load(text, "settlement.negotiation.yaml");
  }

  @Property(tries = 150)
  void repair_randomDraft_isAcceptableAndNoFewerChangesSuffice(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int parties) {
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
      assertThat(repair)
          .hasValueSatisfying(
              r -> {
                assertThat(s.acceptableToAll(r.point().outcome())).isTrue();
                assertThat(r.changed()).hasSize(expected);
              });
    }
  }

  /** The example with Russia's territorial red line relaxed, so that some package is acceptable. */
  static NegotiationModel ukraineWithoutTerritorialConflict() {
    String text =
        SharedData.read(SharedData.repoFile("examples/ukraine/settlement.negotiation.yaml"))
            .replace(
                "\"territory in ['all-donetsk-ceded', 'swap-donetsk-for-other-regions']\"",
                "\"territory != 'withdrawal-2022'\"");
    return NegotiationLoader.load(text, "relaxed.negotiation.yaml");
  }

  @Test
  void score_ukraineDrafts_reportsUtilitiesAndBrokenRedLinesPerParty() {
    Scenario s = Scenario.of(ukraine());
    Analysis a = Analyzer.analyze(s, 0, ProgressListener.NONE);
    List<DraftScore> scores = Drafts.score(s, a);
    assertThat(scores).hasSize(4);
    DraftScore plan28 = scores.getFirst();
    // The 28-point plan caps the army at 600,000 and has Ukraine leave Donetsk: both are Ukraine's
    // red lines;
    // it makes Russia a signatory, not a guarantor, which breaks Russia's.
    assertThat(plan28.broken())
        .extracting(r -> r.party() + ": " + r.condition())
        .containsExactly(
            "UA: army_cap >= 800000",
            "UA: !(territory in ['all-donetsk-ceded', 'swap-donetsk-for-other-regions'])",
            "RU: russia_role == 'guarantor'");
    assertThat(plan28.accepts()[0]).isFalse();
    // Ukraine's and Russia's stated territorial red lines exclude each other: nothing is
    // acceptable.
    assertThat(a.acceptable()).isZero();
    assertThat(a.emptiness())
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains("UA's red line \"!(territory in")
                    .contains("RU's red line \"territory in")
                    .contains("cannot both hold"));
    assertThat(plan28.repair()).isEmpty();
    for (DraftScore d : scores) {
      assertThat(d.utilities()).containsExactly(s.utilities(d.draft().outcome()));
    }
    Scenario relaxed = Scenario.of(ukraineWithoutTerritorialConflict());
    Analysis r = Analyzer.analyze(relaxed, 0, ProgressListener.NONE);
    assertThat(r.acceptable()).isPositive();
    assertThat(Drafts.score(relaxed, r).getFirst().repair())
        .hasValueSatisfying(x -> assertThat(relaxed.acceptableToAll(x.point().outcome())).isTrue());
  }

  @Test
  void robustness_withoutRedLine_equalsARunOnTheModelWithoutThatRedLine() {
    NegotiationModel m = ukraine();
    Robustness.Result full =
        Robustness.run(Scenario.of(m), 200, 5, 0, 2_000_000, ProgressListener.NONE);
    int j = 0;
    for (var party : m.partyIds()) {
      for (int k = 0; k < m.preferences().get(party).redLines().size(); k++, j++) {
        Robustness.Result dropped =
            Robustness.run(
                Scenario.of(without(m, party, k)), 200, 5, 0, 2_000_000, ProgressListener.NONE);
        for (int d = 0; d < full.drafts().size(); d++) {
          assertThat(full.drafts().get(d).withoutRedLine()[j])
              .as("draft %d without red line %d", d, j)
              .isEqualTo(dropped.drafts().get(d).all());
        }
      }
    }
    assertThat(j).isEqualTo(10);
    // The 20-point framework breaks Russia's territorial and guarantor red lines: dropping one
    // cannot lower its odds.
    assertThat(full.drafts().get(2).withoutRedLine()[5])
        .isGreaterThanOrEqualTo(full.drafts().get(2).all());
  }

  private static NegotiationModel without(NegotiationModel m, String party, int index) {
    java.util.Map<String, org.umbrella.negotiation.Preference> prefs =
        new java.util.LinkedHashMap<>(m.preferences());
    org.umbrella.negotiation.Preference p = prefs.get(party);
    List<org.umbrella.negotiation.RedLine> lines = new ArrayList<>(p.redLines());
    lines.remove(index);
    prefs.put(
        party,
        new org.umbrella.negotiation.Preference(
            p.party(),
            p.weights(),
            p.values(),
            p.reservation(),
            lines,
            p.cites(),
            p.assumption(),
            p.normaliseWeights()));
    return new NegotiationModel(
        m.id(), m.title(), m.parties(), m.issues(), prefs, m.drafts(), m.sources(), m.file());
  }

  @Test
  void analyze_conflictingRedLines_saysWhichRedLinesEmptyTheSet() {
    String text =
        SharedData.read(SharedData.repoFile("examples/ukraine/settlement.negotiation.yaml"))
            .replace(
                "\"territory in ['all-donetsk-ceded', 'swap-donetsk-for-other-regions']\"",
                "\"territory != 'withdrawal-2022'\"")
            .replace(
                "\"nato != 'open-door' && guarantee != 'nato-membership'\"",
                "\"guarantee in ['none', 'assurances']\"");
    Scenario s = Scenario.of(NegotiationLoader.load(text, "conflict.negotiation.yaml"));
    Analysis a = Analyzer.analyze(s, 0, ProgressListener.NONE);
    assertThat(a.acceptable()).isZero();
    assertThat(a.frontier()).isEmpty();
    assertThat(a.emptiness())
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains("UA's red line")
                    .contains("RU's red line")
                    .contains("cannot both hold"));
    assertThat(a.emptiness())
        .anySatisfy(
            w ->
                assertThat(w)
                    .startsWith("dropping RU's red line \"guarantee in ['none', 'assurances']\""));
  }

  @Test
  void robustness_sameSeed_sameResult_andCertainModelGivesZeroOrOne() {
    Scenario s = Scenario.of(RandomSpaces.model(7, 3, true));
    Robustness.Result a = Robustness.run(s, 50, 11, 1000, 1_000_000, ProgressListener.NONE);
    Robustness.Result b = Robustness.run(s, 50, 11, 1000, 1_000_000, ProgressListener.NONE);
    assertThat(a.top()).isEqualTo(b.top());
    // Without ranges every draw is the point estimate: probability 1 exactly for the acceptable
    // set.
    assertThat(a.top()).allSatisfy(x -> assertThat(x.probability()).isEqualTo(1.0));
    assertThat((long) a.top().size()).isEqualTo(Analyzer.countAcceptable(s));
  }

  @Test
  void robustness_ukraine_neverMissesAPackageAcceptableAtTheMidpoint() {
    Scenario s = Scenario.of(ukraine());
    Robustness.Result r = Robustness.run(s, 20, 3, 5, 2_000_000, ProgressListener.NONE);
    // every package acceptable at the point estimate is a candidate (the optimistic bound is sound)
    assertThat(r.candidates()).isGreaterThanOrEqualTo(Analyzer.countAcceptable(s));
    assertThat(r.drafts()).hasSize(4);
    List<Double> firstDraft = new ArrayList<>();
    for (double p : r.drafts().getFirst().perParty()) {
      firstDraft.add(p);
    }
    assertThat(firstDraft.getFirst()).isZero(); // Ukraine's red lines hold in every draw
  }
}
