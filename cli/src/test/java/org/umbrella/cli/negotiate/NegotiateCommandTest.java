package org.umbrella.cli.negotiate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umbrella.cli.Umbrella;
import picocli.CommandLine;

/** The negotiate commands, driven as a user would, on the Ukraine example. */
class NegotiateCommandTest {
  record Run(int exit, String out, String err) {}

  static Path example() {
    Path at = Path.of("").toAbsolutePath();
    while (!Files.exists(at.resolve("examples/ukraine/settlement.negotiation.yaml"))) {
      at = at.getParent();
    }
    return at.resolve("examples/ukraine/settlement.negotiation.yaml");
  }

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
  void drafts_ukraineExample_printsEachPartysUtilityAndTheBrokenRedLines() {
    Run r = run("negotiate", "drafts", example().toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains(
            "draft plan-28pt",
            "draft e3-counter",
            "draft framework-20pt",
            "draft ua-proposal-20pt");
    assertThat(r.out()).containsPattern("(?m)^  UA\\s+0\\.\\d{4}\\s+0\\.\\d{4}\\s+2\\s+no$");
    assertThat(r.out())
        .contains(
            "breaks UA's red line army_cap >= 800000",
            "breaks UA's red line !(territory in ['all-donetsk-ceded', 'swap-donetsk-for-other-regions'])");
    assertThat(r.out())
        .contains(
            "breaks RU's red line territory in ['all-donetsk-ceded', 'swap-donetsk-for-other-regions']");
    assertThat(r.out())
        .contains("no package is acceptable to all, so no change can repair this draft");
  }

  @Test
  void drafts_relaxedExample_offersTheSmallestRepair(@TempDir Path dir) throws Exception {
    Run r = run("negotiate", "drafts", relaxed(dir).toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("smallest change acceptable to all");
  }

  /**
   * The example with Russia's territorial red line relaxed, so that some package is acceptable to
   * all.
   */
  static Path relaxed(Path dir) throws Exception {
    Path f = dir.resolve("relaxed.negotiation.yaml");
    Files.writeString(
        f,
        Files.readString(example())
            .replace(
                "\"territory in ['all-donetsk-ceded', 'swap-donetsk-for-other-regions']\"",
                "\"territory != 'withdrawal-2022'\""));
    return f;
  }

  @Test
  void analyze_ukraineExampleAsJson_saysTheTerritorialRedLinesExcludeEachOther() throws Exception {
    Run r =
        run(
            "negotiate",
            "analyze",
            example().toString(),
            "--format",
            "json",
            "--top",
            "2",
            "--samples",
            "200");
    assertThat(r.exit()).isZero();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertThat(json.get("acceptableToAll").asLong()).isZero();
    assertThat(json.get("whyEmpty").toString()).contains("cannot both hold");
    var framework = json.get("robustness").get("drafts").get(2);
    assertThat(framework.get("draft").asText()).isEqualTo("framework-20pt");
    assertThat(framework.get("withEachRedLineDropped")).hasSize(10);
  }

  @Test
  void analyze_relaxedExampleFindsPackagesAcceptableToAll_andTheExamplePrintsRedLineEffects(
      @TempDir Path dir) throws Exception {
    Run j = run("negotiate", "analyze", relaxed(dir).toString(), "--format", "json", "--top", "2");
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(j.out());
    assertThat(json.get("acceptableToAll").asLong()).isPositive();
    assertThat(json.get("solutions")).hasSize(5);
    assertThat(json.get("top")).hasSize(2);
    Run t = run("negotiate", "analyze", example().toString(), "--samples", "200");
    assertThat(t.out())
        .contains("P(all accept) with one red line dropped")
        .containsPattern(
            "(?m)^  R6 RU: territory in \\['all-donetsk-ceded', 'swap-donetsk-for-other-regions'\\]  \\(Russia keeps")
        .containsPattern(
            "(?m)^  R7 RU: russia_role == 'guarantor'  \\(Russia among the guarantors");
  }

  @Test
  void analyze_brokenFile_printsLocatedErrorWithoutStackTrace(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.negotiation.yaml");
    Files.writeString(
        bad,
        Files.readString(example()).replace("\"army_cap >= 800000\"", "\"army_cap >= '800000'\""));
    Run r = run("negotiate", "analyze", bad.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains(bad + ":")
        .contains("does not type-check")
        .doesNotContain("at org.");
  }

  @Test
  void simulate_sameSeedTwice_printsTheSameTrace() {
    Run a =
        run(
            "negotiate",
            "simulate",
            example().toString(),
            "--protocol",
            "saop",
            "--rounds",
            "15",
            "--seed",
            "5",
            "--strategy",
            "UA=conceder");
    Run b =
        run(
            "negotiate",
            "simulate",
            example().toString(),
            "--protocol",
            "saop",
            "--rounds",
            "15",
            "--seed",
            "5",
            "--strategy",
            "UA=conceder");
    assertThat(a.exit()).isZero();
    assertThat(a.out()).isEqualTo(b.out()).contains("saop simulation, seed 5");
  }

  @Test
  void plotAndExport_writeSvgAndGeniusXmlThatImportsBack(@TempDir Path dir) throws Exception {
    assertThat(
            run(
                    "negotiate",
                    "plot",
                    relaxed(dir).toString(),
                    "--x",
                    "UA",
                    "--y",
                    "RU",
                    "-o",
                    dir.resolve("f.svg").toString())
                .exit())
        .isZero();
    assertThat(Files.readString(dir.resolve("f.svg")))
        .startsWith("<svg")
        .contains("plan-28pt")
        .contains("Nash");
    assertThat(run("negotiate", "export-genius", example().toString(), dir.toString()).exit())
        .isZero();
    Run imported =
        run(
            "negotiate",
            "import-genius",
            dir.resolve("ua-settlement_domain.xml").toString(),
            dir.resolve("ua-settlement_UA.xml").toString(),
            dir.resolve("ua-settlement_RU.xml").toString(),
            "-o",
            dir.resolve("back.negotiation.yaml").toString());
    assertThat(imported.exit()).isZero();
    assertThat(run("negotiate", "analyze", dir.resolve("back.negotiation.yaml").toString()).exit())
        .isZero();
  }
}
