package org.umbrella.server.cluster;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.umbrella.ledger.Hashes;

/**
 * A PostgreSQL session-level advisory lock, one per agreement, held on a connection of its own: the
 * service instance holding it is the agreement's leader (ships the journal to the input topic and
 * writes the engine's outputs to the ledger). The database releases it when that connection ends,
 * so a leader that dies or loses its database hands over without anyone's help.
 */
final class LeaderLock implements AutoCloseable {
  private final DataSource dataSource;
  private final long key;
  private @Nullable Connection held;

  LeaderLock(DataSource dataSource, String agreementId) {
    this.dataSource = dataSource;
    this.key = key(agreementId);
  }

  /** The lock's key: the first 8 bytes of SHA-256("umbrella.cluster-leader:" + agreement id). */
  static long key(String agreementId) {
    byte[] h =
        Hashes.sha256(("umbrella.cluster-leader:" + agreementId).getBytes(StandardCharsets.UTF_8));
    long k = 0;
    for (int i = 0; i < 8; i++) {
      k = (k << 8) | (h[i] & 0xff);
    }
    return k;
  }

  /** Takes the lock if nobody holds it; answers whether this instance holds it now. */
  synchronized boolean tryAcquire() {
    if (held != null) {
      return true;
    }
    Connection c = null;
    try {
      c = dataSource.getConnection();
      c.setAutoCommit(true);
      try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?)")) {
        s.setLong(1, key);
        try (ResultSet r = s.executeQuery()) {
          if (r.next() && r.getBoolean(1)) {
            held = c;
            return true;
          }
        }
      }
      c.close();
      return false;
    } catch (SQLException e) {
      closeQuietly(c);
      return false;
    }
  }

  /** Whether the connection holding the lock still answers (and so the lock is still ours). */
  synchronized boolean stillHeld() {
    if (held == null) {
      return false;
    }
    try (PreparedStatement s =
        held.prepareStatement(
            "select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid() and granted"
                + " and ((classid::bigint << 32) | objid::bigint) = ?")) {
      s.setLong(1, key);
      try (ResultSet r = s.executeQuery()) {
        if (r.next() && r.getLong(1) > 0) {
          return true;
        }
      }
    } catch (SQLException e) {
      // the connection is gone: so is the lock
    }
    release();
    return false;
  }

  /** Gives the lock up (closing its connection ends it in any case). */
  synchronized void release() {
    if (held == null) {
      return;
    }
    try (PreparedStatement s = held.prepareStatement("select pg_advisory_unlock(?)")) {
      s.setLong(1, key);
      s.execute();
    } catch (SQLException e) {
      // closing the connection below releases it
    }
    closeQuietly(held);
    held = null;
  }

  @Override
  public void close() {
    release();
  }

  private static void closeQuietly(@Nullable Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException e) {
      // nothing to do: the session ends either way
    }
  }
}
