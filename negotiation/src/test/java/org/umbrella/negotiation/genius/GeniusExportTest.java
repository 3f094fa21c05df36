package org.umbrella.negotiation.genius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.umbrella.negotiation.InvalidGeniusFileException;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.SharedData;
import org.umbrella.negotiation.analysis.Scenario;
import org.umbrella.negotiation.load.NegotiationLoader;

class GeniusExportTest {

  @Test
  void exportThenImport_ukraineExample_keepsEveryPartysUtilityUpToOneFactorPerParty() {
    NegotiationModel m =
        NegotiationLoader.load(
            SharedData.read(SharedData.repoFile("examples/ukraine/settlement.negotiation.yaml")),
            "u.yaml");
    Map<String, String> profiles = GeniusExport.profiles(m);
    List<GeniusImport.Profile> ps = new ArrayList<>();
    profiles.forEach((party, xml) -> ps.add(new GeniusImport.Profile(party, xml, party + ".xml")));
    NegotiationModel back = GeniusImport.read(GeniusExport.domain(m), "domain.xml", ps);
    Scenario a = Scenario.of(m);
    Scenario b = Scenario.of(back);
    int[] sizes = a.sizes();
    SplittableRandom r = new SplittableRandom(1);
    double[] factor = new double[a.parties()];
    for (int t = 0; t < 200; t++) {
      int[] o = new int[sizes.length];
      for (int i = 0; i < o.length; i++) {
        o[i] = r.nextInt(sizes[i]);
      }
      for (int p = 0; p < a.parties(); p++) {
        double ua = a.utility(p, o);
        double ub = b.utility(p, o);
        if (factor[p] == 0 && ua > 0) {
          factor[p] = ub / ua;
        }
        assertThat(ub).isCloseTo(factor[p] * ua, within(1e-9));
        // acceptance by reservation is unchanged (red lines have no GENIUS form)
        assertThat(ub >= b.reservation(p) - 1e-9).isEqualTo(ua >= a.reservation(p) - 1e-9);
      }
    }
  }

  @Test
  void read_profileWithUnknownIssue_namesFileAndIssue() {
    String domain =
        "<negotiation_template><utility_space><objective name=\"d\"><issue index=\"1\" name=\"A\" type=\"discrete\">"
            + "<item index=\"1\" value=\"x\"/></issue></objective></utility_space></negotiation_template>";
    String profile =
        "<utility_space><objective name=\"d\"><issue index=\"1\" name=\"B\" type=\"discrete\"><item index=\"1\" value=\"x\" evaluation=\"1\"/></issue>"
            + "<weight index=\"1\" value=\"1\"/></objective></utility_space>";
    List<GeniusImport.Profile> ps =
        List.of(
            new GeniusImport.Profile("p1", profile, "p1.xml"),
            new GeniusImport.Profile("p2", profile, "p2.xml"));
    assertThat(
            org.assertj.core.api.Assertions.catchThrowableOfType(
                InvalidGeniusFileException.class, () -> GeniusImport.read(domain, "d.xml", ps)))
        .hasMessageContaining("p1.xml")
        .hasMessageContaining("'B' is not in the domain");
  }
}
