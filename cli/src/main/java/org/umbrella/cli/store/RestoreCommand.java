package org.umbrella.cli.store;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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

/** {@code umbrella restore}: a backup into an empty data directory (or empty database). */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description =
        "Load a backup into an empty data directory (or an empty external database), checking every file against the manifest; then run 'umbrella ledger verify', which must give the backup's size and root.")
public final class RestoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions store;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "DIR",
      description = "A directory written by 'umbrella backup'.")
  Path from;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(from.resolve("manifest.json"))) {
      throw new UserException(from + ": not a backup (no manifest.json)");
    }
    Path dir = store.dataDir();
    try {
      if (store.config().databaseUrl() == null && Files.exists(dir)) {
        try (var entries = Files.list(dir)) {
          if (entries.findAny().isPresent()) {
            throw new UserException(
                "the data directory " + dir + " is not empty: restore only into an empty one");
          }
        }
      }
    } catch (IOException e) {
      throw new UserException(dir + ": " + e.getMessage());
    }
    try (Database db = Database.open(store.config())) {
      Backup.Manifest m = Backup.restore(from, db, dir);
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "restored %d tables, %d rows into %s; the backup's ledger: size %d, root %s%n",
          m.tables(), m.rows(), dir, m.treeSize(), m.rootHex());
      out.println("now run: umbrella ledger verify --data-dir " + dir);
      return 0;
    } catch (StoreException e) {
      throw UserException.from(e);
    }
  }
}
