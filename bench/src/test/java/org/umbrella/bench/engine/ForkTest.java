package org.umbrella.bench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.umbrella.bench.engine.EngineComparison.Run;

/** The one line a forked run prints is read back as the run it was made from. */
class ForkTest {
  @Test
  void aRunWithCountsAndWordsComesBackWhole() {
    Run run =
        new Run(
            2_980_000_123L,
            2_990_000_456L,
            291,
            "violations 2,371,112, significant-attack 116 (with spaces, commas)",
            new long[] {2_371_112, 116, 836, 60_640, -1});

    String line = Fork.format(run);
    Run back = Fork.parse(line.substring(Fork.RESULT.length()));

    assertThat(line).startsWith(Fork.RESULT);
    assertThat(back.nanos()).isEqualTo(run.nanos());
    assertThat(back.cpuNanos()).isEqualTo(run.cpuNanos());
    assertThat(back.peakHeapMb()).isEqualTo(291);
    assertThat(back.found()).isEqualTo(run.found());
    assertThat(back.counts()).containsExactly(2_371_112, 116, 836, 60_640, -1);
  }

  @Test
  void theGeneratorHasNoCountsAndFindsNothing() {
    Run back = Fork.parse(Fork.format(new Run(1, 2, 3, "", null)).substring(Fork.RESULT.length()));

    assertThat(back.counts()).isNull();
    assertThat(back.found()).isEmpty();
  }
}
