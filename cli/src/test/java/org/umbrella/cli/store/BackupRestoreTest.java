package org.umbrella.cli.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.umbrella.cli.store.StoreCommandsTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code umbrella backup}, {@code umbrella restore} into an empty data directory, then {@code
 * ledger verify} there: the same size and root, with and without the private key; a restore into a
 * used directory and a tampered backup file are refused.
 */
class BackupRestoreTest {
  static String ledgerLine(String out) {
    return out.lines()
        .filter(l -> l.startsWith("ledger OK"))
        .findFirst()
        .orElseThrow()
        .replaceAll(".*; size", "size");
  }

  @Test
  void backupRestoreVerify_givesTheSameSizeAndRoot(@TempDir Path tmp) throws Exception {
    Path data = tmp.resolve("data");
    Path file = ReportFiles.write(tmp, "r-", 300);
    assertThat(
            run("import", file.toString(), "--format", "umbrella", "--data-dir", data.toString())
                .exit())
        .isZero();
    StoreCommandsTest.Run before = run("ledger", "verify", "--data-dir", data.toString());
    assertThat(before.exit()).as(before.err()).isZero();

    Path backup = tmp.resolve("backup");
    StoreCommandsTest.Run b =
        run("backup", "--data-dir", data.toString(), "--to", backup.toString());
    assertThat(b.exit()).as(b.err()).isZero();
    assertThat(b.out()).contains("ledger size 300").contains("without the private key");
    assertThat(backup.resolve("keys/ledger-key.pk8")).doesNotExist();
    assertThat(backup.resolve("keys/ledger-key.pub")).exists();

    Path restored = tmp.resolve("restored");
    StoreCommandsTest.Run r =
        run("restore", "--from", backup.toString(), "--data-dir", restored.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    StoreCommandsTest.Run after = run("ledger", "verify", "--data-dir", restored.toString());
    assertThat(after.exit()).as(after.err()).isZero();
    assertThat(ledgerLine(after.out()))
        .isEqualTo(ledgerLine(before.out()))
        .startsWith("size 300, root ");
    // without the private key the restored directory verifies but will not sign: no new key is made
    // behind the ledger's back
    StoreCommandsTest.Run refused =
        run("import", file.toString(), "--format", "umbrella", "--data-dir", restored.toString());
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("private key is missing");

    assertThat(run("restore", "--from", backup.toString(), "--data-dir", restored.toString()).err())
        .contains("not empty");
    Path withKey = tmp.resolve("backup-with-key");
    assertThat(
            run(
                    "backup",
                    "--data-dir",
                    data.toString(),
                    "--to",
                    withKey.toString(),
                    "--with-private-key")
                .exit())
        .isZero();
    Path tableFile = withKey.resolve("tables/incident_versions.copy");
    Files.writeString(tableFile, Files.readString(tableFile).replaceFirst("r-1\t", "r-X\t"));
    StoreCommandsTest.Run tampered =
        run("restore", "--from", withKey.toString(), "--data-dir", tmp.resolve("other").toString());
    assertThat(tampered.exit()).isEqualTo(1);
    assertThat(tampered.err())
        .contains("incident_versions.copy")
        .contains("does not match the manifest");
  }
}
