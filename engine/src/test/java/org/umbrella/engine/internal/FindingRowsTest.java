package org.umbrella.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.EngineOptions;
import org.umbrella.engine.Scenarios;
import org.umbrella.engine.input.Actor;
import org.umbrella.engine.input.Fatalities;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.IncidentPlace;
import org.umbrella.engine.input.IncidentSource;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.PlacePrecision;
import org.umbrella.engine.input.Tick;
import org.umbrella.engine.input.TimePrecision;

/**
 * The rows of remembered findings are given back: over a long stream with aggregates raised and
 * withdrawn, re-attributions and re-dated versions, the rows in use stay bounded by what the
 * revision horizon and the windows keep, and fall to a handful once the clock has passed the
 * horizon and a window has moved on. A row never let go (a leaked reference count) would make them
 * grow with the stream.
 */
class FindingRowsTest {
  static final Agreement WINDOWS =
      Scenarios.agreement(Path.of("src/test/resources/scenarios/06-rearm"));
  static final Instant DAY0 = Instant.parse("2026-03-01T00:00:00Z");

  static Incident incident(String id, Instant time, String party) {
    return new Incident(
        id,
        time,
        TimePrecision.EXACT,
        new IncidentPlace(48, 37, PlacePrecision.EXACT),
        Kind.SHELLING,
        new Actor(party, 0.9),
        "",
        Fatalities.NONE_REPORTED,
        List.of(new IncidentSource("s-" + id, "monitor", "g")),
        ReviewStatus.VERIFIED,
        List.of());
  }

  @Test
  void rowsInUse_stayBoundedOverALongStream_andFallBackPastTheHorizon() {
    Evaluator evaluator = new Evaluator(WINDOWS, new EngineOptions(Duration.ofDays(2)));
    int[] outputs = new int[1];
    int peak = 0;
    // one incident an hour for 400 days; every 7th re-attributed an hour later, every 11th re-dated
    for (int h = 0; h < 24 * 400; h++) {
      Instant now = DAY0.plusSeconds(3600L * h);
      Incident i = incident("i" + h, now, h % 3 == 0 ? "UA" : "RU");
      evaluator.process(i, now, r -> outputs[0]++);
      if (h % 7 == 1) {
        Incident earlier = incident("i" + (h - 1), DAY0.plusSeconds(3600L * (h - 1)), "RU");
        evaluator.process(earlier.withActor(new Actor("UA", 0.9)), now, r -> outputs[0]++);
      }
      if (h % 11 == 2) {
        evaluator.process(
            incident("i" + (h - 2), DAY0.plusSeconds(3600L * (h - 2) + 600), "RU"),
            now,
            r -> outputs[0]++);
      }
      peak = Math.max(peak, evaluator.findingRows());
    }
    assertThat(outputs[0]).isGreaterThan(24 * 400);
    // two days of incidents (48) and their versions, the window's entries and aggregates: a few
    // hundred at most
    assertThat(peak).isBetween(48, 600);
    Instant later = DAY0.plus(Duration.ofDays(500));
    evaluator.process(new Tick(later), later, r -> outputs[0]++);
    // the next finding counted lets its window drop what no rescan can need any more
    evaluator.process(incident("last", later, "RU"), later, r -> outputs[0]++);
    assertThat(evaluator.findingRows()).isBetween(1, 10);
  }
}
