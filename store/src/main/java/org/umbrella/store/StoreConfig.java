package org.umbrella.store;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where the store keeps its data: a data directory (embedded PostgreSQL's files, the ledger's
 * signing key) and, optionally, an external PostgreSQL by JDBC URL.
 *
 * @param dataDir the data directory; created when missing
 * @param databaseUrl a JDBC URL ({@code jdbc:postgresql://host:port/db?user=...}); null for the
 *     embedded database under {@code dataDir/postgres}
 * @param origin the ledger's name, written in every checkpoint
 */
public record StoreConfig(Path dataDir, @Nullable String databaseUrl, String origin) {
  /** The default ledger origin. */
  public static final String DEFAULT_ORIGIN = "umbrella/ledger";

  /**
   * Checks the values; a null or blank {@code origin} means {@link #DEFAULT_ORIGIN}.
   *
   * @throws IllegalArgumentException if {@code dataDir} is missing or {@code databaseUrl} is not a
   *     PostgreSQL JDBC URL
   */
  public StoreConfig(Path dataDir, @Nullable String databaseUrl, @Nullable String origin) {
    if (dataDir == null) {
      throw new IllegalArgumentException("data directory must be given");
    }
    if (databaseUrl != null && !databaseUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "database URL must start with jdbc:postgresql:, was '" + databaseUrl + "'");
    }
    this.dataDir = dataDir;
    this.databaseUrl = databaseUrl;
    this.origin = origin == null || origin.isBlank() ? DEFAULT_ORIGIN : origin;
  }

  /** The embedded database in {@code dataDir}. */
  public static StoreConfig embedded(Path dataDir) {
    return new StoreConfig(dataDir, null, DEFAULT_ORIGIN);
  }

  /**
   * The user's default data directory: {@code $XDG_DATA_HOME/umbrella}, else {@code
   * ~/.local/share/umbrella}.
   */
  public static Path defaultDataDir(Map<String, String> env, String userHome) {
    String xdg = env.get("XDG_DATA_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
    return base.resolve("umbrella");
  }
}
