package org.umbrella.agreement.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.umbrella.agreement.Examples;
import org.umbrella.agreement.Golden;
import org.umbrella.agreement.model.Agreement;

/**
 * {@code diff} between the shipped drafts matches reviewed golden text and states the real
 * differences.
 */
class AgreementDiffGoldenTest {
  static final Agreement PLAN = load("plan-28pt.agreement.yaml");
  static final Agreement FRAMEWORK = load("framework-20pt.agreement.yaml");
  static final Agreement PARIS = load("paris-declaration.agreement.yaml");

  static Agreement load(String name) {
    return Examples.load(name);
  }

  @Test
  void diff_28pointTo20point_matchesGoldenText() throws Exception {
    Golden.assertMatches(
        Golden.resources().resolve("golden/diff-plan-28pt-framework-20pt.txt"),
        AgreementDiff.render(PLAN, FRAMEWORK, AgreementDiff.compare(PLAN, FRAMEWORK)));
  }

  @Test
  void diff_20pointToParis_matchesGoldenText() throws Exception {
    Golden.assertMatches(
        Golden.resources().resolve("golden/diff-framework-20pt-paris-declaration.txt"),
        AgreementDiff.render(FRAMEWORK, PARIS, AgreementDiff.compare(FRAMEWORK, PARIS)));
  }

  @Test
  void diff_28pointTo20point_statesTheNegotiatedChanges() {
    List<String> lines =
        AgreementDiff.compare(PLAN, FRAMEWORK).stream().map(Change::toString).toList();
    assertThat(lines)
        .contains(
            "~ army-cap: quantity at most 600,000 personnel -> at most 800,000 personnel",
            "- guarantee-payment: The United States is compensated for the guarantee",
            "~ security-guarantee: term 10y -> 15y [not modelled -> modelled]",
            "~ security-guarantee: trigger significant-attack -> russia-opens-fire",
            "~ security-guarantee: void-if gains unprovoked-attack-on-russia",
            "~ security-guarantee: void-if loses invasion-of-russia, unprovoked-strike-on-capitals, change-by-force",
            "~ security-guarantee: guarantors gain NATO");
  }

  @Test
  void diff_sameAgreement_hasNoChanges() {
    assertThat(AgreementDiff.compare(FRAMEWORK, FRAMEWORK)).isEmpty();
    assertThat(AgreementDiff.render(FRAMEWORK, FRAMEWORK, List.of()))
        .endsWith("No differences in meaning.\n");
  }

  @Test
  void diff_citationsOnlyWhenAsked() {
    assertThat(AgreementDiff.compare(PLAN, FRAMEWORK))
        .noneMatch(c -> c.description().startsWith("citations"));
    assertThat(AgreementDiff.compare(PLAN, FRAMEWORK, true))
        .anyMatch(c -> c.description().startsWith("citations"));
  }
}
