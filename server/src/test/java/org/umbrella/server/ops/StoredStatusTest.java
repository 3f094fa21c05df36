package org.umbrella.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.output.FindingStatus;
import org.umbrella.engine.output.ObligationStatus;
import org.umbrella.engine.output.ProvisionStatus;

/**
 * The projection tables' words read back into the engine's types; a word the engine does not have
 * (a table changed outside the service) is an internal error naming the column and the word.
 */
class StoredStatusTest {
  @Test
  void wordsTheProjectionsWrite_readBack() {
    for (FindingStatus s : FindingStatus.values()) {
      assertThat(StoredStatus.finding(s.wireName())).isSameAs(s);
    }
    for (ObligationStatus s : ObligationStatus.values()) {
      assertThat(StoredStatus.obligation(s.wireName())).isSameAs(s);
    }
    assertThat(StoredStatus.subject("provision", "implemented-2"))
        .isEqualTo(ProvisionStatus.implemented(2));
    assertThat(StoredStatus.reportWord(Kind.fromWire("drone_strike"), "kind", "drone_strike"))
        .isEqualTo(Kind.DRONE_STRIKE);
  }

  @Test
  void aWordTheEngineDoesNotHave_isAnInternalErrorNamingIt() {
    assertThatThrownBy(() -> StoredStatus.finding("CONFIRMED"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("finding word")
        .hasMessageContaining("'CONFIRMED'");
    assertThatThrownBy(() -> StoredStatus.subject("guarantee", "in-force"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'in-force'");
    assertThatThrownBy(() -> StoredStatus.reportWord(Kind.fromWire("tank"), "kind", "tank"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("report kind word")
        .hasMessageContaining("'tank'");
  }
}
