package org.umbrella.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.umbrella.agreement.load.AgreementLoader;
import org.umbrella.agreement.load.LoadResult;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.input.Actor;
import org.umbrella.engine.input.Determination;
import org.umbrella.engine.input.Fatalities;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.IncidentPlace;
import org.umbrella.engine.input.IncidentSource;
import org.umbrella.engine.input.InputRecord;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.PlacePrecision;
import org.umbrella.engine.input.ProvisionReport;
import org.umbrella.engine.input.Tick;
import org.umbrella.engine.input.TimePrecision;
import org.umbrella.engine.input.Vote;
import org.umbrella.engine.output.FindingRecord;
import org.umbrella.engine.output.OutputRecord;
import org.umbrella.engine.output.StatusRecord;

/**
 * The cases issue 15 (item 6) asked to decide and document (docs/engine.md, "Choices where
 * LANGUAGE.md is silent"), each pinned here as documented.
 */
class DocumentedChoicesTest {
  static final Agreement GUARANTEE =
      Scenarios.agreement(Path.of("src/test/resources/scenarios/13-determination-majority"));

  static Incident incident(
      String id, String time, String party, Kind kind, double lat, double lon) {
    return new Incident(
        id,
        Instant.parse(time),
        TimePrecision.EXACT,
        new IncidentPlace(lat, lon, PlacePrecision.EXACT),
        kind,
        party.isEmpty() ? Actor.UNATTRIBUTED : new Actor(party, 0.9),
        "",
        Fatalities.NONE_REPORTED,
        List.of(new IncidentSource("s-" + id, "monitor", "g")),
        ReviewStatus.VERIFIED,
        List.of());
  }

  static List<OutputRecord> run(Agreement a, InputRecord... records) {
    Engine e = Engine.create(a);
    List<OutputRecord> out = new ArrayList<>();
    for (InputRecord r : records) {
      out.addAll(e.process(r));
    }
    return out;
  }

  static List<String> statuses(List<OutputRecord> out, String subject) {
    return out.stream()
        .filter(o -> o instanceof StatusRecord s && s.subject().equals(subject))
        .map(o -> ((StatusRecord) o).status() + "@" + o.time())
        .toList();
  }

  @Test
  void calendarWindow_rearmedAtAMonthEnd_canShareFindingsWithThePreviousWindow() {
    LoadResult r =
        AgreementLoader.load(
            "monthly.yaml",
            """
        id: test-monthly
        title: Calendar windows
        umbrella: 1
        version: v1
        status: draft
        parties:
          RU: { name: Russian Federation }
          UA: { name: Ukraine }
        places:
          zone: { title: Zone, point: [37.0, 48.0], km: 50 }
        findings:
          violation:
            match: { kinds: [shelling], status: reported, within: zone, by: any }
          monthly:
            over: { finding: violation, by: RU, window: 1mo, at-least: 2 }
        """,
            rel -> Optional.empty());
    assertThat(r.isValid()).as(r.toDisplayString()).isTrue();
    List<OutputRecord> out =
        run(
            r.agreement(),
            incident("a", "2026-01-30T12:00:00Z", "RU", Kind.SHELLING, 48, 37),
            incident("b", "2026-01-31T12:00:00Z", "RU", Kind.SHELLING, 48, 37),
            incident("c", "2026-02-28T12:00:00Z", "RU", Kind.SHELLING, 48, 37));
    List<FindingRecord> monthly =
        out.stream()
            .filter(o -> o instanceof FindingRecord f && f.definition().equals("monthly"))
            .map(o -> (FindingRecord) o)
            .toList();
    // raised at b (window ending 2026-01-31T12:00), re-armed at 2026-01-31T12:00 + 1mo =
    // 2026-02-28T12:00;
    // the window ending there is (2026-01-28T12:00, 2026-02-28T12:00]: a and b are in both
    assertThat(monthly).hasSize(2);
    assertThat(monthly.get(1).window().orElseThrow().from())
        .isEqualTo(Instant.parse("2026-01-28T12:00:00Z"));
    assertThat(monthly.get(1).incidents()).containsExactly("a", "b", "c");
    assertThat(monthly.get(0).incidents()).containsExactly("a", "b");
  }

  @Test
  void provision_reportedBeforeItsInForceDate_keepsItsLevelAndStillAnchorsWhatIsDueAfterIt() {
    Agreement a = GUARANTEE;
    List<OutputRecord> out =
        run(
            a,
            new ProvisionReport("r1", Instant.parse("2026-02-01T00:00:00Z"), "ceasefire", 2, ""),
            new Tick(Instant.parse("2026-03-02T00:00:00Z")));
    // implemented-2 before the in-force date; at the date no 'in-force' status (the level stays),
    // but the exchange (due 90 days after the ceasefire) enters into force with it
    assertThat(statuses(out, "ceasefire")).containsExactly("implemented-2@2026-02-01T00:00:00Z");
    assertThat(statuses(out, "exchange")).containsExactly("in-force@2026-03-01T00:00:00Z");
    assertThat(statuses(out, "defence")).containsExactly("active@2026-03-01T00:00:00Z");
  }

  @Test
  void provision_reportAfterItsBreach_movesTheStatusOnAndTheBreachStaysOnRecord() {
    List<OutputRecord> out =
        run(
            GUARANTEE,
            new ProvisionReport("r1", Instant.parse("2026-04-01T00:00:00Z"), "exchange", 2, ""),
            new ProvisionReport("r2", Instant.parse("2026-06-01T00:00:00Z"), "exchange", 2, ""),
            new ProvisionReport("r3", Instant.parse("2026-06-02T00:00:00Z"), "exchange", 2, ""));
    // level 2 before the due date; breached at 2026-05-30; the same level reported again after the
    // breach is a change of status (breached -> implemented-2); reported a third time, nothing
    assertThat(statuses(out, "exchange"))
        .containsExactly(
            "in-force@2026-03-01T00:00:00Z",
            "implemented-2@2026-04-01T00:00:00Z",
            "breached@2026-05-30T00:00:00Z",
            "implemented-2@2026-06-01T00:00:00Z");
  }

  @Test
  void guarantee_voidedBeforeItActivates_staysVoid() {
    Incident strike =
        incident("s1", "2026-02-10T00:00:00Z", "UA", Kind.MISSILE_STRIKE, 55.7558, 37.6176);
    List<OutputRecord> out =
        run(
            GUARANTEE,
            strike,
            new Determination(
                "d1",
                Instant.parse("2026-02-11T00:00:00Z"),
                "commission",
                "capital-strike/s1",
                java.util.Map.of("US", Vote.CONFIRM, "GB", Vote.CONFIRM, "FR", Vote.CONFIRM)),
            new Tick(Instant.parse("2026-03-02T00:00:00Z")));
    // void-if applies to an inactive guarantee too; the activation date then changes nothing
    assertThat(statuses(out, "defence")).containsExactly("void@2026-02-11T00:00:00Z");
  }
}
