package org.umbrella.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.umbrella.ledger.NoteSigner;

/**
 * The databases store tests run against: the embedded PostgreSQL always, and the machine's
 * PostgreSQL too when {@code UMBRELLA_TEST_DATABASE_URL} is set. Each open gets a fresh schema, so
 * test classes and runs never see each other's rows.
 */
final class TestDatabases {
  private static EmbeddedPostgres embedded;

  private TestDatabases() {}

  /** The names of the targets: "embedded", and "external" when configured. */
  static List<String> targets() {
    List<String> t = new ArrayList<>(List.of("embedded"));
    if (externalUrl() != null) {
      t.add("external");
    }
    return t;
  }

  static String externalUrl() {
    String url = System.getenv("UMBRELLA_TEST_DATABASE_URL");
    return url == null || url.isBlank() ? null : url;
  }

  static synchronized String url(String target) {
    if (target.equals("external")) {
      return externalUrl();
    }
    if (embedded == null) {
      try {
        embedded = EmbeddedPostgres.builder().setPort(0).start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddedPostgres pg = embedded;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      pg.close();
                    } catch (IOException ignored) {
                      // exiting anyway
                    }
                  }));
    }
    return embedded.getJdbcUrl("postgres", "postgres");
  }

  /** A migrated database in a fresh schema of {@code target}. */
  static Database open(String target) {
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try {
      Path dir = Files.createTempDirectory("umbrella-store-test");
      return Database.open(new StoreConfig(dir, url(target), null), schema);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static NoteSigner signer() {
    try {
      return new NoteSigner(
          StoreConfig.DEFAULT_ORIGIN, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A store in a fresh schema, with a fixed clock. */
  static PostgresEvidenceStore store(String target) {
    return PostgresEvidenceStore.owning(
        open(target),
        signer(),
        StoreConfig.DEFAULT_ORIGIN,
        Clock.fixed(Instant.parse("2026-03-01T12:00:00.123456Z"), ZoneOffset.UTC));
  }
}
