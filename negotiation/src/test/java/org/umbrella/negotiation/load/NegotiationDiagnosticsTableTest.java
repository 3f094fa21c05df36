package org.umbrella.negotiation.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.umbrella.negotiation.InvalidNegotiationException;
import org.umbrella.negotiation.Problem;

/**
 * Issue 16, item 2, for the negotiation loader: the defects the shared diagnostics kit fixes, one
 * row each (the rule, one edit of a valid file, the expected message and location), read through
 * {@link NegotiationLoader#read}, which returns problems as values instead of throwing.
 */
class NegotiationDiagnosticsTableTest {
  static final String VALID = NegotiationLoaderTest.VALID;

  record Row(String rule, String from, String to, String message, String at, String hint) {}

  static final List<Row> ROWS =
      List.of(
          new Row(
              "no space after ':' is reported on its own line, not the next",
              "    reservation: 0.2",
              "    reservation:0.2",
              "no space after the colon in 'reservation:0.2'",
              "14:16",
              "reservation: 0.2"),
          new Row(
              "a non-breaking space is named",
              "id: t",
              "id:\u00a0t",
              "a no-break space (U+00A0) where YAML needs a plain space",
              "2:4",
              "ordinary space"),
          new Row(
              "a value that starts with a quote",
              "    reservation: 0.2",
              "    reservation: \"0.2\" or less",
              "the value starts with a quote",
              "14:18",
              "quote the whole value"),
          new Row(
              "'=' in a red line does not parse; suggest '=='",
              "\"army_cap >= 600000\"",
              "\"army_cap = 600000\"",
              "red line of 'A' does not parse: '=' is not an operator in CEL",
              "15:28",
              "did you mean '=='?"),
          new Row(
              "'and' in a red line does not parse; suggest '&&'",
              "\"army_cap >= 600000\"",
              "\"army_cap >= 600000 and army_cap <= 800000\"",
              "red line of 'A' does not parse: 'and' is not an operator in CEL",
              "15:38",
              "did you mean '&&'?"),
          new Row(
              "an issue name with '-' suggests the '_' spelling",
              "\"army_cap >= 600000\"",
              "\"army-cap >= 600000\"",
              "red line of 'A' does not type-check: unknown field 'army-cap'",
              "15:19",
              "did you mean 'army_cap'?"),
          new Row(
              "the alias limit is located, not reported at 1:1",
              "drafts:\n",
              "x: &a [1]\ny: [" + "*a, ".repeat(60) + "*a]\ndrafts:\n",
              "more than 50 aliases to lists or mappings",
              "22:205",
              "at most 50"));

  @TestFactory
  List<DynamicTest> eachDefect_isReportedAsTheTableSays() {
    return ROWS.stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.rule(),
                    () -> {
                      assertThat(VALID).contains(row.from());
                      NegotiationLoadResult r =
                          NegotiationLoader.read(
                              VALID.replace(row.from(), row.to()), "t.negotiation.yaml");
                      assertThat(r.isValid()).isFalse();
                      assertThat(r.problems())
                          .as(r.toDisplayString())
                          .singleElement()
                          .satisfies(
                              p -> {
                                assertThat(p.message()).contains(row.message());
                                assertThat(p.where().line() + ":" + p.where().column())
                                    .isEqualTo(row.at());
                                assertThat(p.hint()).contains(row.hint());
                              });
                    }))
        .toList();
  }

  @Test
  void read_returnsProblemsAsValues_andLoadThrowsTheSameOnes() {
    String bad = VALID.replace("id: t", "id:\u00a0t");
    NegotiationLoadResult r = NegotiationLoader.read(bad, "t.negotiation.yaml");
    assertThat(r.model()).isEmpty();
    List<Problem> thrown =
        ((InvalidNegotiationException)
                org.assertj.core.api.Assertions.catchThrowable(
                    () -> NegotiationLoader.load(bad, "t.negotiation.yaml")))
            .problems();
    assertThat(thrown).isEqualTo(r.problems());
    assertThatThrownBy(r::orElseThrow).isInstanceOf(InvalidNegotiationException.class);
  }

  @Test
  void read_ofAValidFile_hasTheModelAndNoProblems() {
    NegotiationLoadResult r = NegotiationLoader.read(VALID, "t.negotiation.yaml");
    assertThat(r.problems()).isEmpty();
    assertThat(r.orElseThrow().parties()).hasSize(2);
  }
}
