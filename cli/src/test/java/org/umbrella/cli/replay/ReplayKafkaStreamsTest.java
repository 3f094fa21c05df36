package org.umbrella.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umbrella.cli.replay.ReplayCommandTest.Run;

/**
 * {@code replay --engine kafka-streams} writes the same bytes as the single-node engine: on a golden
 * scenario, and on the UCDP sample of ../shared (skipped with a message when absent).
 */
class ReplayKafkaStreamsTest {
  static final Path UCDP = Path.of("../../shared/data/events/ucdp-ged-25.1-ukraine-sample.csv");

  @TempDir Path tmp;

  @Test
  void replay_kafkaStreams_givesTheGoldenTrace() throws IOException {
    Path out = tmp.resolve("out.jsonl");
    Run r = ReplayCommandTest.run("replay", ReplayCommandTest.AGREEMENT.toString(),
        ReplayCommandTest.SCENARIO.resolve("input.jsonl").toString(), "--engine", "kafka-streams", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(out)).isEqualTo(Files.readString(ReplayCommandTest.SCENARIO.resolve("expected.jsonl")));
  }

  @Test
  void replay_kafkaStreams_summaryEqualsSingleNode() {
    String input = ReplayCommandTest.SCENARIO.resolve("input.jsonl").toString();
    Run single = ReplayCommandTest.run("replay", ReplayCommandTest.AGREEMENT.toString(), input, "--summary");
    Run streams = ReplayCommandTest.run("replay", ReplayCommandTest.AGREEMENT.toString(), input, "--summary", "--engine", "kafka-streams");
    assertThat(streams.exit()).as(streams.err()).isZero();
    // the last line reports the elapsed time, which differs
    assertThat(withoutTimings(streams.out())).isEqualTo(withoutTimings(single.out())).contains("2 breached");
  }

  @Test
  void replay_unknownEngine_isAUserErrorNamingTheChoices() {
    Run r = ReplayCommandTest.run("replay", ReplayCommandTest.AGREEMENT.toString(),
        ReplayCommandTest.SCENARIO.resolve("input.jsonl").toString(), "--engine", "flink");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("--engine must be single-node or kafka-streams, was 'flink'").doesNotContain("Exception");
  }

  @Test
  void replay_ucdpSample_kafkaStreamsEqualsSingleNodeByteForByte() throws IOException {
    assumeTrue(Files.isRegularFile(UCDP), "skipped: the UCDP sample " + UCDP.toAbsolutePath().normalize() + " is absent");
    Path agreement = Path.of("../bench/twenty-point.agreement.yaml");
    Path single = tmp.resolve("single.jsonl");
    Path streams = tmp.resolve("streams.jsonl");
    Run a = ReplayCommandTest.run("replay", agreement.toString(), UCDP.toString(), "--format", "ucdp", "--out", single.toString());
    Run b = ReplayCommandTest.run("replay", agreement.toString(), UCDP.toString(), "--format", "ucdp", "--out", streams.toString(),
        "--engine", "kafka-streams");
    assertThat(a.exit()).as(a.err()).isZero();
    assertThat(b.exit()).as(b.err()).isZero();
    assertThat(Files.size(single)).isGreaterThan(1000);
    assertThat(Files.mismatch(single, streams)).isEqualTo(-1L);
  }

  private static String withoutTimings(String summary) {
    return summary.replaceAll(" in [0-9.]+ m?s", " in (time)");
  }
}
