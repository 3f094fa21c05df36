package org.umbrella.agreement.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.umbrella.agreement.Examples;
import org.umbrella.agreement.model.Activation;
import org.umbrella.agreement.model.AggregateFinding;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.Citation;
import org.umbrella.agreement.model.Guarantee;
import org.umbrella.agreement.model.MatchFinding;
import org.umbrella.agreement.model.Quantity;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.agreement.model.TimeSpan;

/** What the loader makes of a file: the model of the 20-point example, and rules of reading. */
class LoaderTest {
  static LoadResult load(String text) {
    return AgreementLoader.load("t.agreement.yaml", text, ResourceResolver.none());
  }

  static final String MINIMAL =
      "umbrella: 1\nid: t\nversion: 2025-12-24\ntitle: T\nparties: { UA: { name: Ukraine } }\n";

  @Test
  void load_20pointFramework_givesTheGuaranteeAsWritten() {
    Agreement a = Examples.load("framework-20pt.agreement.yaml");
    Guarantee g = a.guarantees().get("security-guarantee");
    assertThat(g.guarantors()).containsExactly("US", "NATO");
    assertThat(g.protects()).isEqualTo("UA");
    assertThat(g.activates()).isEqualTo(new Activation.WhenInForce("ceasefire"));
    assertThat(g.term()).contains(TimeSpan.parse("15y").orElseThrow());
    assertThat(a.isModelled("guarantees.security-guarantee.term")).isTrue();
    // Activated when Russia opens fire: one attributed incident, not a vote on an aggregate.
    assertThat(g.trigger()).isEqualTo("russia-opens-fire");
    assertThat(a.findings().get("russia-opens-fire").determinedBy()).isEmpty();
    assertThat(g.voidIf()).containsExactly("unprovoked-attack-on-russia");
    // Military response AND sanctions: a diplomatic-only answer fulfils neither duty.
    assertThat(g.duties())
        .extracting(d -> d.id() + " " + d.options())
        .containsExactly("military-response [military]", "reimpose-sanctions [economic]");
    assertThat(g.isAgainst("RU")).isTrue();
    assertThat(g.isAgainst("UA")).isFalse();
  }

  @Test
  void load_20pointFramework_countsViolationsOverUkraineAndTheSeaWithTheSameBarForBothSides() {
    Agreement a = Examples.load("framework-20pt.agreement.yaml");
    MatchFinding fire = (MatchFinding) a.findings().get("russia-opens-fire");
    MatchFinding voiding = (MatchFinding) a.findings().get("unprovoked-attack-on-russia");
    assertThat(fire.within()).containsExactly("ukraine-and-sea");
    assertThat(a.places().get("ukraine-and-sea").geometry().covers(point(30.52, 50.45)))
        .as("Kyiv")
        .isTrue();
    assertThat(a.places().get("ukraine-and-sea").geometry().covers(point(31.0, 45.5)))
        .as("the sea off Odesa")
        .isTrue();
    assertThat(a.places().get("ukraine-and-sea").geometry().covers(point(37.62, 55.75)))
        .as("Moscow")
        .isFalse();
    assertThat(fire.status()).isEqualTo(voiding.status()).isEqualTo(ReviewStatus.VERIFIED);
    assertThat(fire.sources()).isEqualTo(voiding.sources()).isEqualTo(2);
    assertThat(fire.when().orElseThrow().source())
        .isEqualTo(voiding.when().orElseThrow().source())
        .isEqualTo("incident.actor.confidence >= 0.8");
    assertThat(a.provisions().get("army-cap").quantity())
        .contains(new Quantity(Quantity.Bound.AT_MOST, 800_000, "personnel"));
    assertThat(a.sources().values())
        .allSatisfy(
            src ->
                assertThat(src.date().orElseThrow())
                    .isBeforeOrEqualTo(java.time.LocalDate.parse("2025-12-24")));
  }

  @Test
  void load_20pointFramework_everyClauseCitesAPointOfTheTwenty() {
    Agreement a = Examples.load("framework-20pt.agreement.yaml");
    java.util.List<Citation> cites = new java.util.ArrayList<>();
    a.guarantees()
        .values()
        .forEach(
            g -> {
              cites.addAll(g.cites());
              g.duties().forEach(d -> cites.addAll(d.cites()));
            });
    a.findings().values().forEach(f -> cites.addAll(f.cites()));
    a.provisions().values().forEach(p -> cites.addAll(p.cites()));
    a.consequences().values().forEach(c -> cites.addAll(c.cites()));
    a.bodies().values().forEach(b -> cites.addAll(b.cites()));
    assertThat(cites).hasSizeGreaterThan(20);
    assertThat(cites)
        .allSatisfy(
            c -> {
              String at = c.at().orElseThrow();
              var m = java.util.regex.Pattern.compile("point (\\d+)(: .+)?").matcher(at);
              assertThat(m.matches()).as(at).isTrue();
              assertThat(Integer.parseInt(m.group(1))).as(at).isBetween(1, 20);
            });
  }

  @Test
  void load_28pointPlan_wiresPoint22AsAVoidConditionAndKeepsTheModelledThresholdLabelled() {
    Agreement a = Examples.load("plan-28pt.agreement.yaml");
    Guarantee g = a.guarantees().get("security-guarantee");
    assertThat(g.voidIf()).contains("change-by-force");
    AggregateFinding attack = (AggregateFinding) a.findings().get("significant-attack");
    assertThat(attack.threshold()).isEqualTo(new AggregateFinding.Threshold.Count(25));
    assertThat(a.label("findings.significant-attack.over.at-least").orElseThrow().isModelled())
        .isTrue();
    assertThat(a.provisions()).containsKeys("sovereignty", "eu-eligibility", "russian-withdrawal");
  }

  private static org.locationtech.jts.geom.Point point(double lon, double lat) {
    return new org.locationtech.jts.geom.GeometryFactory()
        .createPoint(new org.locationtech.jts.geom.Coordinate(lon, lat));
  }

  @Test
  void load_yamlBooleansAndDates_stayTextWhereTextIsMeant() {
    // YAML 1.1 reads NO as false and 2025-12-24 as a date; party ids and versions are text.
    Agreement a =
        load(MINIMAL.replace(
                "parties: { UA: { name: Ukraine } }",
                "parties: { UA: { name: Ukraine }, NO: { name: Norway }, ON: { name: On } }"))
            .agreement();
    assertThat(a.parties()).containsKeys("NO", "ON");
    assertThat(a.version()).isEqualTo("2025-12-24");
  }

  @Test
  void load_referencesMayPointForward() {
    LoadResult r =
        load(
            MINIMAL
                + "provisions:\n  exchange: { title: Exchange, obligors: [UA], due: { after: ceasefire, within: 90d } }\n  ceasefire: { title: Ceasefire, obligors: [UA], in-force: 2026-03-01 }\n");
    assertThat(r.issues()).isEmpty();
    assertThat(r.agreement().provisions().get("ceasefire").inForce())
        .contains(Instant.parse("2026-03-01T00:00:00Z"));
  }

  @Test
  void load_everyProblem_isReportedAtOnce() {
    LoadResult r =
        load(
            MINIMAL
                + "status: final\nguarantees:\n  g: { guarantors: [UK], protects: UA, activates: { at: never }, trigger: nothing, term: 10 years }\n");
    assertThat(r.errors())
        .extracting(Issue::code)
        .containsExactly(
            "invalid-value", "unknown-reference", "time", "unknown-reference", "duration");
    assertThat(r.errors()).extracting(Issue::line).containsOnly(6, 8);
  }

  @Test
  void agreement_ofAnInvalidFile_throwsTheTypedErrorWithEveryIssue() {
    LoadResult r = load(MINIMAL + "status: final\n");
    assertThatThrownBy(r::agreement)
        .isInstanceOf(InvalidAgreementException.class)
        .hasMessage(
            "t.agreement.yaml has 1 error; first: t.agreement.yaml:6:9: 'final' is not a valid status")
        .satisfies(e -> assertThat(((InvalidAgreementException) e).issues()).hasSize(1));
  }

  @Test
  void issue_display_pointsACaretUnderTheValue() {
    Issue i = load(MINIMAL + "status: final\n").issues().getFirst();
    assertThat(i.toDisplayString())
        .isEqualTo(
            "t.agreement.yaml:6:9: error[invalid-value]: 'final' is not a valid status\n"
                + "  6 | status: final\n"
                + "    |         ^^^^^\n"
                + "    = expected: one of draft, signed, in-force, suspended, terminated\n");
  }

  @Test
  void load_optionalsAbsent_takeDocumentedDefaults() {
    Agreement a = load(MINIMAL + "bodies:\n  b: { members: [UA] }\n").agreement();
    assertThat(a.status().label()).isEqualTo("draft");
    assertThat(a.bodies().get("b").quorum()).isEqualTo(1);
    assertThat(a.bodies().get("b").rule().toString()).isEqualTo("majority");
    assertThat(a.supersedes()).isEqualTo(Optional.empty());
  }

  @Test
  void load_hostileNesting_isAnIssueNotAStackOverflow() {
    String deep = MINIMAL + "notice: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n";
    LoadResult r = load(deep);
    assertThat(r.isValid()).isFalse();
    assertThat(r.issues().getFirst().code()).isEqualTo("yaml-limit");
    assertThat(r.issues().getFirst().message()).contains("nested more than 40 levels deep");
    // located at the bracket past the limit (the top-level mapping is the first level), not 1:1
    assertThat(r.issues().getFirst().location()).isEqualTo("t.agreement.yaml:6:48");
  }

  @Test
  void load_recursiveAlias_isRejected() {
    LoadResult r = load(MINIMAL + "notice: &n [*n]\n");
    assertThat(r.issues()).extracting(Issue::code).contains("yaml-syntax");
  }
}
