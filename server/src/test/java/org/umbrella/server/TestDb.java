package org.umbrella.server;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.umbrella.ledger.NoteSigner;
import org.umbrella.store.StoreConfig;

/**
 * One real PostgreSQL per test JVM: the embedded server, or the one named by {@code
 * UMBRELLA_TEST_DATABASE_URL}; migrated once, emptied between test classes by {@link #reset()}. One
 * ledger key per test JVM, made in memory.
 */
public final class TestDb {
  private static Jdbi jdbi;
  private static DataSource dataSource;
  private static String url;
  private static NoteSigner ledgerKey;

  private TestDb() {}

  public static synchronized Jdbi jdbi() {
    if (jdbi == null) {
      url = System.getenv("UMBRELLA_TEST_DATABASE_URL");
      if (url == null || url.isBlank()) {
        EmbeddedDatabase db = EmbeddedDatabase.start(null);
        Runtime.getRuntime().addShutdownHook(new Thread(db::close));
        url = db.jdbcUrl();
      }
      // the one migration path there is: the store's, as `umbrella serve` opens its database
      java.nio.file.Path dir;
      try {
        dir = java.nio.file.Files.createTempDirectory("umbrella-testdb");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      org.umbrella.store.Database db =
          org.umbrella.store.Database.open(new StoreConfig(dir, url, null), null, 16);
      dataSource = db.dataSource();
      jdbi = db.jdbi();
    }
    return jdbi;
  }

  /** The JDBC URL of the test database (for tests that start a server in another process). */
  public static synchronized String url() {
    jdbi();
    return url;
  }

  public static synchronized DataSource dataSource() {
    jdbi();
    return dataSource;
  }

  /** The ledger's signing key for this test JVM. */
  public static synchronized NoteSigner ledgerKey() {
    if (ledgerKey == null) {
      try {
        ledgerKey =
            new NoteSigner(
                StoreConfig.DEFAULT_ORIGIN,
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return ledgerKey;
  }

  /**
   * Deletes every row of the server's tables and of the store's records, and empties the ledger.
   */
  public static void reset() {
    jdbi()
        .useHandle(
            h -> {
              h.execute(
                  """
          truncate ops_vote, ops_review, ops_finding, ops_obligation, ops_status, ops_report, ops_body,
            webhook_delivery, webhook, audit_event, api_token, web_session, account, server_setting,
            agreements, sources, incident_versions, reviews, attributions, determinations, votes, guarantor_responses,
            provision_reports, engine_outputs, accounts, incident_reports, account_parties, account_identities, ledger_leaves, tree_heads,
            ledger_subtrees, ledger_key_changes, ledger_cosignatures, journal, outputs, projection_position
            restart identity cascade""");
              h.execute("update ledger_tip set tree_size = 0, frontier = ''::bytea where id = 1");
            });
  }
}
