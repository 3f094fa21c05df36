package org.umbrella.engine.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.umbrella.engine.EngineException;
import org.umbrella.engine.Scenarios;

/**
 * The engine's output statuses as types: each status has one spelling, the spelling reads back to
 * the same status, a status record cannot mix a guarantee's state with a provision's, and every
 * output line of the golden traces decodes to typed records that encode to the same bytes.
 */
class OutputStatusTest {

  @Test
  void everyEnumStatus_readsBackFromItsWireName() {
    for (FindingStatus s : FindingStatus.values()) {
      assertThat(FindingStatus.fromWire(s.wireName())).contains(s);
      assertThat(FindingStatus.ofCode(s.code())).isSameAs(s);
      assertThat(s.toString()).isEqualTo(s.wireName());
    }
    for (ObligationStatus s : ObligationStatus.values()) {
      assertThat(ObligationStatus.fromWire(s.wireName())).contains(s);
    }
    for (GuaranteeStatus s : GuaranteeStatus.values()) {
      assertThat(SubjectStatus.fromWire("guarantee", s.wireName())).contains(s);
    }
    assertThat(FindingStatus.values())
        .extracting(FindingStatus::wireName)
        .containsExactly("candidate", "confirmed", "rejected", "withdrawn");
    assertThat(ProvisionStatus.IN_FORCE.wireName()).isEqualTo("in-force");
  }

  @Test
  void statusWordsOfTheWrongKindOrSpelling_areNotStatuses() {
    assertThat(FindingStatus.fromWire("CONFIRMED")).isEmpty();
    assertThat(ObligationStatus.fromWire("candidate")).isEmpty();
    assertThat(SubjectStatus.fromWire("provision", "triggered")).isEmpty();
    assertThat(SubjectStatus.fromWire("guarantee", "in-force")).isEmpty();
    assertThat(SubjectStatus.fromWire("treaty", "active")).isEmpty();
    assertThat(ProvisionStatus.fromWire("implemented-")).isEmpty();
    assertThat(ProvisionStatus.fromWire("implemented-03")).isEmpty();
    assertThat(ProvisionStatus.fromWire("implemented--1")).isEmpty();
    assertThat(ProvisionStatus.fromWire("implemented-9999999999")).isEmpty();
    assertThat(ProvisionStatus.fromWire("implemented")).isEmpty();
  }

  @Property
  void implementedAtAnyLevel_readsBackWithItsLevel(@ForAll @IntRange(min = 0) int level) {
    ProvisionStatus s = ProvisionStatus.implemented(level);
    assertThat(s.wireName()).isEqualTo("implemented-" + level);
    assertThat(ProvisionStatus.fromWire(s.wireName())).contains(s);
    assertThat(s.implementationLevel()).contains(level);
  }

  @Test
  void aLevel_goesWithImplementedOnly() {
    assertThatThrownBy(() -> new ProvisionStatus(ProvisionStatus.Stage.IN_FORCE, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ProvisionStatus(ProvisionStatus.Stage.IMPLEMENTED, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ProvisionStatus.BREACHED.implementationLevel()).isEmpty();
  }

  @Test
  void aStatusRecord_cannotPairAGuaranteeStateWithAProvisionState() {
    Cause cause = new Cause("g", "test", List.of(), List.of());
    assertThatThrownBy(
            () ->
                new StatusRecord(
                    "g#1",
                    Instant.EPOCH,
                    "g",
                    GuaranteeStatus.ACTIVE,
                    ProvisionStatus.PENDING,
                    cause))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("guarantee status after a provision status");
    assertThat(
            new StatusRecord(
                    "p#1",
                    Instant.EPOCH,
                    "p",
                    ProvisionStatus.IN_FORCE,
                    ProvisionStatus.PENDING,
                    cause)
                .subjectKind())
        .isEqualTo("provision");
  }

  @Test
  void anUnknownStatusInOutput_isRefusedNamingTheLineAndField() {
    String line =
        "{\"actor\":\"\",\"cause\":{\"definition\":\"d\",\"inputs\":[],\"outputs\":[],\"rule\":\"r\"},"
            + "\"definition\":\"d\",\"id\":\"d/1\",\"incidents\":[],\"status\":\"upheld\","
            + "\"time\":\"2026-03-01T00:00:00Z\",\"type\":\"finding\"}";
    assertThatThrownBy(() -> OutputCodec.decode(line, 7))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("line 7")
        .hasMessageContaining("'status' is unknown");
    String mixed =
        "{\"cause\":{\"definition\":\"g\",\"inputs\":[],\"outputs\":[],\"rule\":\"r\"},\"id\":\"g#1\","
            + "\"previous\":\"pending\",\"status\":\"active\",\"subject\":\"g\","
            + "\"subject-kind\":\"guarantee\",\"time\":\"2026-03-01T00:00:00Z\",\"type\":\"status\"}";
    assertThatThrownBy(() -> OutputCodec.decode(mixed, 2))
        .isInstanceOf(EngineException.class)
        .hasMessageContaining("'previous' is unknown");
  }

  /** Every status the golden traces hold, typed and written back, gives the trace's bytes. */
  @Test
  void everyGoldenOutputLine_decodesToTypesAndEncodesToTheSameBytes() throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path scenario : Scenarios.all()) {
      lines.addAll(Files.readAllLines(scenario.resolve("expected.jsonl")));
    }
    int statuses = 0;
    int provisionLevels = 0;
    long n = 0;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      OutputRecord r = OutputCodec.decode(line, ++n);
      assertThat(OutputCodec.encode(r)).isEqualTo(line);
      if (r instanceof StatusRecord s) {
        statuses++;
        provisionLevels +=
            s.status() instanceof ProvisionStatus p && p.implementationLevel().isPresent() ? 1 : 0;
      }
    }
    // the traces exercise every kind of status, implementation levels included
    assertThat(statuses).isGreaterThan(20);
    assertThat(provisionLevels).isPositive();
    assertThat(n).isGreaterThan(200);
  }
}
