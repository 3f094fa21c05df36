package org.umbrella.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code umbrella import FILE --format F} end to end for every format, on the importers' own
 * fixtures (evidence/src/test/resources/importers) and their golden outcomes: every row the golden
 * file accepts is added, every row it rejects is reported with its file line, row number and
 * reason, a second import adds nothing and leaves the same root, and {@code ledger verify} agrees
 * on that root (hex in both).
 */
class ImportCommandTest {
  private static final Path FIXTURES = Path.of("../evidence/src/test/resources/importers");
  private static final Pattern REJECTED =
      Pattern.compile("REJECTED row (\\d+) \\(line (\\d+)\\): (.*)");
  private static final Pattern ROOT = Pattern.compile("root ([0-9a-f]{64})");

  /** What the golden file says the importer makes of the fixture. */
  record Golden(List<String> incidents, List<String> rejections) {
    static Golden of(Path expected, Path file) throws IOException {
      List<String> incidents = new ArrayList<>();
      List<String> rejections = new ArrayList<>();
      for (String line : Files.readAllLines(expected)) {
        Matcher m = REJECTED.matcher(line);
        if (m.matches()) {
          rejections.add(
              file + ":" + m.group(2) + ": row " + m.group(1) + " rejected: " + m.group(3));
        } else if (line.startsWith("{")) {
          incidents.add(line);
        }
      }
      return new Golden(incidents, rejections);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ucdp, ucdp-ged-full.csv", "acled, acled.csv", "viina, viina.csv", "csv, plain.csv"})
  void import_eachFormat_addsGoldenRowsReportsRejectionsAndIsIdempotent(
      String format, String fixture, @TempDir Path tmp) throws IOException {
    Path file = tmp.resolve(fixture);
    Files.copy(FIXTURES.resolve(fixture), file);
    Golden golden = Golden.of(FIXTURES.resolve(fixture.replace(".csv", ".expected.txt")), file);
    assertThat(golden.incidents()).as("the fixture has rows to import").isNotEmpty();
    assertThat(golden.rejections()).as("the fixture has rows to reject").isNotEmpty();
    importTwiceAndVerify(format, file, golden, tmp.resolve("data"));
  }

  @ParameterizedTest(name = "umbrella JSON Lines from the {0} golden file")
  @CsvSource({"acled.expected.txt", "viina.expected.txt"})
  void import_umbrellaFormat_addsEveryIncidentAndRejectsTheBrokenLine(
      String golden, @TempDir Path tmp) throws IOException {
    // the golden file's incidents are canonical Umbrella JSON Lines; add a row that is not one
    List<String> lines = new ArrayList<>(Golden.of(FIXTURES.resolve(golden), tmp).incidents());
    lines.add(1, "{\"type\":\"incident\",\"id\":\"broken\"}");
    Path file = Files.write(tmp.resolve("incidents.jsonl"), lines);
    StoreCommandsTest.Run first = importFile("umbrella", file, tmp.resolve("data"));
    assertThat(first.err()).containsPattern(Pattern.quote(file + ":2: row 2 rejected: ") + ".+");
    List<String> incidents = lines.stream().filter(l -> !l.contains("\"broken\"")).toList();
    assertThat(first.out())
        .contains(lines.size() + " rows: " + incidents.size() + " added, 0 unchanged, 1 rejected");
  }

  @org.junit.jupiter.api.Test
  void import_withAgreement_assignsActorsOnlyToThatAgreementsParties(@TempDir Path tmp)
      throws IOException {
    Path file = Files.copy(FIXTURES.resolve("acled.csv"), tmp.resolve("acled.csv"));
    // a small valid agreement whose parties are UA, BY, US, GB: Russia's forces are nobody's here
    String withoutRussia =
        Files.readString(
                Path.of("../agreement/src/test/resources/broken/07-missing-title.agreement.yaml"))
            .replace("version: \"1\"", "version: \"1\"\ntitle: Without Russia")
            .replace("RU: { name: Russia }", "BY: { name: Belarus }")
            .replace("against: RU", "against: BY")
            .replace("by: RU", "by: BY")
            .replace("[UA, RU]", "[UA, BY]");
    Path agreementFile =
        Files.writeString(tmp.resolve("without-russia.agreement.yaml"), withoutRussia);

    Path ukraine = tmp.resolve("ukraine");
    importFile("acled", file, ukraine);
    assertThat(actorParty("acled:UKR900001", ukraine))
        .as("default: the war in Ukraine's parties")
        .isEqualTo("RU");

    Path other = tmp.resolve("other");
    StoreCommandsTest.Run r =
        StoreCommandsTest.run(
            "import",
            file.toString(),
            "--format",
            "acled",
            "--data-dir",
            other.toString(),
            "--agreement",
            agreementFile.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(actorParty("acled:UKR900001", other))
        .as("RU is not a party of this agreement: no actor")
        .isEmpty();
    assertThat(actorParty("acled:UKR900003", other)).as("UA still is").isEqualTo("UA");

    StoreCommandsTest.Run broken =
        StoreCommandsTest.run(
            "import",
            file.toString(),
            "--format",
            "acled",
            "--data-dir",
            other.toString(),
            "--agreement",
            tmp.resolve("missing.agreement.yaml").toString());
    assertThat(broken.exit()).isNotZero();
    assertThat(broken.err())
        .contains("missing.agreement.yaml: no such file")
        .doesNotContain("Exception");
  }

  /**
   * The actor's party in the stored incident, read from its ledger leaf as {@code ledger proof}
   * prints it ("" for none).
   */
  private static String actorParty(String incidentId, Path data) throws IOException {
    Path proof =
        data.resolveSibling(data.getFileName() + "-" + incidentId.replace(':', '_') + ".json");
    StoreCommandsTest.Run r =
        StoreCommandsTest.run(
            "ledger", "proof", incidentId, "--data-dir", data.toString(), "-o", proof.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var leaf = json.readTree(json.readTree(proof.toFile()).path("leaf").asText());
    var body = json.readTree(leaf.path("row").path("body_text").asText());
    assertThat(body.path("id").asText()).isEqualTo(incidentId);
    return body.path("actor").path("party").asText("");
  }

  private static void importTwiceAndVerify(String format, Path file, Golden golden, Path data) {
    int rows = golden.incidents().size() + golden.rejections().size();
    StoreCommandsTest.Run first = importFile(format, file, data);
    assertThat(first.out())
        .contains(
            rows
                + " rows: "
                + golden.incidents().size()
                + " added, 0 unchanged, "
                + golden.rejections().size()
                + " rejected");
    for (String r : golden.rejections()) {
      assertThat(first.err()).contains(r);
    }
    String root = root(first.out());

    StoreCommandsTest.Run second = importFile(format, file, data);
    assertThat(second.out())
        .contains(
            rows
                + " rows: 0 added, "
                + golden.incidents().size()
                + " unchanged, "
                + golden.rejections().size()
                + " rejected");
    assertThat(root(second.out())).as("the same tree root after re-import").isEqualTo(root);

    StoreCommandsTest.Run verify =
        StoreCommandsTest.run("ledger", "verify", "--data-dir", data.toString());
    assertThat(verify.exit()).as(verify.err()).isZero();
    assertThat(verify.out()).startsWith("ledger OK: " + golden.incidents().size() + " leaves");
    assertThat(root(verify.out()))
        .as("import and verify print the same root, in hex")
        .isEqualTo(root);
  }

  private static StoreCommandsTest.Run importFile(String format, Path file, Path data) {
    StoreCommandsTest.Run r =
        StoreCommandsTest.run(
            "import", file.toString(), "--format", format, "--data-dir", data.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    return r;
  }

  private static String root(String out) {
    Matcher m = ROOT.matcher(out);
    assertThat(m.find()).as("a hex root in: " + out).isTrue();
    return m.group(1);
  }
}
