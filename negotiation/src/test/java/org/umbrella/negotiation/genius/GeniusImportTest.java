package org.umbrella.negotiation.genius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.umbrella.negotiation.InvalidGeniusFileException;
import org.umbrella.negotiation.NegotiatedIssue;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.NumericIssue;
import org.umbrella.negotiation.ValueFunction;

/**
 * GENIUS's integer issues and the importer's guards: an integer issue's utility is linear from
 * {@code utilityLowestValue} at the lower bound to {@code utilityHighestValue} at the upper, scaled
 * so that the larger is 1 (GENIUS's {@code EvaluatorInteger}); a file that declares a DOCTYPE is
 * refused before any entity is read; a number that is not one is named with its element and
 * attribute.
 */
class GeniusImportTest {
  static final String DOMAIN =
      """
      <negotiation_template><utility_space><objective index="0" name="d" type="objective">
      <issue index="1" name="A" type="discrete"><item index="1" value="a1"/><item index="2" value="a2"/></issue>
      <issue index="2" name="Troops" type="integer" lowerbound="0" upperbound="4"/>
      </objective></utility_space></negotiation_template>
      """;

  static String profile(String integerAttributes) {
    return """
        <utility_space><objective index="0" name="d" type="objective">
        <issue index="1" name="A" type="discrete"><item index="1" value="a1" evaluation="1"/><item index="2" value="a2" evaluation="2"/></issue>
        <issue index="2" name="Troops" type="integer" %s/>
        <weight index="1" value="0.5"/><weight index="2" value="0.5"/>
        </objective></utility_space>
        """
        .formatted(integerAttributes);
  }

  static NegotiationModel read(String first, String second) {
    return GeniusImport.read(
        DOMAIN,
        "d.xml",
        List.of(
            new GeniusImport.Profile("p1", first, "p1.xml"),
            new GeniusImport.Profile("p2", second, "p2.xml")));
  }

  static double valueAt(NegotiationModel m, String party, int option) {
    NegotiatedIssue troops = m.issues().get(1);
    ValueFunction v = m.preferences().get(party).values().get(troops.name());
    return v.value(troops, option).mid();
  }

  @Test
  void anIntegerIssue_isLinearBetweenItsEndsScaledSoTheLargerIsOne() {
    NegotiationModel m =
        read(
            profile("utilityLowestValue=\"1\" utilityHighestValue=\"0.5\""),
            profile("utilityLowestValue=\"0.5\" utilityHighestValue=\"2\""));
    assertThat(m.issues().get(1))
        .isInstanceOfSatisfying(
            NumericIssue.class,
            n -> {
              assertThat(n.size()).isEqualTo(5);
              assertThat(n.low()).isEqualTo(0);
              assertThat(n.high()).isEqualTo(4);
            });
    // p1: from 1 at 0 troops down to 0.5 at 4
    assertThat(valueAt(m, "p1", 0)).isEqualTo(1.0);
    assertThat(valueAt(m, "p1", 2)).isEqualTo(0.75);
    assertThat(valueAt(m, "p1", 4)).isEqualTo(0.5);
    // p2: from 0.5 to 2, scaled by 2: 0.25 at 0 troops, 1 at 4
    assertThat(valueAt(m, "p2", 0)).isEqualTo(0.25);
    assertThat(valueAt(m, "p2", 1)).isEqualTo(0.4375);
    assertThat(valueAt(m, "p2", 4)).isEqualTo(1.0);
  }

  @Test
  void anIntegerIssueWorthNothing_isZeroEverywhere_notADivisionByZero() {
    NegotiationModel m =
        read(
            profile("utilityLowestValue=\"0\" utilityHighestValue=\"0\""),
            profile("utilityLowestValue=\"1\" utilityHighestValue=\"1\""));
    for (int k = 0; k <= 4; k++) {
      assertThat(valueAt(m, "p1", k)).isEqualTo(0.0);
      assertThat(valueAt(m, "p2", k)).isEqualTo(1.0);
    }
  }

  @Test
  void anIntegerIssueWithoutItsEnds_isRefusedNamingFileAndIssue() {
    String ok = profile("utilityLowestValue=\"1\" utilityHighestValue=\"0\"");
    assertThatThrownBy(() -> read(ok, profile("utilityLowestValue=\"1\"")))
        .isInstanceOf(InvalidGeniusFileException.class)
        .hasMessage(
            "p2.xml: integer issue 'Troops' needs utilityLowestValue and utilityHighestValue"
                + " attributes");
  }

  @Test
  void aNumberThatIsNotOne_isNamedWithItsElementAndAttribute() {
    String ok = profile("utilityLowestValue=\"1\" utilityHighestValue=\"0\"");
    assertThatThrownBy(
            () ->
                GeniusImport.read(
                    DOMAIN.replace("upperbound=\"4\"", "upperbound=\"four\""),
                    "d.xml",
                    List.of(
                        new GeniusImport.Profile("p1", ok, "p1.xml"),
                        new GeniusImport.Profile("p2", ok, "p2.xml"))))
        .isInstanceOf(InvalidGeniusFileException.class)
        .hasMessageStartingWith("d.xml: <issue name=\"Troops\"> attribute upperbound")
        .hasMessageContaining("four");
  }

  @Test
  void aDoctype_isRefusedBeforeAnyEntityIsRead() {
    String ok = profile("utilityLowestValue=\"1\" utilityHighestValue=\"0\"");
    String hostile =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>"
            + ok.replace("name=\"d\"", "name=\"&secret;\"");
    assertThatThrownBy(() -> read(ok, hostile))
        .isInstanceOf(InvalidGeniusFileException.class)
        .hasMessageStartingWith("p2.xml: not well-formed XML:")
        .hasMessageContaining("DOCTYPE");
  }
}
