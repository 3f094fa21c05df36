package org.umbrella.negotiation.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.umbrella.negotiation.InvalidNegotiationException;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.NumericIssue;
import org.umbrella.negotiation.Problem;
import org.umbrella.negotiation.SharedData;

class NegotiationLoaderTest {
  static final String VALID =
      """
      umbrella: 1
      id: t
      sources: { s1: { url: https://example.org/a } }
      parties: { A: { name: Alpha }, B: { name: Beta } }
      issues:
        nato: { options: [ban, open-door] }
        army-cap: { range: [400000, 800000], step: 200000 }
      preferences:
        A:
          weights: { nato: [0.4, 0.6], army-cap: 0.5 }
          values:
            nato: { ban: 0, open-door: 1 }
            army-cap: { linear: [[400000, 0], [800000, 1]] }
          reservation: 0.2
          red-lines: [ "army_cap >= 600000" ]
        B:
          weights: { nato: 1 }
          values: { nato: { ban: 1, open-door: 0 } }
          red-lines:
            - { condition: "nato != 'open-door'", text: no NATO, cites: [s1] }
      drafts:
        d1: { nato: ban, army-cap: 600000 }
      """;

  static List<Problem> problems(String text) {
    return catchThrowableOfType(
            InvalidNegotiationException.class,
            () -> NegotiationLoader.load(text, "t.negotiation.yaml"))
        .problems();
  }

  @Test
  void load_validFile_buildsModelWithIssuesPreferencesAndDrafts() {
    NegotiationModel m = NegotiationLoader.load(VALID, "t.negotiation.yaml");
    assertThat(m.partyIds()).containsExactly("A", "B");
    assertThat(m.issues().get(1)).isInstanceOf(NumericIssue.class);
    assertThat(m.issues().get(1).size()).isEqualTo(3);
    assertThat(m.preferences().get("B").redLines().getFirst().cites()).containsExactly("s1");
    assertThat(m.drafts().getFirst().choices()).containsExactly(0, 1);
    assertThat(m.spaceSize()).isEqualTo(6);
  }

  @Test
  void load_ukraineExample_loads() {
    String text =
        SharedData.read(SharedData.repoFile("examples/ukraine/settlement.negotiation.yaml"));
    NegotiationModel m = NegotiationLoader.load(text, "settlement.negotiation.yaml");
    assertThat(m.partyIds()).containsExactly("UA", "RU", "US", "EU");
    assertThat(m.drafts())
        .extracting(d -> d.id())
        .containsExactly("plan-28pt", "e3-counter", "framework-20pt", "ua-proposal-20pt");
    assertThat(m.preferences().values())
        .allSatisfy(
            p -> assertThat(p.redLines()).allSatisfy(r -> assertThat(r.cites()).isNotEmpty()));
    // Russia's stated red lines, cited: NATO, foreign troops, the annexed regions and all of
    // Donetsk, a guarantor's role.
    assertThat(m.preferences().get("RU").redLines())
        .extracting(r -> r.condition() + " " + r.cites())
        .containsExactly(
            "nato != 'open-door' && guarantee != 'nato-membership' [witkoff-cnn]",
            "foreign_troops in ['none', 'monitors-only'] [case-notes]",
            "territory in ['all-donetsk-ceded', 'swap-donetsk-for-other-regions'] [worthy-news, plan-28]",
            "russia_role == 'guarantor' [lavrov-guarantors]");
    // The 4 Sep 2025 "legitimate targets" statement is not cited to the Paris Declaration.
    assertThat(m.preferences().values())
        .allSatisfy(
            p ->
                assertThat(p.redLines())
                    .noneMatch(
                        r ->
                            r.text().contains("legitimate targets")
                                && r.cites().contains("paris-declaration")));
    assertThat(m.issue("territory").orElseThrow().indexOf("mutual-withdrawal-referendum"))
        .isPresent();
    assertThat(m.issue("territory").orElseThrow().indexOf("swap-donetsk-for-other-regions"))
        .isPresent();
    assertThat(m.issue("foreign-troops").orElseThrow().indexOf("no-permanent-nato-command-troops"))
        .isPresent();
    assertThat(m.issues())
        .extracting(i -> i.name())
        .contains("recognition", "monitoring", "breach-ruling", "sequencing", "russia-role");
  }

  @Test
  void load_redLineThatDoesNotTypeCheck_pointsAtTheConditionWithAHint() {
    List<Problem> ps = problems(VALID.replace("\"army_cap >= 600000\"", "\"army_cap >= 'many'\""));
    assertThat(ps).hasSize(1);
    assertThat(ps.getFirst().where().line()).isEqualTo(15);
    assertThat(ps.getFirst().message()).contains("does not type-check");
    assertThat(ps.getFirst().hint()).contains("army_cap");
  }

  @Test
  void load_redLineNamingAnUnknownIssue_isRejected() {
    List<Problem> ps = problems(VALID.replace("\"army_cap >= 600000\"", "\"troops == 'none'\""));
    assertThat(ps).singleElement().satisfies(p -> assertThat(p.message()).contains("troops"));
  }

  @Test
  void load_draftWithUnknownOption_namesTheValidOptions() {
    List<Problem> ps =
        problems(
            VALID.replace(
                "d1: { nato: ban, army-cap: 600000 }", "d1: { nato: maybe, army-cap: 650000 }"));
    assertThat(ps).hasSize(2);
    assertThat(ps.get(0).display())
        .startsWith("t.negotiation.yaml:22:")
        .contains("'maybe' is not an option of 'nato'")
        .contains("ban, open-door");
    assertThat(ps.get(1).hint()).contains("from 400000 to 800000 in steps of 200000");
  }

  @Test
  void load_severalMistakes_reportsAllInFileOrder() {
    String broken =
        VALID
            .replace("reservation: 0.2", "reservation: 1.5")
            .replace("cites: [s1]", "cites: [s2]")
            .replace("  A:\n    weights", "  A:\n    colour: red\n    weights");
    List<Problem> ps = problems(broken);
    assertThat(ps)
        .extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("unknown key 'colour'"))
        .anySatisfy(m -> assertThat(m).contains("reservation of A is 1.5"))
        .anySatisfy(m -> assertThat(m).contains("unknown source 's2'"));
    assertThat(ps).extracting(p -> p.where().line()).isSorted();
  }

  @Test
  void load_weightedIssueWithoutValues_saysWhichIssue() {
    List<Problem> ps =
        problems(VALID.replace("weights: { nato: 1 }", "weights: { nato: 1, army-cap: 1 }"));
    assertThat(ps)
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .contains("'B' weighs issue 'army-cap' but gives no values"));
  }

  @Test
  void load_duplicateKey_isASyntaxProblemWithBothPlaces() {
    List<Problem> ps = problems(VALID.replace("id: t\n", "id: t\nid: u\n"));
    assertThat(ps)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.where().line()).isEqualTo(3);
              assertThat(p.hint()).contains(":2:");
            });
  }

  @Test
  void load_valuesMissingAnOption_listsTheMissingOptions() {
    List<Problem> ps =
        problems(
            VALID.replace(
                "values: { nato: { ban: 1, open-door: 0 } }", "values: { nato: { ban: 1 } }"));
    assertThat(ps)
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("leaves out open-door"));
  }

  @Test
  void write_thenLoad_givesTheSameModelUpToLocations() {
    NegotiationModel m = NegotiationLoader.load(VALID, "t.negotiation.yaml");
    NegotiationModel again =
        NegotiationLoader.load(NegotiationWriter.write(m), "t2.negotiation.yaml");
    assertThat(again.preferences().get("A").weights())
        .isEqualTo(m.preferences().get("A").weights());
    assertThat(again.preferences().get("A").values()).isEqualTo(m.preferences().get("A").values());
    assertThat(again.preferences().get("B").redLines())
        .extracting(r -> r.condition() + "|" + r.text() + "|" + r.cites())
        .isEqualTo(
            m.preferences().get("B").redLines().stream()
                .map(r -> r.condition() + "|" + r.text() + "|" + r.cites())
                .toList());
    assertThat(again.drafts())
        .extracting(d -> d.choices())
        .isEqualTo(m.drafts().stream().map(d -> d.choices()).toList());
  }

  @Test
  void numericIssue_decimalStep_labelsAndMatchesValuesAsWritten() {
    NumericIssue share =
        new NumericIssue("share", 0, 1, 0.1, org.umbrella.negotiation.Location.unknown("t"));
    assertThat(share.size()).isEqualTo(11);
    assertThat(share.label(3)).isEqualTo("0.3");
    assertThat(share.celValue(3)).isEqualTo(0.3);
    assertThat(share.indexOf("0.7")).contains(7);
    assertThat(share.indexOf(0.75)).isEmpty();
  }

  @Test
  void load_unclosedFlowMapping_reportsWhereAndWhatWasExpected() {
    List<Problem> ps =
        problems("umbrella: 1\nid: x\nissues:\n  nato: { options: [ban, open] \n  x: 1\n");
    assertThat(ps)
        .singleElement()
        .satisfies(
            p -> {
              // found on the next key's line; the message names the line of the mapping left open
              assertThat(p.where().line()).isEqualTo(5);
              assertThat(p.message())
                  .startsWith("YAML syntax")
                  .contains("expected ',' or '}'")
                  .contains("while parsing a flow mapping at line 4");
            });
  }
}
