package org.umbrella.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * Opens the server's PostgreSQL database and brings its schema up to date.
 *
 * <p>Migrations live on the classpath under {@code db/migration}: the store module's V1..V49 and
 * the server's V50 and up are applied together, in version order, by one Flyway run.
 */
public final class Database {
  private Database() {}

  /** A pooled data source for a JDBC URL ({@code jdbc:postgresql://host/db?user=...}). */
  public static HikariDataSource pool(String jdbcUrl, int maxConnections) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(maxConnections);
    config.setPoolName("umbrella");
    return new HikariDataSource(config);
  }

  /** Applies every pending migration and returns a JDBI handle factory over {@code dataSource}. */
  public static Jdbi migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        // the store numbers its migrations V1-V49, the server V50 and up: a store migration added
        // later (V6) must still apply to a database the server already took to V60
        .outOfOrder(true)
        .load()
        .migrate();
    return Jdbi.create(dataSource);
  }
}
