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
 * {@code replay --engine kafka-streams} (the topology on a Kafka broker started in process) writes
 * the same bytes as the single-node engine: on a golden scenario, and on the UCDP sample of
 * ../shared (skipped with a message when absent). Each replay starts its own broker (5-10 s).
 */
class ReplayKafkaStreamsTest {
  static final Path UCDP = Path.of("../../shared/data/events/ucdp-ged-25.1-ukraine-sample.csv");

  @TempDir Path tmp;

  @Test
  void replay_kafkaStreams_givesTheGoldenTrace_andTheSingleNodeSummary() throws IOException {
    String input = ReplayCommandTest.SCENARIO.resolve("input.jsonl").toString();
    Path out = tmp.resolve("out.jsonl");
    Path singleOut = tmp.resolve("single.jsonl");
    Run single =
        ReplayCommandTest.run(
            "replay",
            ReplayCommandTest.AGREEMENT.toString(),
            input,
            "--out",
            singleOut.toString(),
            "--summary");
    Run streams =
        ReplayCommandTest.run(
            "replay",
            ReplayCommandTest.AGREEMENT.toString(),
            input,
            "--engine",
            "kafka-streams",
            "--out",
            out.toString(),
            "--summary");
    assertThat(streams.exit()).as(streams.err()).isZero();
    assertThat(Files.readString(out))
        .isEqualTo(Files.readString(ReplayCommandTest.SCENARIO.resolve("expected.jsonl")));
    // the summary attributes each finding to the input that caused it, so inputs and outputs must
    // come back interleaved as on one node; the last line reports the elapsed time, which differs
    assertThat(withoutTimings(streams.out()).replace(out.toString(), "OUT"))
        .isEqualTo(withoutTimings(single.out()).replace(singleOut.toString(), "OUT"))
        .contains("2 breached")
        .contains("(no region given) 2");
  }

  @Test
  void replay_unknownEngine_isAUserErrorNamingTheChoices() {
    Run r =
        ReplayCommandTest.run(
            "replay",
            ReplayCommandTest.AGREEMENT.toString(),
            ReplayCommandTest.SCENARIO.resolve("input.jsonl").toString(),
            "--engine",
            "flink");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err())
        .contains("--engine must be single-node or kafka-streams, was 'flink'")
        .doesNotContain("Exception");
  }

  @Test
  void replay_ucdpSample_kafkaStreamsEqualsSingleNodeByteForByte() throws IOException {
    assumeTrue(
        Files.isRegularFile(UCDP),
        "skipped: the UCDP sample " + UCDP.toAbsolutePath().normalize() + " is absent");
    Path agreement = Path.of("../bench/twenty-point.agreement.yaml");
    Path single = tmp.resolve("single.jsonl");
    Path streams = tmp.resolve("streams.jsonl");
    Run a =
        ReplayCommandTest.run(
            "replay",
            agreement.toString(),
            UCDP.toString(),
            "--format",
            "ucdp",
            "--out",
            single.toString());
    Run b =
        ReplayCommandTest.run(
            "replay",
            agreement.toString(),
            UCDP.toString(),
            "--format",
            "ucdp",
            "--out",
            streams.toString(),
            "--engine",
            "kafka-streams");
    assertThat(a.exit()).as(a.err()).isZero();
    assertThat(b.exit()).as(b.err()).isZero();
    assertThat(Files.size(single)).isGreaterThan(1000);
    assertThat(Files.mismatch(single, streams)).isEqualTo(-1L);
  }

  private static String withoutTimings(String summary) {
    return summary.replaceAll(" in [0-9.]+ m?s", " in (time)");
  }
}
