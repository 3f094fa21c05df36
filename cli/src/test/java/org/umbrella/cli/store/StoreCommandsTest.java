package org.umbrella.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.cli.Umbrella;
import org.umbrella.engine.input.Actor;
import org.umbrella.engine.input.Fatalities;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.IncidentPlace;
import org.umbrella.engine.input.IncidentSource;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.PlacePrecision;
import org.umbrella.engine.input.TimePrecision;
import picocli.CommandLine;

/**
 * {@code umbrella import} and {@code umbrella ledger ...} end to end on an embedded database in a
 * fresh data directory: import (twice: idempotent), verify, proof, check-proof, public-key.
 */
public class StoreCommandsTest {
  public record Run(int exit, String out, String err) {}

  public static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Umbrella.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void importVerifyProveAndCheck_endToEnd(@TempDir Path tmp) throws Exception {
    Path data = tmp.resolve("data");
    Path file = tmp.resolve("reports.jsonl");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      lines.add(
          InputCodec.encode(
              new Incident(
                  "r-" + i,
                  Instant.parse("2026-03-01T00:00:00Z").plusSeconds(60L * i),
                  TimePrecision.EXACT,
                  new IncidentPlace(47.1 + i / 100.0, 37.5, PlacePrecision.EXACT),
                  Kind.SHELLING,
                  Actor.UNATTRIBUTED,
                  "civilian",
                  new Fatalities(0, i % 3, i % 4),
                  List.of(new IncidentSource("omm-" + i, "monitor", "omm")),
                  ReviewStatus.REPORTED,
                  List.of())));
    }
    lines.add("{\"type\":\"incident\",\"id\":\"broken\"}");
    Files.write(file, lines);

    Run first =
        run("import", file.toString(), "--format", "umbrella", "--data-dir", data.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("51 rows: 50 added, 0 unchanged, 1 rejected")
        .contains("ledger: size 50");
    assertThat(first.err()).contains(file + ":51: row 51 rejected:");
    String root =
        first.out().lines().filter(l -> l.startsWith("ledger:")).findFirst().orElseThrow();

    Run again =
        run("import", file.toString(), "--format", "umbrella", "--data-dir", data.toString());
    assertThat(again.out()).contains("0 added, 50 unchanged").contains(root);

    Run verify = run("ledger", "verify", "--data-dir", data.toString());
    assertThat(verify.exit()).as(verify.err()).isZero();
    assertThat(verify.out()).startsWith("ledger OK: 50 leaves recomputed");

    Path proof = tmp.resolve("r-7.proof.json");
    assertThat(
            run("ledger", "proof", "r-7", "--data-dir", data.toString(), "-o", proof.toString())
                .exit())
        .isZero();
    Run key = run("ledger", "public-key", "--data-dir", data.toString());
    assertThat(key.out()).startsWith("umbrella/ledger+");

    Run check = run("ledger", "check-proof", proof.toString(), "--key", key.out().strip());
    assertThat(check.exit()).as(check.err()).isZero();
    assertThat(check.out())
        .contains("proof OK: leaf 7 is in the tree of size 50")
        .contains("\"incident_id\":\"r-7\"");

    Files.writeString(proof, Files.readString(proof).replace("r-7", "r-8"));
    Run forged = run("ledger", "check-proof", proof.toString(), "--key", key.out().strip());
    assertThat(forged.exit()).isEqualTo(1);
    assertThat(forged.err()).contains("proof REJECTED");
  }

  @Test
  void import_unknownFormat_isAUserErrorNamingTheFormats(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("x.csv"), "a,b\n");
    Run r = run("import", file.toString(), "--format", "gdelt", "--data-dir", tmp.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("unknown --format 'gdelt'").contains("ucdp");
  }

  @Test
  void checkProof_missingFile_isAUserError(@TempDir Path tmp) {
    Run r = run("ledger", "check-proof", tmp.resolve("none.json").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("no such file");
  }
}
