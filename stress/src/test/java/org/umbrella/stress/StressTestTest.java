package org.umbrella.stress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.umbrella.agreement.io.AgreementFiles;
import org.umbrella.agreement.load.LoadResult;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.input.Actor;
import org.umbrella.engine.input.Fatalities;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.IncidentPlace;
import org.umbrella.engine.input.IncidentSource;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.PlacePrecision;
import org.umbrella.engine.input.RecordedInput;
import org.umbrella.engine.input.TimePrecision;

/**
 * The sampling's probabilities against values computed by hand, as samples grow; and the report's
 * determinism. Two single-source RU incidents with attribution confidence 0.3 and 0.5, each losing
 * its source with probability 0.2: a sample confirms a violation unless neither counts, so P = 1 -
 * (1 - 0.3 x 0.8)(1 - 0.5 x 0.8) = 0.544, and the mean number confirmed is 0.24 + 0.40 = 0.64.
 */
class StressTestTest {
  static final double P = 1 - (1 - 0.3 * 0.8) * (1 - 0.5 * 0.8);

  static Agreement agreement() {
    LoadResult r =
        AgreementFiles.load(
            Path.of("src/test/resources/one-finding.agreement.yaml"), "one-finding");
    assertThat(r.isValid()).as(r.toDisplayString()).isTrue();
    return r.agreement();
  }

  static RecordedInput incident(String id, String time, double confidence) {
    return RecordedInput.historical(
        new Incident(
            id,
            Instant.parse(time),
            TimePrecision.EXACT,
            new IncidentPlace(48.0, 37.0, PlacePrecision.EXACT),
            Kind.SHELLING,
            new Actor("RU", confidence),
            "",
            new Fatalities(0, 1, 3),
            List.of(new IncidentSource(id + "-s", "monitor", id)),
            ReviewStatus.CORROBORATED,
            List.of()));
  }

  static final List<RecordedInput> EVENTS =
      List.of(
          incident("a", "2026-03-02T00:00:00Z", 0.3), incident("b", "2026-03-03T00:00:00Z", 0.5));

  static StressReport run(int samples, long seed, boolean parallel) {
    Design d = new Design("one", agreement());
    return StressTest.run(
        List.of(d),
        List.of(EVENTS),
        new Settings(samples, seed, new Uncertainty(true, true, true, 0.2), false, parallel));
  }

  @Test
  void asRecorded_bothIncidentsCount_andTheGuaranteeTriggersOnTheFirst() {
    Outcome o = run(0, 1, false).designs().get(0).asRecorded();
    assertThat(o.confirmed("violation")).isEqualTo(2);
    assertThat(o.guarantees().get("defence").firstTriggered())
        .contains(Instant.parse("2026-03-02T00:00:00Z"));
    assertThat(o.guarantees().get("defence").triggerFindings()).isEqualTo(2);
    assertThat(o.guarantees().get("defence").firstLagDays()).contains(0.0);
    // the first call's 24-hour deadline passes when the second incident, a day later, moves the
    // clock
    assertThat(o.obligations())
        .containsEntry("US", java.util.Map.of("breached", 1L, "pending", 1L));
  }

  @Test
  void probabilities_convergeToTheComputedValue_asSamplesGrow() {
    StressReport.Sampled big = null;
    for (int n : new int[] {50, 200, 800, 1600}) {
      StressReport.Sampled s = run(n, 42, true).designs().get(0).sampled().orElseThrow();
      big = s;
      double se = Math.sqrt(P * (1 - P) / n);
      assertThat(Math.abs(s.findingConfirmed().get("violation") - P))
          .as("n=%d", n)
          .isLessThanOrEqualTo(4 * se);
      assertThat(Math.abs(s.guaranteeTriggered().get("defence") - P))
          .as("n=%d", n)
          .isLessThanOrEqualTo(4 * se);
      assertThat(Math.abs(s.meanConfirmed().get("violation") - 0.64))
          .as("n=%d", n)
          .isLessThanOrEqualTo(4 * Math.sqrt(0.4164 / n));
    }
    assertThat(Math.abs(big.findingConfirmed().get("violation") - P)).isLessThan(0.05);
  }

  @Test
  void sameSeed_sameReport_parallelOrNot_andSamplesAreANestedSequence() {
    String a = ReportJson.write(run(60, 9, true));
    String b = ReportJson.write(run(60, 9, false));
    assertThat(a).isEqualTo(b);
    assertThat(ReportHtml.write(run(60, 9, true))).isEqualTo(ReportHtml.write(run(60, 9, false)));
    assertThat(ReportJson.write(run(60, 10, true))).isNotEqualTo(a);
  }

  @Test
  void sensitivity_ranksTheSourceThatChangesTheOutcome() {
    Design d = new Design("one", agreement());
    StressReport r =
        StressTest.run(
            List.of(d),
            List.of(EVENTS),
            new Settings(200, 3, new Uncertainty(true, true, true, 0.2), true, true));
    var s = r.designs().get(0).sampled().orElseThrow().sensitivity();
    // places are exact and fatalities matter to no finding: only attribution and sources can change
    // anything
    assertThat(s.get("location")).isZero();
    assertThat(s.get("fatalities")).isZero();
    assertThat(s.get("attribution")).isGreaterThan(s.get("sources")).isGreaterThan(0.0);
  }
}
