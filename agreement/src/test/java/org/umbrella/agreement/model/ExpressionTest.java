package org.umbrella.agreement.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Conditions are type-checked against the incident schema of docs/incidents.md and evaluated on an
 * incident given as nested maps (the JSON Lines shape).
 */
class ExpressionTest {
  static final Map<String, Object> INCIDENT =
      Map.ofEntries(
          Map.entry("id", "ucdp-537048"),
          Map.entry("time", Instant.parse("2023-10-13T00:00:00Z")),
          Map.entry("time-precision", "day"),
          Map.entry("kind", "shelling"),
          Map.entry("place", Map.of("lat", 47.41, "lon", 35.84, "precision", "exact")),
          Map.entry("actor", Map.of("party", "RU", "confidence", 0.9)),
          Map.entry("fatalities", Map.of("low", 1, "best", 4, "high", 8)),
          Map.entry(
              "sources",
              List.of(
                  Map.of("id", "s1", "kind", "satellite", "group", "a"),
                  Map.of("id", "s2", "kind", "press", "group", "b"))),
          Map.entry("independent_sources", 2),
          Map.entry("status", "verified"),
          Map.entry("tags", List.of("front")));

  static Expression condition(String source) {
    IncidentSchema.Compilation c = IncidentSchema.compile(source, IncidentSchema.ResultType.BOOL);
    assertThat(c.problems()).isEmpty();
    return c.expression();
  }

  @Test
  void test_conditionsOnEveryKindOfField_evaluateOnNestedMaps() {
    assertThat(
            condition("incident.fatalities.best >= 4 && incident.kind == 'shelling'")
                .test(INCIDENT))
        .isTrue();
    assertThat(condition("incident.fatalities.best > 4").test(INCIDENT)).isFalse();
    assertThat(condition("incident.time >= timestamp('2023-10-01T00:00:00Z')").test(INCIDENT))
        .isTrue();
    assertThat(
            condition("incident.actor.party == 'RU' && incident.actor.confidence >= 0.8")
                .test(INCIDENT))
        .isTrue();
    assertThat(condition("incident.sources.exists(s, s.kind == 'satellite')").test(INCIDENT))
        .isTrue();
    assertThat(
            condition("'front' in incident.tags && incident.independent_sources == 2")
                .test(INCIDENT))
        .isTrue();
    assertThat(
            condition("incident.time_precision == 'day' && incident.place.lat > 47.0")
                .test(INCIDENT))
        .isTrue();
  }

  @Test
  void test_absentFields_takeNeutralDefaults() {
    Map<String, Object> unattributed = Map.of("kind", "shelling", "time", Instant.EPOCH);
    assertThat(
            condition(
                    "incident.actor.party == '' && incident.fatalities.best == 0 && size(incident.tags) == 0")
                .test(unattributed))
        .isTrue();
  }

  @Test
  void compile_wrongTypes_reportTheOperandTypesAndPosition() {
    IncidentSchema.Compilation c =
        IncidentSchema.compile("incident.kind > 3", IncidentSchema.ResultType.BOOL);
    assertThat(c.ok()).isFalse();
    assertThat(c.problems().getFirst().message())
        .startsWith("found no matching overload for '_>_' applied to '(string, int)'");
    assertThat(c.problems().getFirst().column()).isEqualTo(15);
  }

  @Test
  void compile_numberExpression_acceptsIntAndDoubleOnly() {
    assertThat(
            IncidentSchema.compile("incident.fatalities.best", IncidentSchema.ResultType.NUMBER)
                .ok())
        .isTrue();
    assertThat(
            IncidentSchema.compile(
                    "incident.actor.confidence * 2.0", IncidentSchema.ResultType.NUMBER)
                .ok())
        .isTrue();
    assertThat(
            IncidentSchema.compile("incident.kind", IncidentSchema.ResultType.NUMBER)
                .problems()
                .getFirst()
                .message())
        .isEqualTo("expected a number (int or double) but found 'string'");
  }

  @Test
  void number_sumsFatalities() {
    Expression e =
        IncidentSchema.compile("incident.fatalities.best", IncidentSchema.ResultType.NUMBER)
            .expression();
    assertThat(e.number(IncidentSchema.activation(INCIDENT))).isEqualTo(4.0);
  }

  @Test
  void test_runtimeFailure_isTheModulesTypedError() {
    Expression e = condition("100 / incident.fatalities.best > 1");
    assertThatThrownBy(() -> e.test(Map.of("fatalities", Map.of("best", 0))))
        .isInstanceOf(Expression.EvaluationFailed.class)
        .hasMessageStartingWith("evaluating '100 / incident.fatalities.best > 1' failed");
  }

  @Test
  void compile_constantPartThatCanOnlyFail_isAProblemAtItsPosition() {
    // issue 15 defect 5: this type-checks, and failed on every incident at run time
    IncidentSchema.Compilation c =
        IncidentSchema.compile(
            "incident.time > timestamp('1 March 2026')", IncidentSchema.ResultType.BOOL);
    assertThat(c.ok()).isFalse();
    assertThat(c.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message())
                  .startsWith("this constant part can only fail when it runs")
                  .contains("1 March 2026");
              assertThat(p.line()).isEqualTo(1);
              assertThat(p.column()).isEqualTo(26);
            });
    assertThat(
            IncidentSchema.compile(
                    "incident.fatalities.best > 1 / 0", IncidentSchema.ResultType.BOOL)
                .problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("by zero"));
  }

  @Test
  void compile_constantPartsThatHold_andPartsReadingTheIncident_compile() {
    assertThat(
            IncidentSchema.compile(
                    "incident.time > timestamp('2026-03-01T00:00:00Z') + duration('24h')",
                    IncidentSchema.ResultType.BOOL)
                .ok())
        .isTrue();
    // fails only for some incidents: left to run time, where it counts as not met (docs/engine.md)
    assertThat(
            IncidentSchema.compile(
                    "100 / incident.fatalities.best > 1", IncidentSchema.ResultType.BOOL)
                .ok())
        .isTrue();
    assertThat(
            IncidentSchema.compile(
                    "incident.tags.exists(t, t == 'x')", IncidentSchema.ResultType.BOOL)
                .ok())
        .isTrue();
  }
}
