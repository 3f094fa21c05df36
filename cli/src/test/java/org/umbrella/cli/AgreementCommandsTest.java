package org.umbrella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code check}, {@code explain} and {@code diff} on the shipped examples and on broken files. */
class AgreementCommandsTest {
  record Run(int exit, String out, String err) {}

  static Path root() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("examples/ukraine"))) {
      p = p.getParent();
    }
    return p;
  }

  static final Path UKRAINE = root().resolve("examples/ukraine");
  static final Path BROKEN = root().resolve("agreement/src/test/resources/broken");
  static final Path GOLDEN = root().resolve("agreement/src/test/resources/golden");

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Umbrella.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void check_shippedExamples_exitZeroAndSayOk() {
    List<String> files = new java.util.ArrayList<>(List.of("check", "--warnings-as-errors"));
    for (String f :
        List.of(
            "plan-28pt", "e3-counter", "european-24pt", "framework-20pt", "paris-declaration")) {
      files.add(UKRAINE.resolve(f + ".agreement.yaml").toString());
    }
    Run r = run(files.toArray(String[]::new));
    // Every modelled value in the shipped examples is labelled: no warnings, even as errors.
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains(
            "framework-20pt.agreement.yaml: ok (ua-framework-20pt@2025-12-24, draft; 5 parties, 1 guarantee, 3 findings, 16 provisions)");
    assertThat(r.out().lines()).hasSize(5);
  }

  @Test
  void check_unlabelledModelledValue_warnsAndExitsZeroUnlessWarningsAreErrors(@TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("w.agreement.yaml");
    Files.writeString(
        f,
        "umbrella: 1\nid: w\nversion: v\ntitle: W\nbasis: modelled-from-sources\nparties: { UA: { name: Ukraine }, US: { name: US } }\n"
            + "bodies:\n  c: { members: [UA, US], quorum: 2, stated: [members] }\n");
    Run r = run("check", f.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains(
            "w.agreement.yaml: ok (w@v, draft; 2 parties, 0 guarantees, 0 findings, 0 provisions) with 1 warning");
    assertThat(r.err())
        .contains(f + ":8:35: warning[unlabelled-value]: quorum 2 of body 'c' is not labelled")
        .contains("1 warning in 1 of 1 file");
    Run strict = run("check", "--warnings-as-errors", f.toString());
    assertThat(strict.exit()).isEqualTo(1);
    assertThat(strict.err()).contains("(treated as errors: --warnings-as-errors)");
    Run json = run("check", "--format", "json", f.toString());
    assertThat(json.exit()).isZero();
    assertThat(json.out()).contains("\"severity\" : \"warning\"").contains("\"valid\" : true");
  }

  @Test
  void check_brokenFile_exitsOneWithCompilerStyleDiagnostics() throws Exception {
    Path broken = BROKEN.resolve("56-unknown-guarantor-UK.agreement.yaml");
    Run r = run("check", broken.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USER_ERROR);
    String expected =
        Files.readString(BROKEN.resolve("56-unknown-guarantor-UK.expected"))
            .replace("56-unknown-guarantor-UK.agreement.yaml:", broken + ":");
    assertThat(r.err()).isEqualTo(expected + "1 error in 1 of 1 file\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void check_formatJson_givesEveryIssueWithItsPosition() throws Exception {
    Run r =
        run(
            "check",
            "--format",
            "json",
            BROKEN.resolve("88-many-errors-at-once.agreement.yaml").toString(),
            UKRAINE.resolve("framework-20pt.agreement.yaml").toString());
    assertThat(r.exit()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("valid").asBoolean()).isFalse();
    JsonNode issues = json.path("files").get(0).path("issues");
    assertThat(issues).hasSize(5);
    assertThat(issues.get(3).path("line").asInt()).isEqualTo(25);
    assertThat(issues.get(3).path("column").asInt()).isEqualTo(22);
    assertThat(issues.get(3).path("code").asText()).isEqualTo("unknown-reference");
    assertThat(issues.get(3).path("suggestions").get(0).asText()).isEqualTo("GB");
    assertThat(json.path("files").get(1).path("valid").asBoolean()).isTrue();
  }

  @Test
  void check_negotiationFile_usesTheNegotiationLoaderAndTheSameLayout(@TempDir Path dir)
      throws Exception {
    Run ok = run("check", UKRAINE.resolve("settlement.negotiation.yaml").toString());
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("settlement.negotiation.yaml: ok (").contains(", negotiation; ");
    Path bad = dir.resolve("t.negotiation.yaml");
    Files.writeString(bad, "umbrella: 1\nid:\u00a0t\n");
    Run r = run("check", bad.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .startsWith(
            bad
                + ":2:4: error[negotiation]: YAML syntax: a no-break space (U+00A0) where YAML needs a plain space\n")
        .contains("  2 | id:\u00a0t\n    |    ^\n")
        .endsWith("1 error in 1 of 1 file\n");
  }

  @Test
  void check_missingFile_isAUserErrorNotACrash() {
    Run r = run("check", "no-such.agreement.yaml");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .startsWith(
            "no-such.agreement.yaml:1:1: error[file]: cannot read no-such.agreement.yaml: it does not exist");
  }

  @Test
  void explain_20point_printsTheGoldenText() throws Exception {
    Run r = run("explain", UKRAINE.resolve("framework-20pt.agreement.yaml").toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(Files.readString(GOLDEN.resolve("explain-framework-20pt.txt")));
  }

  @Test
  void explain_brokenFile_printsItsErrorsAndExitsOne() {
    Run r = run("explain", BROKEN.resolve("10-invalid-status.agreement.yaml").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("error[invalid-value]: 'drafted' is not a valid status")
        .contains("has 1 error; fix it first");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void diff_28to20_printsTheGoldenText() throws Exception {
    Run r =
        run(
            "diff",
            UKRAINE.resolve("plan-28pt.agreement.yaml").toString(),
            UKRAINE.resolve("framework-20pt.agreement.yaml").toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .isEqualTo(Files.readString(GOLDEN.resolve("diff-plan-28pt-framework-20pt.txt")));
  }

  @Test
  void diff_formatJson_listsChangesBySection() throws Exception {
    Run r =
        run(
            "diff",
            "--format",
            "json",
            UKRAINE.resolve("plan-28pt.agreement.yaml").toString(),
            UKRAINE.resolve("framework-20pt.agreement.yaml").toString());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("old").asText()).isEqualTo("ua-plan-28pt@2025-11-20");
    assertThat(json.path("changes").findValuesAsText("description"))
        .contains(
            "quantity at most 600,000 personnel -> at most 800,000 personnel", "term 10y -> 15y");
  }
}
