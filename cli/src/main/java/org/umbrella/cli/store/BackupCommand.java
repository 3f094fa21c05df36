package org.umbrella.cli.store;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.umbrella.cli.UserException;
import org.umbrella.store.Backup;
import org.umbrella.store.Database;
import org.umbrella.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code umbrella backup}: a consistent, verifiable copy of the database and key references. */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description =
        "Copy every table from one consistent snapshot, with a manifest (schema version, row counts, SHA-256 per table, the ledger's size and signed root) and the ledger's public keys; the private key only with --with-private-key.")
public final class BackupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions store;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "DIR",
      description = "An empty or new directory to write the backup into.")
  Path to;

  @Option(
      names = "--with-private-key",
      description = "Also copy ledger-key.pk8 (then guard the backup as you guard the key).")
  boolean withPrivateKey;

  @Override
  public Integer call() {
    try (Database db = Database.open(store.config())) {
      Backup.Manifest m = Backup.write(db, store.dataDir(), to, withPrivateKey);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "backup written to %s: %d tables, %d rows; ledger size %d, root %s%s%n",
          to,
          m.tables(),
          m.rows(),
          m.treeSize(),
          m.rootHex(),
          withPrivateKey ? " (with the private key)" : " (without the private key)");
      return 0;
    } catch (StoreException e) {
      throw UserException.from(e);
    }
  }
}
