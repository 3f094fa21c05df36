package org.umbrella.cli.store;

import java.nio.file.Path;
import java.time.Clock;
import org.umbrella.cli.UserException;
import org.umbrella.store.PostgresEvidenceStore;
import org.umbrella.store.StoreConfig;
import org.umbrella.store.StoreException;
import picocli.CommandLine.Option;

/** The options every store command shares: where the data lives and which database to use. */
public final class StoreOptions {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Data directory: embedded PostgreSQL files and the ledger key (default: $XDG_DATA_HOME/umbrella or ~/.local/share/umbrella).")
  Path dataDir;

  @Option(
      names = "--database-url",
      paramLabel = "JDBC_URL",
      description =
          "An external PostgreSQL 14+ (jdbc:postgresql://host:5432/db?user=...); default: the embedded database in the data directory. Also read from UMBRELLA_DATABASE_URL.")
  String databaseUrl;

  /** The data directory chosen or defaulted. */
  public Path dataDir() {
    return dataDir != null
        ? dataDir
        : StoreConfig.defaultDataDir(System.getenv(), System.getProperty("user.home"));
  }

  /** The configuration these options describe. */
  public StoreConfig config() {
    String url = databaseUrl != null ? databaseUrl : System.getenv("UMBRELLA_DATABASE_URL");
    try {
      return new StoreConfig(dataDir(), url == null || url.isBlank() ? null : url, null);
    } catch (IllegalArgumentException e) {
      throw UserException.from(e);
    }
  }

  /** Opens the store, turning a failure to start or reach the database into a user error. */
  public PostgresEvidenceStore open() {
    try {
      return PostgresEvidenceStore.open(config(), Clock.systemUTC());
    } catch (StoreException e) {
      throw new UserException(
          e.getMessage()
              + "\n  hint: check --data-dir (is another umbrella using it?) or --database-url");
    }
  }
}
