package org.umbrella.cli.store;

import org.umbrella.cli.UserException;
import org.umbrella.ledger.NoteVerifier;
import org.umbrella.store.Database;
import org.umbrella.store.LedgerKeys;
import org.umbrella.store.LedgerVerifier;
import org.umbrella.store.StoreConfig;
import org.umbrella.store.StoreException;
import org.umbrella.store.VerifyReport;

/**
 * The ledger of a data directory opened for checking only: the database and the public key ({@code
 * ledger-key.pub}), so that {@code ledger verify} runs on a restored directory that was given no
 * private key.
 */
final class LedgerReader implements AutoCloseable {
  private final Database db;
  private final NoteVerifier key;

  private LedgerReader(Database db, NoteVerifier key) {
    this.db = db;
    this.key = key;
  }

  static LedgerReader open(StoreOptions options) {
    StoreConfig config = options.config();
    try {
      NoteVerifier key =
          LedgerKeys.currentPublic(config.dataDir())
              .orElseGet(
                  () -> LedgerKeys.loadOrCreate(config.dataDir(), config.origin()).verifier());
      return new LedgerReader(Database.open(config), key);
    } catch (StoreException e) {
      throw new UserException(
          e.getMessage()
              + "\n  hint: check --data-dir (is another umbrella using it?) or --database-url");
    }
  }

  /** The database, for reading the journal and the outputs. */
  Database database() {
    return db;
  }

  VerifyReport verify(long fromSize) {
    return LedgerVerifier.verify(db, key, fromSize);
  }

  @Override
  public void close() {
    db.close();
  }
}
