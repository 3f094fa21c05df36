package org.umbrella.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * A migrated PostgreSQL database with a connection pool: the embedded server in the data directory
 * (started here, stopped on {@link #close()}, its files kept across restarts), or an external
 * server by URL.
 *
 * <p>Opening runs the one Flyway migration set, {@code db/migration} in this module: the records
 * and ledger, the operations service's tables (V50-V70, once the server's) and the journal (V82).
 */
public final class Database implements AutoCloseable {
  private final @Nullable EmbeddedPostgres embedded;
  private final DataSource pool;
  private final @Nullable HikariDataSource ownedPool;
  private final Jdbi jdbi;
  private final @Nullable FileChannel lock;

  private Database(
      @Nullable EmbeddedPostgres embedded, HikariDataSource pool, @Nullable FileChannel lock) {
    this.embedded = embedded;
    this.pool = pool;
    this.ownedPool = pool;
    this.lock = lock;
    this.jdbi = Jdbi.create(pool);
  }

  private Database(DataSource dataSource) {
    this.embedded = null;
    this.pool = dataSource;
    this.ownedPool = null;
    this.lock = null;
    this.jdbi = Jdbi.create(dataSource);
  }

  /**
   * A database someone else opened and migrated (the operations server's pool); {@link #close()}
   * leaves it open.
   */
  public static Database over(DataSource dataSource) {
    return new Database(dataSource);
  }

  /**
   * Opens (and for the embedded kind, starts) the database and migrates it.
   *
   * @throws StoreException if the server cannot be started or reached, or a migration fails
   */
  public static Database open(StoreConfig config) {
    return open(config, null);
  }

  /**
   * Opens the database, using {@code schema} (created when missing) instead of {@code public} when
   * given; tests use one schema per class.
   */
  public static Database open(StoreConfig config, @Nullable String schema) {
    return open(config, schema, 8);
  }

  /** As {@link #open(StoreConfig, String)}, with a pool of at most {@code maxConnections}. */
  public static Database open(StoreConfig config, @Nullable String schema, int maxConnections) {
    EmbeddedPostgres pg = null;
    FileChannel lock = null;
    String url = config.databaseUrl();
    try {
      if (url == null) {
        Path dir = config.dataDir().resolve("postgres");
        Files.createDirectories(dir);
        lock = lockDataDir(config.dataDir());
        stopOrphanedServer(dir);
        pg =
            EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPort(0)
                .start();
        url = pg.getJdbcUrl("postgres", "postgres");
      }
      HikariConfig hc = new HikariConfig();
      hc.setJdbcUrl(url);
      hc.setMaximumPoolSize(maxConnections);
      hc.setPoolName("umbrella-store");
      if (schema != null) {
        hc.setSchema(schema);
        hc.setConnectionInitSql("create schema if not exists " + schema);
      }
      HikariDataSource ds = new HikariDataSource(hc);
      Flyway.configure()
          .dataSource(ds)
          .schemas(schema == null ? "public" : schema)
          .locations("classpath:db/migration")
          // versions were once numbered per module (store V1-V49, server V50-V79, ledger V80 up): a
          // lower version added later must still apply to a database already taken past it
          .outOfOrder(true)
          .loggers("slf4j")
          .load()
          .migrate();
      return new Database(pg, ds, lock);
    } catch (IOException | RuntimeException e) {
      closeQuietly(pg);
      closeQuietly(lock);
      throw new StoreException(
          "cannot open the database "
              + (config.databaseUrl() == null
                  ? "(embedded, in " + config.dataDir().resolve("postgres") + ")"
                  : "at " + config.databaseUrl())
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** JDBI over the pool. */
  public Jdbi jdbi() {
    return jdbi;
  }

  /** The pooled data source. */
  public DataSource dataSource() {
    return pool;
  }

  @Override
  public void close() {
    if (ownedPool != null) {
      ownedPool.close();
    }
    closeQuietly(embedded);
    closeQuietly(lock);
  }

  /**
   * Takes the data directory's lock for this process's lifetime, so two Umbrella processes never
   * run one embedded database; the operating system releases it when the process dies.
   */
  private static FileChannel lockDataDir(Path dataDir) throws IOException {
    FileChannel ch =
        FileChannel.open(
            dataDir.resolve("umbrella.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    if (ch.tryLock() == null) {
      ch.close();
      throw new StoreException(
          "the data directory " + dataDir + " is in use by another Umbrella process");
    }
    return ch;
  }

  /**
   * Stops a PostgreSQL server left running on our data directory by an Umbrella process that was
   * killed (SIGKILL leaves no chance to stop it). We hold the directory's lock, so no live Umbrella
   * process owns that server.
   */
  private static void stopOrphanedServer(Path pgDir) throws IOException {
    Path pidFile = pgDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
    } catch (RuntimeException e) {
      return; // unreadable: PostgreSQL itself will judge the stale file
    }
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    if (p.isEmpty()
        || !p.get().isAlive()
        || !p.get().info().command().map(c -> c.contains("postgres")).orElse(false)) {
      return;
    }
    p.get()
        .destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients are gone with their process
    try {
      p.get().onExit().get(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      p.get().destroyForcibly(); // crash-safe: PostgreSQL recovers from its WAL on the next start
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // it exited
    }
  }

  private static void closeQuietly(@Nullable Closeable c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  private static void closeQuietly(@Nullable EmbeddedPostgres pg) {
    if (pg != null) {
      try {
        pg.close();
      } catch (IOException ignored) {
        // the server is going away either way
      }
    }
  }
}
