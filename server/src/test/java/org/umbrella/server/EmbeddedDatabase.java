package org.umbrella.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A PostgreSQL server started from the binaries shipped on the classpath, for the tests (the
 * service itself opens its database with {@link org.umbrella.store.Database#open}).
 *
 * <p>With a data directory the data survives restarts; without one it lives in a temporary
 * directory and is deleted on {@link #close()}.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts PostgreSQL.
   *
   * @param dataDirectory where to keep the data, or null for a throw-away database
   * @throws UncheckedIOException when the server cannot start (port, disk, binaries)
   */
  public static EmbeddedDatabase start(Path dataDirectory) {
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
      if (dataDirectory != null) {
        builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
      }
      return new EmbeddedDatabase(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not start the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  /** The JDBC URL of the {@code postgres} database of this server. */
  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
