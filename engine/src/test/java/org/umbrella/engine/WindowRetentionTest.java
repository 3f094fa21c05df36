package org.umbrella.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.input.Actor;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.Tick;
import org.umbrella.engine.output.FindingRecord;
import org.umbrella.engine.output.OutputRecord;

/**
 * How far back a window keeps its findings (docs/engine.md, "How far back"): a late finding keeps
 * the neighbours it was counted with for as long as it can itself be revised, even when they were
 * counted longer ago than the revision horizon.
 */
class WindowRetentionTest {
  static final Agreement WINDOWS =
      Scenarios.agreement(Path.of("src/test/resources/scenarios/06-rearm"));
  static final Instant DAY0 = Instant.parse("2026-03-01T00:00:00Z");

  static Instant at(double days) {
    return DAY0.plusSeconds((long) (days * 86_400));
  }

  @Test
  void lateFinding_revisedWithinItsHorizon_isRescannedWithNeighboursCountedBeforeTheHorizon() {
    Engine e = Engine.create(WINDOWS, new EngineOptions(Duration.ofDays(10)));
    List<OutputRecord> out = new ArrayList<>();
    Incident i3 =
        DocumentedChoicesTest.incident("i3", "2026-03-01T02:00:00Z", "RU", Kind.SHELLING, 48, 37);
    out.addAll(
        e.process(
            DocumentedChoicesTest.incident(
                "i1", "2026-03-01T00:00:00Z", "RU", Kind.SHELLING, 48, 37)));
    out.addAll(
        e.process(
            DocumentedChoicesTest.incident(
                "i2", "2026-03-01T01:00:00Z", "RU", Kind.SHELLING, 48, 37)));
    out.addAll(e.process(new Tick(at(8)), at(8)));
    // eight days late, within the 10-day horizon: i3 completes the window ending at 02:00
    out.addAll(e.process(i3, at(8)));
    out.addAll(
        e.process(
            DocumentedChoicesTest.incident(
                "i4", "2026-03-01T03:00:00Z", "RU", Kind.SHELLING, 48, 37),
            at(8)));
    // day 13: i1 and i2 were counted 13 days ago, beyond the horizon; i3 only 5 days ago
    out.addAll(e.process(new Tick(at(13)), at(13)));
    // a finding counted now lets the window drop what no rescan can need any more
    out.addAll(
        e.process(
            DocumentedChoicesTest.incident(
                "i5", "2026-03-14T00:00:00Z", "RU", Kind.SHELLING, 48, 37),
            at(13)));
    out.addAll(e.process(i3.withActor(new Actor("UA", 0.9)), at(13)));
    List<String> bursts =
        out.stream()
            .filter(o -> o instanceof FindingRecord f && f.definition().equals("burst"))
            .map(
                o ->
                    ((FindingRecord) o).id()
                        + " "
                        + ((FindingRecord) o).status()
                        + " "
                        + ((FindingRecord) o).incidents()
                        + " @"
                        + o.time())
            .toList();
    assertThat(bursts)
        .containsExactly(
            "burst/1 confirmed [i1, i2, i3] @2026-03-09T00:00:00Z",
            "burst/1 withdrawn [i1, i2, i3] @2026-03-14T00:00:00Z",
            // the rescan still has i1 and i2: the window ending at i4 holds
            "burst/2 confirmed [i1, i2, i4] @2026-03-14T00:00:00Z");
  }
}
