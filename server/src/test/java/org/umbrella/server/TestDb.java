package org.umbrella.server;

import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.umbrella.server.db.Database;
import org.umbrella.server.db.EmbeddedDatabase;

/**
 * One real PostgreSQL per test JVM: the embedded server, or the one named by {@code
 * UMBRELLA_TEST_DATABASE_URL}; migrated once, emptied between test classes by {@link #reset()}.
 */
public final class TestDb {
  private static Jdbi jdbi;
  private static DataSource dataSource;

  private TestDb() {}

  public static synchronized Jdbi jdbi() {
    if (jdbi == null) {
      String url = System.getenv("UMBRELLA_TEST_DATABASE_URL");
      if (url == null || url.isBlank()) {
        EmbeddedDatabase db = EmbeddedDatabase.start(null);
        Runtime.getRuntime().addShutdownHook(new Thread(db::close));
        url = db.jdbcUrl();
      }
      dataSource = Database.pool(url, 16);
      jdbi = Database.migrate(dataSource);
    }
    return jdbi;
  }

  /** Deletes every row of the server's tables. */
  public static void reset() {
    jdbi().useHandle(h -> h.execute("""
        truncate ops_vote, ops_review, ops_finding, ops_obligation, ops_status, ops_report, ops_body,
          webhook_delivery, webhook, audit_event, api_token, web_session, account, server_setting restart identity cascade"""));
  }
}
