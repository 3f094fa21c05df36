package org.umbrella.cli.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umbrella.cli.Umbrella;
import org.umbrella.engine.output.AlertRecord;
import org.umbrella.engine.output.FindingRecord;
import org.umbrella.engine.output.FindingStatus;
import org.umbrella.engine.output.GuaranteeStatus;
import org.umbrella.engine.output.ObligationRecord;
import org.umbrella.engine.output.OutputCodec;
import org.umbrella.engine.output.OutputRecord;
import org.umbrella.engine.output.StatusRecord;
import picocli.CommandLine;

/**
 * {@code umbrella stress-test} end to end: its counts as recorded equal what {@code umbrella
 * replay} writes for the same design over the same events (counted here independently, from
 * replay's output records), and its report is byte-identical for the same seed.
 */
class StressTestCommandTest {
  static final Path UCDP = Path.of("../../shared/data/events/ucdp-ged-25.1-ukraine-sample.csv");
  static final List<String> UKRAINE_DESIGNS =
      List.of(
          "../examples/ukraine/plan-28pt.agreement.yaml",
          "../examples/ukraine/framework-20pt.agreement.yaml",
          "../bench/twenty-point.agreement.yaml");
  static final Path SCENARIOS = Path.of("../engine/src/test/resources/scenarios");

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
  void countsEqualReplay_onTheUcdpSample_forTheUkraineDesigns() throws IOException {
    assumeTrue(
        Files.isRegularFile(UCDP),
        "skipped: the UCDP sample "
            + UCDP.toAbsolutePath().normalize()
            + " is absent (it lives in the shared folder beside the repository)");
    assertCountsEqualReplay(UKRAINE_DESIGNS, UCDP, "ucdp");
  }

  @Test
  void countsEqualReplay_onAScenarioWithObligationsAndStatusChanges() throws IOException {
    assertCountsEqualReplay(
        List.of(SCENARIOS.resolve("_agreements/guarantee.yaml").toString()),
        SCENARIOS.resolve("20-obligation-deadlines/input.jsonl"),
        "umbrella");
  }

  private void assertCountsEqualReplay(List<String> designs, Path events, String format)
      throws IOException {
    Path dir = tmp.resolve("report");
    String[] args = new String[designs.size() + 7];
    args[0] = "stress-test";
    for (int i = 0; i < designs.size(); i++) {
      args[i + 1] = designs.get(i);
    }
    System.arraycopy(
        new String[] {"--events", events.toString(), "--format", format, "--out", dir.toString()},
        0,
        args,
        designs.size() + 1,
        6);
    Run st = run(args);
    assertThat(st.exit()).as(st.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    assertThat(report.get("designs")).hasSize(designs.size());
    for (int i = 0; i < designs.size(); i++) {
      Path out = tmp.resolve("replay-" + i + ".jsonl");
      Run r =
          run(
              "replay",
              designs.get(i),
              events.toString(),
              "--format",
              format,
              "--out",
              out.toString());
      assertThat(r.exit()).as(r.err()).isZero();
      Counts expected =
          Counts.of(Files.readAllLines(out).stream().map(l -> OutputCodec.decode(l, 0)).toList());
      JsonNode got = report.get("designs").get(i).get("as-recorded");
      Map<String, Long> confirmed = new TreeMap<>();
      Map<String, Long> rejected = new TreeMap<>();
      got.get("findings")
          .properties()
          .forEach(
              e -> {
                if (e.getValue().get("confirmed").asLong() > 0) {
                  confirmed.put(e.getKey(), e.getValue().get("confirmed").asLong());
                }
                if (e.getValue().get("rejected").asLong() > 0) {
                  rejected.put(e.getKey(), e.getValue().get("rejected").asLong());
                }
              });
      Map<String, Long> obligations = new TreeMap<>();
      got.get("obligations")
          .properties()
          .forEach(
              p ->
                  p.getValue()
                      .properties()
                      .forEach(
                          s -> obligations.merge(s.getKey(), s.getValue().asLong(), Long::sum)));
      Map<String, Long> alerts = new TreeMap<>();
      got.get("alerts").properties().forEach(e -> alerts.put(e.getKey(), e.getValue().asLong()));
      String what = designs.get(i);
      assertThat(confirmed).as(what + " confirmed").isEqualTo(expected.confirmed);
      assertThat(rejected).as(what + " rejected").isEqualTo(expected.rejected);
      assertThat(obligations).as(what + " obligations").isEqualTo(expected.obligations);
      assertThat(got.get("status-changes").asLong())
          .as(what + " status changes")
          .isEqualTo(expected.statusChanges);
      assertThat(alerts).as(what + " alerts").isEqualTo(expected.alerts);
      long triggered =
          got.get("guarantees").properties().stream()
              .mapToLong(e -> e.getValue().get("triggered").asLong())
              .sum();
      assertThat(triggered).as(what + " triggers").isEqualTo(expected.triggers);
    }
  }

  /** Counts from replay's output records, independently of the stress module's tally. */
  record Counts(
      Map<String, Long> confirmed,
      Map<String, Long> rejected,
      Map<String, Long> obligations,
      long statusChanges,
      Map<String, Long> alerts,
      long triggers) {
    static Counts of(List<OutputRecord> outputs) {
      Map<String, Long> confirmed = new TreeMap<>();
      Map<String, Long> rejected = new TreeMap<>();
      Map<String, String> lastStatus = new HashMap<>();
      Map<String, Long> alerts = new TreeMap<>();
      long status = 0;
      long triggers = 0;
      for (OutputRecord o : outputs) {
        switch (o) {
          case FindingRecord f when f.status().equals(FindingStatus.CONFIRMED) ->
              confirmed.merge(f.definition(), 1L, Long::sum);
          case FindingRecord f when f.status().equals(FindingStatus.REJECTED) ->
              rejected.merge(f.definition(), 1L, Long::sum);
          case FindingRecord f -> {}
          case ObligationRecord ob -> lastStatus.put(ob.id(), ob.status().wireName());
          case StatusRecord s -> {
            status++;
            if (s.subjectKind().equals("guarantee")
                && s.status().equals(GuaranteeStatus.TRIGGERED)) {
              triggers++;
            }
          }
          case AlertRecord a -> alerts.merge(a.reason(), 1L, Long::sum);
        }
      }
      Map<String, Long> obligations = new TreeMap<>();
      lastStatus.values().forEach(s -> obligations.merge(s, 1L, Long::sum));
      return new Counts(confirmed, rejected, obligations, status, alerts, triggers);
    }
  }

  @Test
  void sameSeed_givesTheSameReportByteForByte_andADifferentSeedDoesNot() throws IOException {
    Path events = SCENARIOS.resolve("20-obligation-deadlines/input.jsonl");
    String agreement = SCENARIOS.resolve("_agreements/guarantee.yaml").toString();
    Run a =
        run(
            "stress-test",
            agreement,
            "--events",
            events.toString(),
            "--samples",
            "40",
            "--seed",
            "7",
            "--source-drop",
            "0.3",
            "--out",
            tmp.resolve("a").toString());
    Run b =
        run(
            "stress-test",
            agreement,
            "--events",
            events.toString(),
            "--samples",
            "40",
            "--seed",
            "7",
            "--source-drop",
            "0.3",
            "--one-core",
            "--out",
            tmp.resolve("b").toString());
    Run c =
        run(
            "stress-test",
            agreement,
            "--events",
            events.toString(),
            "--samples",
            "40",
            "--seed",
            "8",
            "--source-drop",
            "0.3",
            "--out",
            tmp.resolve("c").toString());
    assertThat(a.exit()).as(a.err()).isZero();
    assertThat(b.exit()).as(b.err()).isZero();
    assertThat(c.exit()).as(c.err()).isZero();
    assertThat(Files.readAllBytes(tmp.resolve("a/report.json")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("b/report.json")));
    assertThat(Files.readAllBytes(tmp.resolve("a/report.html")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("b/report.html")));
    assertThat(Files.readString(tmp.resolve("a/report.json")))
        .isNotEqualTo(Files.readString(tmp.resolve("c/report.json")));
  }

  @Test
  void aSweptDesign_countsAsReplayOfTheFileEditedByHand() throws IOException {
    Path agreement = SCENARIOS.resolve("_agreements/guarantee.yaml");
    Path events = SCENARIOS.resolve("20-obligation-deadlines/input.jsonl");
    String text = Files.readString(agreement);
    assertThat(text).contains("at-least: 2 }");
    Path edited = tmp.resolve("edited.yaml");
    Files.writeString(edited, text.replace("at-least: 2 }", "at-least: 3 }"));
    Path dir = tmp.resolve("sweep");
    Run st =
        run(
            "stress-test",
            agreement.toString(),
            "--events",
            events.toString(),
            "--sweep",
            "findings.attack.over.at-least=1,3",
            "--out",
            dir.toString());
    assertThat(st.exit()).as(st.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    assertThat(report.get("designs")).hasSize(3);
    JsonNode swept = report.get("designs").get(2);
    assertThat(swept.get("name").asText()).isEqualTo("guarantee [findings.attack.over.at-least=3]");
    Path out = tmp.resolve("edited.jsonl");
    assertThat(run("replay", edited.toString(), events.toString(), "--out", out.toString()).exit())
        .isZero();
    Counts expected =
        Counts.of(Files.readAllLines(out).stream().map(l -> OutputCodec.decode(l, 0)).toList());
    assertThat(swept.get("as-recorded").get("status-changes").asLong())
        .isEqualTo(expected.statusChanges());
    assertThat(swept.get("as-recorded").get("findings").get("violation").get("confirmed").asLong())
        .isEqualTo(expected.confirmed().getOrDefault("violation", 0L));
    assertThat(swept.get("as-recorded").get("findings").get("attack").get("raised").asLong())
        .isLessThan(
            report
                .get("designs")
                .get(1)
                .get("as-recorded")
                .get("findings")
                .get("attack")
                .get("raised")
                .asLong());
    assertThat(report.get("parameter-sensitivity").has("findings.attack.over.at-least")).isTrue();
    Run bad =
        run(
            "stress-test",
            agreement.toString(),
            "--events",
            events.toString(),
            "--sweep",
            "findings.atack.over.at-least=1",
            "--out",
            dir.toString());
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("no agreement file has this path");
  }

  @Test
  void badInput_isATypedUserError() {
    Run r =
        run("stress-test", "no-such.agreement.yaml", "--events", "x.csv", "--out", tmp.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("cannot read events file x.csv").doesNotContain("Exception");
    Run s =
        run(
            "stress-test",
            SCENARIOS.resolve("_agreements/guarantee.yaml").toString(),
            "--events",
            SCENARIOS.resolve("20-obligation-deadlines/input.jsonl").toString(),
            "--samples",
            "-1",
            "--out",
            tmp.toString());
    assertThat(s.exit()).isEqualTo(1);
    assertThat(s.err()).contains("--samples must be between 0 and 1000000");
  }
}
