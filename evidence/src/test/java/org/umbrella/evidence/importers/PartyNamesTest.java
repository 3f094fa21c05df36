package org.umbrella.evidence.importers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.umbrella.agreement.io.AgreementFiles;
import org.umbrella.agreement.load.LoadResult;

/**
 * Party names come from the agreement replayed: its parties, by known alias or by their full name.
 */
class PartyNamesTest {
  @Test
  void forAgreement_mapsKnownAliasesAndFullNamesOfTheAgreementsParties() {
    Path example = Repository.root().resolve("examples/ukraine/plan-28pt.agreement.yaml");
    Assumptions.assumeTrue(Files.exists(example), "skipped: the 28-point example is absent");
    LoadResult loaded = AgreementFiles.load(example);
    assertThat(loaded.isValid()).isTrue();
    PartyNames names = PartyNames.forAgreement(loaded.agreement());

    assertThat(names.party("Government of Russia (Soviet Union)")).contains("RU");
    assertThat(names.party("Military Forces of Ukraine (2019-)")).contains("UA");
    // not in ukraineWar(): the agreement's own parties by the names it gives them
    assertThat(names.party("Government of France")).contains("FR");
    assertThat(names.party("Military Forces of Poland")).contains("PL");
    assertThat(PartyNames.ukraineWar().party("Government of France")).isEmpty();
    // a country that is not a party stays unattributed
    assertThat(names.party("Government of Belarus")).isEqualTo(Optional.empty());
  }
}
