package org.umbrella.agreement.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.umbrella.agreement.diff.AgreementDiff;
import org.umbrella.agreement.diff.Change;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.Basis;
import org.umbrella.agreement.model.ValueLabel;

/**
 * Modelled-value labels: a file modelled from sources labels each threshold, duration, radius and
 * membership stated or modelled; an unlabelled one is a warning (the file still loads), a wrong
 * label an error; diff marks changes between modelled values.
 */
class ValueLabelsTest {
  static LoadResult load(String text) {
    return AgreementLoader.load("t.agreement.yaml", text, ResourceResolver.none());
  }

  static final String HEAD = "umbrella: 1\nid: t\nversion: v1\ntitle: T\n";
  static final String PARTIES =
      "parties: { UA: { name: Ukraine }, RU: { name: Russia }, US: { name: US }, GB: { name: UK } }\n";
  static final String REST =
      """
      bodies:
        commission:
          members: [US, GB, UA]
          quorum: 2
      findings:
        violation:
          match: { kinds: [shelling], sources: 2 }
        attack:
          over: { finding: violation, by: RU, window: 72h, at-least: %s }
          determined-by: commission
          decide-within: 48h
      """;

  @Test
  void modelledFromSources_unlabelledValues_areWarningsAndTheFileStillLoads() {
    LoadResult r = load(HEAD + "basis: modelled-from-sources\n" + PARTIES + REST.formatted("5"));
    assertThat(r.isValid()).isTrue();
    assertThat(r.errors()).isEmpty();
    assertThat(r.warnings()).extracting(Issue::code).containsOnly("unlabelled-value");
    assertThat(r.warnings())
        .extracting(i -> i.line() + ":" + i.value())
        .containsExactly("9:[US, GB, UA]", "10:2", "13:2", "15:72h", "15:5", "17:48h");
    assertThat(r.warnings().getFirst().toDisplayString())
        .startsWith(
            "t.agreement.yaml:9:14: warning[unlabelled-value]: members [US, GB, UA] of body 'commission' is not labelled;");
    assertThat(r.agreement().basis()).isEqualTo(Basis.MODELLED_FROM_SOURCES);
  }

  @Test
  void textBasis_unlabelledValues_areNotWarned() {
    LoadResult r = load(HEAD + PARTIES + REST.formatted("5"));
    assertThat(r.issues()).isEmpty();
    assertThat(r.agreement().basis()).isEqualTo(Basis.TEXT);
  }

  @Test
  void labelledValues_noWarnings_andTheLabelsAreInTheModel() {
    String text = HEAD + "basis: modelled-from-sources\n" + PARTIES + labelled("5");
    LoadResult r = load(text);
    assertThat(r.issues()).as(r.toDisplayString()).isEmpty();
    Agreement a = r.agreement();
    assertThat(a.label("findings.attack.over.at-least"))
        .contains(
            new ValueLabel(
                "findings.attack.over.at-least",
                ValueLabel.Origin.MODELLED,
                "no text gives a count"));
    assertThat(a.label("bodies.commission.members").orElseThrow().origin())
        .isEqualTo(ValueLabel.Origin.STATED);
    assertThat(a.isModelled("bodies.commission.quorum")).isTrue();
    assertThat(a.isModelled("bodies.commission.members")).isFalse();
  }

  @Test
  void wrongLabels_areErrorsSayingWhy() {
    String text =
        HEAD
            + PARTIES
            + """
        places:
          city: { point: [30, 50], km: 10, modelled: { kms: a typo }, stated: [km] }
          line: { point: [30, 50], km: 5, modelled: { km: chosen }, stated: [km] }
        bodies:
          b: { members: [US], modelled: { quorum: absent } }
        """;
    LoadResult r = load(text);
    assertThat(r.isValid()).isFalse();
    assertThat(r.errors())
        .extracting(i -> i.code() + " " + i.value())
        .containsExactly("unknown-label kms", "conflicting-label km", "unknown-label quorum");
    assertThat(r.errors().getFirst().message())
        .isEqualTo("'kms' is not a value place 'city' can label");
    assertThat(r.errors().getFirst().suggestions()).containsExactly("km");
    assertThat(r.errors().get(2).message()).isEqualTo("body 'b' labels quorum, but has no quorum");
  }

  @Test
  void diff_changeBetweenModelledValues_isMarkedAsAModellingChoice() {
    Agreement before =
        load(HEAD + "basis: modelled-from-sources\n" + PARTIES + labelled("25")).agreement();
    Agreement after =
        load(HEAD.replace("v1", "v2") + "basis: modelled-from-sources\n" + PARTIES + labelled("5"))
            .agreement();
    List<Change> changes = AgreementDiff.compare(before, after);
    Change threshold =
        changes.stream()
            .filter(c -> c.description().startsWith("threshold"))
            .findFirst()
            .orElseThrow();
    assertThat(threshold.modelled()).isEqualTo(Change.Modelled.BOTH);
    assertThat(threshold.toString())
        .isEqualTo(
            "~ attack: threshold at least 25 findings -> at least 5 findings [modelled -> modelled: a modelling choice, not a negotiated change]");
    Agreement stated =
        load(HEAD.replace("v1", "v3")
                + "basis: modelled-from-sources\n"
                + PARTIES
                + labelled("7")
                    .replace("over.at-least: no text gives a count, ", "")
                    .replace(
                        "decide-within: two days }",
                        "decide-within: two days }\n    stated: [over.at-least]"))
            .agreement();
    Change toStated =
        AgreementDiff.compare(before, stated).stream()
            .filter(c -> c.description().startsWith("threshold"))
            .findFirst()
            .orElseThrow();
    assertThat(toStated.modelled()).isEqualTo(Change.Modelled.BEFORE);
    assertThat(
            AgreementDiff.compare(before, after).stream()
                .filter(c -> c.description().startsWith("version"))
                .findFirst()
                .orElseThrow()
                .modelled())
        .isEqualTo(Change.Modelled.NEITHER);
  }

  private static String labelled(String threshold) {
    return """
        bodies:
          commission:
            members: [US, GB, UA]
            quorum: 2
            stated: [members]
            modelled: { quorum: a majority of three }
        findings:
          violation:
            match: { kinds: [shelling], sources: 2 }
            stated: [match.sources]
          attack:
            over: { finding: violation, by: RU, window: 72h, at-least: %s }
            determined-by: commission
            decide-within: 48h
            modelled: { over.at-least: no text gives a count, over.window: three days, decide-within: two days }
        """
        .formatted(threshold);
  }
}
