package org.umbrella.negotiation.genius;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.analysis.Scenario;
import org.umbrella.negotiation.load.NegotiationLoader;
import org.umbrella.negotiation.load.NegotiationWriter;

/**
 * GENIUS profiles are read as GENIUS reads them from a file: weights as written (no
 * renormalisation), utility = sum of weight x evaluation / max evaluation, capped at 1 ({@code
 * genius.core.utility.AdditiveUtilitySpace#getUtility}). Tested on profiles whose weights sum to
 * 1.000158 and 0.9999991, as hand-edited GENIUS profiles do.
 */
class GeniusSemanticsTest {
  static final String DOMAIN =
      """
      <negotiation_template><utility_space number_of_issues="2"><objective index="0" name="d" type="objective" etype="objective">
      <issue index="1" name="A" type="discrete" etype="discrete" vtype="discrete"><item index="1" value="a1"/><item index="2" value="a2"/></issue>
      <issue index="2" name="B" type="discrete" etype="discrete" vtype="discrete"><item index="1" value="b1"/><item index="2" value="b2"/></issue>
      </objective></utility_space></negotiation_template>
      """;

  static String profile(String wA, String wB) {
    return """
        <utility_space><objective index="0" name="d" type="objective" etype="objective">
        <issue index="1" name="A" type="discrete" etype="discrete"><item index="1" value="a1" evaluation="1"/><item index="2" value="a2" evaluation="2"/></issue>
        <issue index="2" name="B" type="discrete" etype="discrete"><item index="1" value="b1" evaluation="3"/><item index="2" value="b2" evaluation="1"/></issue>
        <weight index="1" value="%s"/><weight index="2" value="%s"/>
        </objective></utility_space>
        """
        .formatted(wA, wB);
  }

  static NegotiationModel model(boolean renormalise) {
    return GeniusImport.read(
        DOMAIN,
        "d.xml",
        List.of(
            new GeniusImport.Profile("over", profile("0.6", "0.400158"), "over.xml"),
            new GeniusImport.Profile("under", profile("0.5999991", "0.4"), "under.xml")),
        renormalise);
  }

  @Test
  void import_weightsNotSummingToOne_usedAsWrittenAndCappedAtOne() {
    Scenario s = Scenario.of(model(false));
    // (a2, b1): 0.6 x 2/2 + 0.400158 x 3/3 = 1.000158, capped at 1 as GENIUS does.
    assertThat(s.utility(0, new int[] {1, 0})).isEqualTo(1.0);
    // (a2, b2): 0.6 + 0.400158 x 1/3, not divided by the weights' sum.
    assertThat(s.utility(0, new int[] {1, 1}))
        .isEqualTo(0.6 + 0.400158 / 3, org.assertj.core.data.Offset.offset(1e-15));
    // (a2, b1) for the profile summing to 0.9999991: 0.9999991, not 1.
    assertThat(s.utility(1, new int[] {1, 0}))
        .isEqualTo(0.9999991, org.assertj.core.data.Offset.offset(1e-15));
  }

  @Test
  void import_renormaliseOnRequest_dividesByTheSum() {
    Scenario s = Scenario.of(model(true));
    assertThat(s.utility(0, new int[] {1, 1}))
        .isEqualTo((0.6 + 0.400158 / 3) / 1.000158, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(s.utility(1, new int[] {1, 0}))
        .isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void writtenAsNegotiationFile_keepsWeightsAsWritten() {
    String yaml = NegotiationWriter.write(model(false));
    assertThat(yaml).contains("weights-as-written: true");
    NegotiationModel back = NegotiationLoader.load(yaml, "back.negotiation.yaml");
    Scenario s = Scenario.of(back);
    assertThat(s.utility(0, new int[] {1, 0})).isEqualTo(1.0);
    assertThat(s.utility(1, new int[] {1, 0}))
        .isEqualTo(0.9999991, org.assertj.core.data.Offset.offset(1e-12));
  }
}
