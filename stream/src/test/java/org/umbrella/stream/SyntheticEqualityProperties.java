package org.umbrella.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.RecordedInput;
import org.umbrella.engine.input.Tick;
import org.umbrella.evidence.synthetic.SyntheticIncidents;

/**
 * On synthetic journals with both clocks at work (record times late or early against the claims, so
 * some claims are future-dated; ticks between reports), the topology's output topic equals the
 * single-node engine's output, line for line.
 */
class SyntheticEqualityProperties {
  private static final Agreement TWENTY_POINT =
      Fixtures.file("../bench/twenty-point.agreement.yaml");

  @Property(tries = 12)
  void topology_syntheticJournal_equalsTheSingleNodeEngine(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 600) int n) {
    List<RecordedInput> journal = journal(TWENTY_POINT, n, seed);
    assertThat(Fixtures.topology(TWENTY_POINT, journal, EngineTopology.StoreKind.IN_MEMORY))
        .containsExactlyElementsOf(Fixtures.singleNode(TWENTY_POINT, journal));
  }

  @net.jqwik.api.Example
  void journal_exercisesBothClocks_andTheEngineDecidesSomething() {
    List<RecordedInput> journal = journal(TWENTY_POINT, 600, 7);
    assertThat(journal)
        .anyMatch(r -> r.recordedAt().isBefore(r.record().time())); // future-dated claims
    assertThat(journal).anyMatch(r -> r.record() instanceof Tick);
    assertThat(Fixtures.singleNode(TWENTY_POINT, journal)).hasSizeGreaterThan(10);
  }

  /**
   * n synthetic incidents near the line, each recorded up to 2 days after (or, one in ten, up to 3
   * days before) its claim, with ticks; in record-time order.
   */
  static List<RecordedInput> journal(Agreement agreement, int n, long seed) {
    SyntheticIncidents s =
        new SyntheticIncidents(
            agreement.places().get("line-of-contact").geometry(),
            List.of(new double[] {37.6176, 55.7558}),
            n,
            Instant.parse("2026-03-01T00:00:00Z"),
            3_600_000,
            10,
            seed);
    SplittableRandom random = new SplittableRandom(seed);
    List<RecordedInput> out = new ArrayList<>();
    while (s.hasNext()) {
      Incident i = s.next();
      long delayMinutes =
          random.nextInt(10) == 0 ? -random.nextLong(3 * 24 * 60) : random.nextLong(2 * 24 * 60);
      out.add(new RecordedInput(i, i.time().plus(Duration.ofMinutes(delayMinutes))));
      if (random.nextInt(20) == 0) {
        Instant t = i.time().plus(Duration.ofHours(random.nextLong(96)));
        out.add(new RecordedInput(new Tick(t), t));
      }
    }
    out.sort(Comparator.comparing(RecordedInput::recordedAt)); // stable: ties keep journal order
    return out;
  }
}
