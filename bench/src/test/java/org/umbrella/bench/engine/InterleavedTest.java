package org.umbrella.bench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.umbrella.bench.engine.EngineComparison.Entry;
import org.umbrella.bench.engine.EngineComparison.Run;

/**
 * A round run side by side: two contestants' JVMs, each fed every chunk of the same stream in turn,
 * each chunk timed, and each run read back whole with what it found.
 */
class InterleavedTest {
  @Test
  void everyContestantRunsEveryChunk_andReportsItsWholeRun() {
    // the parent only names the contestants: each child makes its own from the name
    List<Entry> entries =
        List.of(new Entry("generator alone", a -> null), new Entry("hand-written loop", a -> null));
    List<String> childArgs =
        List.of(
            "--incidents", "20000",
            "--warmup", "1000",
            "--agreement", Path.of("twenty-point.agreement.yaml").toAbsolutePath().toString());
    Map<String, List<Long>> chunks = new LinkedHashMap<>();

    Map<String, Run> runs = Interleaved.round(entries, childArgs, 20_000, 6_000, chunks);

    // 20,000 in chunks of 6,000: four chunks, the last one short
    assertThat(chunks.get("generator alone")).hasSize(4).allMatch(t -> t > 0);
    assertThat(chunks.get("hand-written loop")).hasSize(4).allMatch(t -> t > 0);
    assertThat(runs.keySet()).containsExactly("generator alone", "hand-written loop");
    Run hand = runs.get("hand-written loop");
    assertThat(hand.nanos())
        .isEqualTo(chunks.get("hand-written loop").stream().mapToLong(t -> t).sum());
    assertThat(hand.counts()).isNotNull();
    assertThat(hand.counts()[0]).isPositive(); // violations found over the whole stream
    assertThat(runs.get("generator alone").counts()).isNull();
  }
}
