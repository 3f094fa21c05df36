package org.umbrella.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umbrella.cli.Umbrella;
import org.umbrella.engine.output.OutputCodec;
import picocli.CommandLine;

/** The replay and why commands, end to end through files, on the engine's golden scenarios. */
class ReplayCommandTest {
  static final Path SCENARIOS = Path.of("../engine/src/test/resources/scenarios");
  static final Path AGREEMENT = SCENARIOS.resolve("_agreements/guarantee.yaml");
  static final Path SCENARIO = SCENARIOS.resolve("20-obligation-deadlines");

  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cli = Umbrella.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void replay_inputShuffledAndSortedOnDiskInTinyRuns_givesTheGoldenTrace() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(SCENARIO.resolve("input.jsonl")));
    Collections.reverse(lines);
    Path shuffled = tmp.resolve("reversed.jsonl");
    Files.write(shuffled, lines);
    Path out = tmp.resolve("out.jsonl");
    Run r =
        run(
            "replay",
            AGREEMENT.toString(),
            shuffled.toString(),
            "--sort-chunk",
            "2",
            "--out",
            out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(out))
        .isEqualTo(Files.readString(SCENARIO.resolve("expected.jsonl")));
  }

  @Test
  void replay_severalFiles_areOneStreamWithStateCarriedOver() throws IOException {
    List<String> lines = Files.readAllLines(SCENARIO.resolve("input.jsonl"));
    Path a = tmp.resolve("a.jsonl");
    Path b = tmp.resolve("b.jsonl");
    Files.write(a, lines.subList(0, 4));
    Files.write(b, lines.subList(4, lines.size()));
    Path out = tmp.resolve("out.jsonl");
    Run r =
        run("replay", AGREEMENT.toString(), a.toString(), b.toString(), "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(out))
        .isEqualTo(Files.readString(SCENARIO.resolve("expected.jsonl")));
  }

  @Test
  void replay_summary_countsObligationsAndListsStatusChanges() {
    Run r =
        run(
            "replay",
            AGREEMENT.toString(),
            SCENARIO.resolve("input.jsonl").toString(),
            "--summary");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Obligations: 4 created; 2 fulfilled, 0 waived, 2 breached, 0 pending at the end")
        .contains("2026-03-02T03:00:00Z  guarantee defence: active -> triggered")
        .contains("response-ignored             2");
  }

  @Test
  void why_breachedObligation_tracesBackToTheIncidents() throws IOException {
    Path out = tmp.resolve("out.jsonl");
    assertThat(
            run(
                    "replay",
                    AGREEMENT.toString(),
                    SCENARIO.resolve("input.jsonl").toString(),
                    "--out",
                    out.toString())
                .exit())
        .isZero();
    Run r =
        run(
            "why",
            "defence/decide/GB/attack/1",
            "--outputs",
            out.toString(),
            "--events",
            SCENARIO.resolve("input.jsonl").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("obligation defence/decide/GB/attack/1")
        .contains("breached: no response by 2026-03-09T03:00:00Z")
        .contains("finding attack/1 (definition attack, actor RU, 2 incident(s)")
        .contains("confirmed: majority of 5 eligible: 3 confirm")
        .contains("determination d1")
        .contains("incident v1: shelling at 2026-03-02T00:00:00Z");
  }

  @Test
  void why_quickIdOfEveryGoldenOutputLine_isTheDecodedId() throws IOException {
    int lines = 0;
    try (var dirs = Files.list(SCENARIOS)) {
      for (Path expected :
          dirs.map(d -> d.resolve("expected.jsonl")).filter(Files::isRegularFile).toList()) {
        long n = 0;
        for (String line : Files.readAllLines(expected)) {
          n++;
          if (!line.isBlank()) {
            assertThat(WhyCommand.topLevelId(line))
                .as(expected + ":" + n)
                .isEqualTo(OutputCodec.decode(line, n).id());
            lines++;
          }
        }
      }
    }
    assertThat(lines).isGreaterThan(100);
  }

  @Test
  void replay_unknownFormat_isAUserErrorWithTheValidFormats() {
    Run r =
        run(
            "replay",
            AGREEMENT.toString(),
            SCENARIO.resolve("input.jsonl").toString(),
            "--format",
            "gdelt");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("unknown --format 'gdelt'; expected one of umbrella, ucdp, acled, viina, csv");
  }

  @Test
  void replay_brokenLine_namesFileLineAndField() throws IOException {
    Path bad = tmp.resolve("bad.jsonl");
    Files.writeString(
        bad,
        "{\"type\":\"tick\",\"time\":\"2026-03-01T00:00:00Z\"}\n{\"type\":\"incident\",\"id\":\"x\",\"time\":\"yesterday\"}\n");
    Run r = run("replay", AGREEMENT.toString(), bad.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(bad + ":2: field 'time': expected an ISO-8601 UTC instant");
  }

  @Test
  void replay_exportedJournalInAnyLineOrder_replaysInRecordOrderAndGivesTheGoldenTrace()
      throws IOException {
    // the future-dated typo scenario carries 'recorded' on every line: sorted by record time, not
    // by
    // the claimed 2099, it gives the golden trace (nothing breached or expired by the typo)
    Path scenario = SCENARIOS.resolve("29-future-dated-typo");
    List<String> lines = new ArrayList<>(Files.readAllLines(scenario.resolve("input.jsonl")));
    Collections.reverse(lines);
    Path reversed = tmp.resolve("journal.jsonl");
    Files.write(reversed, lines);
    Path out = tmp.resolve("out.jsonl");
    Run r =
        run(
            "replay",
            AGREEMENT.toString(),
            reversed.toString(),
            "--sort-chunk",
            "3",
            "--out",
            out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(out))
        .isEqualTo(Files.readString(scenario.resolve("expected.jsonl")));
    Run why =
        run("why", "violation/x1", "--outputs", out.toString(), "--events", reversed.toString());
    assertThat(why.exit()).as(why.err()).isZero();
    assertThat(why.out())
        .contains("incident x1: shelling at 2099-03-02T05:00:00Z")
        .contains("recorded 2026-03-02T05:00:00Z");
  }

  @Test
  void replay_yearBeyondWhatTheEngineCarries_isALocatedErrorAndWritesNothing() throws IOException {
    // issue 15 defect 4: was "internal error: ArithmeticException: long overflow", exit 3, partial
    // output
    Path bad = tmp.resolve("far.jsonl");
    Files.writeString(
        bad,
        "{\"type\":\"tick\",\"time\":\"2026-03-01T00:00:00Z\"}\n"
            + "{\"type\":\"tick\",\"time\":\"+292278995-01-01T00:00:00Z\"}\n");
    Path out = tmp.resolve("out.jsonl");
    Run r = run("replay", AGREEMENT.toString(), bad.toString(), "--out", out.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            bad + ":2: field 'time': instant out of range: must lie within years 0000 to 9999");
    assertThat(r.err()).doesNotContain("Exception");
    assertThat(Files.readString(out)).isEmpty();
  }
}
