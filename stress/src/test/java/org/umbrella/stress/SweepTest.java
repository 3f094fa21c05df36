package org.umbrella.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SweepTest {
  static final String YAML =
      """
      findings:
        attack:
          over: { finding: violation, window: 72h, at-least: 2 }
          kinds: [shelling, armed_clash]
      provisions:
        ceasefire: { title: Ceasefire }
      """;

  @Test
  void parse_splitsValuesOnCommasOutsideBrackets() {
    Sweep s = Sweep.parse("findings.attack.kinds=[shelling, armed_clash],[shelling]");
    assertThat(s.path()).isEqualTo("findings.attack.kinds");
    assertThat(s.values()).containsExactly("[shelling, armed_clash]", "[shelling]");
    assertThat(Sweep.parse("a.b = 1, 2,3").values()).containsExactly("1", "2", "3");
  }

  @Test
  void parse_badSpec_saysWhatIsExpected() {
    assertThatThrownBy(() -> Sweep.parse("findings.attack")).hasMessageContaining("PATH=V1,V2");
    assertThatThrownBy(() -> Sweep.parse("a=1,,2")).hasMessageContaining("empty value");
  }

  @Test
  void apply_replacesTheValueAsYaml_andKeepsTheRest() {
    String out = Sweep.parse("findings.attack.over.at-least=5").apply(YAML, "5");
    assertThat(out).contains("at-least: 5").contains("window: \"72h\"").contains("Ceasefire");
    assertThat(Sweep.parse("findings.attack.kinds.1=x").apply(YAML, "air_strike"))
        .contains("- \"air_strike\"")
        .doesNotContain("armed_clash");
  }

  @Test
  void apply_addsAMissingLastKey_whenItsMapExists() {
    Sweep s = Sweep.parse("provisions.ceasefire.in-force=2022-03-01T00:00:00Z");
    assertThat(s.appliesTo(YAML)).isTrue();
    assertThat(s.apply(YAML, "2022-03-01T00:00:00Z"))
        .contains("in-force:")
        .contains("2022-03-01T00:00:00Z");
  }

  @Test
  void apply_missingPath_namesTheMissingKeyAndWhatIsThere() {
    Sweep s = Sweep.parse("findings.atack.over.at-least=3");
    assertThat(s.appliesTo(YAML)).isFalse();
    assertThatThrownBy(() -> s.apply(YAML, "3"))
        .hasMessageContaining("'findings' has no 'atack'; it has attack");
  }

  @Test
  void parameterSensitivity_comparesDesignsThatDifferAtOnePathOnly() {
    Outcome zero =
        new Outcome(
            0,
            java.util.Map.of(
                "f",
                new Outcome.FindingCount(
                    0,
                    0,
                    0,
                    0,
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.Map.of())),
            java.util.Map.of(),
            java.util.Map.of(),
            0,
            java.util.Map.of(),
            List.of());
    Outcome one =
        new Outcome(
            0,
            java.util.Map.of(
                "f",
                new Outcome.FindingCount(
                    1,
                    1,
                    0,
                    0,
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.Map.of())),
            java.util.Map.of(),
            java.util.Map.of(),
            0,
            java.util.Map.of(),
            List.of());
    var base =
        new StressReport.DesignResult(
            "d", "a@1", java.util.Optional.empty(), zero, java.util.Optional.empty());
    var a =
        new StressReport.DesignResult(
            "d [x=1]",
            "a@1",
            java.util.Optional.of(
                new Design.Point("d", new java.util.TreeMap<>(java.util.Map.of("x", "1")))),
            one,
            java.util.Optional.empty());
    var b =
        new StressReport.DesignResult(
            "d [y=1]",
            "a@1",
            java.util.Optional.of(
                new Design.Point("d", new java.util.TreeMap<>(java.util.Map.of("y", "1")))),
            zero,
            java.util.Optional.empty());
    assertThat(StressTest.parameterSensitivity(List.of(base, a, b)))
        .containsEntry("x", 1.0)
        .containsEntry("y", 0.0);
  }
}
