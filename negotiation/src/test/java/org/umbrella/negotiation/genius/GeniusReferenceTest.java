package org.umbrella.negotiation.genius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.SharedData;
import org.umbrella.negotiation.analysis.Analysis;
import org.umbrella.negotiation.analysis.Analyzer;
import org.umbrella.negotiation.analysis.Point;
import org.umbrella.negotiation.analysis.ProgressListener;
import org.umbrella.negotiation.analysis.Scenario;
import org.umbrella.negotiation.analysis.Solution.Concept;

/**
 * Reproduces the GENIUS reference results in ../shared/data/negotiation/genius/EXPECTED.md: outcome
 * counts, frontier sizes, Nash, GENIUS KS and maximum welfare, and the scoring of the agreements in
 * GENIUS's own SAOP log.
 */
class GeniusReferenceTest {

  static NegotiationModel load(String domain, String... profiles) {
    Path dir = SharedData.dir("negotiation/genius");
    List<GeniusImport.Profile> ps =
        java.util.Arrays.stream(profiles)
            .map(
                f ->
                    new GeniusImport.Profile(
                        GeniusImport.partyIdFromFileName(f), SharedData.read(dir.resolve(f)), f))
            .toList();
    return GeniusImport.read(SharedData.read(dir.resolve(domain)), domain, ps);
  }

  static NegotiationModel party() {
    return load(
        "party_domain.xml", "party1_utility.xml", "party2_utility.xml", "party3_utility.xml");
  }

  static NegotiationModel politics() {
    return load("Politics.xml", "Politics_util1.xml", "Politics_util2.xml", "Politics_util3.xml");
  }

  @Test
  void analyze_partyDomain_matchesGeniusFrontierNashKsAndWelfare() {
    NegotiationModel m = party();
    Analysis a = Analyzer.analyze(Scenario.of(m), 5, ProgressListener.NONE);
    assertThat(a.spaceSize().intValue()).isEqualTo(3072);
    assertThat(a.acceptable()).isEqualTo(3072);
    assertThat(a.frontier()).hasSize(101);
    Point nash = a.solution(Concept.NASH).orElseThrow().point();
    assertThat(nash.utilities())
        .containsExactly(new double[] {0.785, 0.9285655, 0.7176566}, within(1e-6));
    assertThat(m.describe(nash.outcome()))
        .isEqualTo(
            "food=Chips and Nuts, drinks=Handmade Cocktails, location=Party Room, invitations=Custom, Printed, music=MP3, cleanup=Water and Soap");
    Point welfare = a.solution(Concept.UTILITARIAN).orElseThrow().point();
    assertThat(welfare.outcome()).isEqualTo(nash.outcome());
    assertThat(welfare.welfare()).isCloseTo(2.4312221, within(1e-6));
    assertThat(a.solution(Concept.GENIUS_KS).orElseThrow().point().utilities())
        .containsExactly(new double[] {0.8008333, 0.7583749, 0.8082124}, within(1e-6));
  }

  @Test
  void analyze_politicsDomain_matchesGeniusFrontierNashKsAndWelfare() {
    Analysis a = Analyzer.analyze(Scenario.of(politics()), 5, ProgressListener.NONE);
    assertThat(a.spaceSize().intValue()).isEqualTo(23040);
    assertThat(a.frontier()).hasSize(124);
    Point nash = a.solution(Concept.NASH).orElseThrow().point();
    assertThat(nash.utilities())
        .containsExactly(new double[] {0.6695411, 0.7552539, 0.7861670}, within(1e-6));
    Point welfare = a.solution(Concept.UTILITARIAN).orElseThrow().point();
    assertThat(welfare.outcome()).isEqualTo(nash.outcome());
    assertThat(welfare.welfare()).isCloseTo(2.2109619, within(1e-6));
    assertThat(a.solution(Concept.GENIUS_KS).orElseThrow().point().utilities())
        .containsExactly(new double[] {0.6939597, 0.7025839, 0.7350825}, within(1e-6));
  }

  @Test
  void scoring_geniusSaopLogAgreements_reproducesDistancesToNashAndWelfareTo5Decimals() {
    NegotiationModel m = party();
    Scenario s = Scenario.of(m);
    double[] nash =
        Analyzer.analyze(s, 0, ProgressListener.NONE)
            .solution(Concept.NASH)
            .orElseThrow()
            .point()
            .utilities();
    double[][] logged = {{0.975, 0.49465, 0.61232}, {0.65833, 1, 0.58562}, {0.4875, 0.43241, 1}};
    String[] distance = {"0.48526", "0.19642", "0.64373"};
    String[] welfare = {"2.08197", "2.24396", "1.91991"};
    for (int a = 0; a < logged.length; a++) {
      Point agreement = packageLoggedAs(s, logged[a]);
      assertThat(String.format(Locale.ROOT, "%.5f", agreement.distanceTo(nash)))
          .as("distance of agreement %d", a)
          .isEqualTo(distance[a]);
      assertThat(String.format(Locale.ROOT, "%.5f", agreement.welfare()))
          .as("welfare of agreement %d", a)
          .isEqualTo(welfare[a]);
    }
  }

  /**
   * The package whose utilities GENIUS's log shows rounded to 5 decimals (exactly one must match).
   */
  private static Point packageLoggedAs(Scenario s, double[] logged) {
    int[] sizes = s.sizes();
    int total = IntStream.of(sizes).reduce(1, (x, y) -> x * y);
    java.util.Set<String> vectors = new java.util.LinkedHashSet<>();
    Point found = null;
    for (int code = 0; code < total; code++) {
      int[] o = new int[sizes.length];
      int c = code;
      for (int i = sizes.length - 1; i >= 0; i--) {
        o[i] = c % sizes[i];
        c /= sizes[i];
      }
      double[] u = s.utilities(o);
      boolean match = true;
      for (int p = 0; p < u.length; p++) {
        match &= Math.abs(u[p] - logged[p]) <= 5e-6;
      }
      if (match) {
        vectors.add(java.util.Arrays.toString(u));
        found = new Point(o, u);
      }
    }
    assertThat(vectors).as("utility vectors matching the log").hasSize(1);
    return found;
  }
}
