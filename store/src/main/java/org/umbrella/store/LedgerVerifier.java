package org.umbrella.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.umbrella.ledger.Checkpoint;
import org.umbrella.ledger.CompactRange;
import org.umbrella.ledger.Hashes;
import org.umbrella.ledger.InvalidSignatureException;
import org.umbrella.ledger.LedgerException;
import org.umbrella.ledger.NoteVerifier;
import org.umbrella.ledger.OpenedNote;
import org.umbrella.ledger.SignedNotes;
import org.umbrella.ledger.TiledTree;
import org.umbrella.ledger.Witness;
import org.umbrella.store.internal.Frontiers;
import org.umbrella.store.internal.RowJson;

/**
 * Recomputes the ledger from the stored rows and checks it against every signed tree head, stopping
 * at the first divergence and naming it exactly.
 *
 * <p>Checks, in leaf order: every leaf index from the start size on is present once; the row a leaf
 * names exists, carries that leaf index and still hashes to the leaf; every row of every record
 * table has its leaf; each tree head is signed by the ledger key, links to the previous head, and
 * its root and frontier equal the recomputed ones; no leaf lies beyond the last head; the tip
 * equals the last head; every stored subtree hash equals the one recomputed from the leaves, and
 * none lies beyond them; each head is signed by the key in force at its size (see {@code
 * ledger_key_changes}) and the last such key is this data directory's; every stored witness
 * cosignature verifies against its head. Rows are streamed table by table in leaf order (a merge),
 * so memory stays flat for millions of rows.
 */
public final class LedgerVerifier {
  private final Connection c;
  private final NoteVerifier key;

  /**
   * Verifies the ledger of {@code db} against {@code key} (the data directory's current public
   * key), from the signed head at {@code fromSize}; needs no private key.
   *
   * @throws StoreException on a database error
   */
  public static VerifyReport verify(Database db, NoteVerifier key, long fromSize) {
    try (Connection c = db.dataSource().getConnection()) {
      try {
        return new LedgerVerifier(c, key).verify(fromSize);
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("database error: " + e.getMessage(), e);
    }
  }

  LedgerVerifier(Connection c, NoteVerifier key) {
    this.c = c;
    this.key = key;
  }

  /** A found divergence, thrown to stop the scan. */
  static final class Found extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Divergence d;

    Found(Divergence d) {
      super(d.toString(), null, false, false);
      this.d = d;
    }
  }

  private record Head(long size, byte[] root, byte[] frontier, String note, String signedAt) {}

  /** A key change recorded at leaf {@code leafIndex}: heads after it are signed by {@code next}. */
  private record KeyChange(long leafIndex, NoteVerifier previous, NoteVerifier next) {}

  private final List<KeyChange> keyChanges = new ArrayList<>();

  VerifyReport verify(long fromSize) throws SQLException {
    if (c.getAutoCommit()) {
      // one snapshot for the whole scan, so concurrent appends do not look like tampering
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setAutoCommit(false);
    }
    List<Head> heads = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "select tree_size, root_hash, frontier, checkpoint, signed_at from tree_heads order by tree_size");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        heads.add(
            new Head(
                rs.getLong(1),
                rs.getBytes(2),
                rs.getBytes(3),
                rs.getString(4),
                RowJson.instant(rs.getObject(5, OffsetDateTime.class).toInstant())));
      }
    }
    loadKeyChanges();
    long leaves = 0;
    long headsChecked = 0;
    long lastSize = heads.isEmpty() ? 0 : heads.getLast().size();
    String lastRoot =
        heads.isEmpty() ? Hashes.hex(Hashes.emptyRoot()) : Hashes.hex(heads.getLast().root());
    try {
      CompactRange range = CompactRange.empty();
      int h = 0;
      long prevHeadSize = 0;
      if (fromSize > 0) {
        while (h < heads.size() && heads.get(h).size() < fromSize) {
          h++;
        }
        if (h == heads.size() || heads.get(h).size() != fromSize) {
          throw new Found(
              new Divergence(
                  fromSize,
                  "tree_heads",
                  fromSize,
                  "there is no signed tree head at size " + fromSize + " to start from"));
        }
        Head start = checkHead(heads.get(h), -1);
        try {
          range = CompactRange.of(start.size(), Frontiers.split(start.frontier()));
        } catch (RuntimeException e) {
          throw new Found(
              new Divergence(fromSize, "tree_heads", fromSize, "the stored frontier is malformed"));
        }
        if (!Hashes.same(range.root(), start.root())) {
          throw new Found(
              new Divergence(
                  fromSize,
                  "tree_heads",
                  fromSize,
                  "the stored frontier does not hash to the signed root"));
        }
        prevHeadSize = start.size();
        headsChecked++;
        h++;
      }
      Map<String, Cursor> cursors = new HashMap<>();
      for (String t : PostgresEvidenceStore.RECORD_TABLES) {
        cursors.put(t, new Cursor(t, fromSize));
      }
      SubtreeHashCursor subtrees = new SubtreeHashCursor(c, fromSize);
      try (PreparedStatement ps =
          c.prepareStatement(
              "select leaf_index, table_name, row_id, leaf_hash from ledger_leaves where leaf_index >= ? order by leaf_index")) {
        ps.setFetchSize(5_000);
        ps.setLong(1, fromSize);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long index = rs.getLong(1);
            String table = rs.getString(2);
            long rowId = rs.getLong(3);
            byte[] stored = rs.getBytes(4);
            long expected = range.size();
            if (index != expected) {
              // a gap: the leaf `expected` is gone; name the row that still claims it, if any
              throw new Found(missingLeaf(cursors, expected));
            }
            Cursor cur = cursors.get(table);
            if (cur == null) {
              throw new Found(
                  new Divergence(
                      index,
                      "ledger_leaves",
                      index,
                      "the leaf names an unknown table '" + table + "'"));
            }
            byte[] recomputed = cur.take(index, rowId);
            if (!Hashes.same(recomputed, stored)) {
              throw new Found(
                  new Divergence(
                      index,
                      table,
                      rowId,
                      "the row no longer hashes to its leaf (stored leaf hash "
                          + Hashes.hex(stored)
                          + ", row now hashes to "
                          + Hashes.hex(recomputed)
                          + "): the row or the leaf was changed"));
            }
            for (TiledTree.Completed node : TiledTree.completedBy(range, recomputed)) {
              subtrees.check(node);
            }
            range.append(recomputed);
            leaves++;
            while (h < heads.size() && heads.get(h).size() == range.size()) {
              Head head = checkHead(heads.get(h), prevHeadSize);
              if (!Hashes.same(head.root(), range.root())) {
                throw new Found(
                    new Divergence(
                        head.size() - 1,
                        "tree_heads",
                        head.size(),
                        "the leaves up to "
                            + head.size()
                            + " do not give the signed root: a leaf before it was rewritten"));
              }
              if (!Arrays.equals(head.frontier(), Frontiers.join(range.hashes()))) {
                throw new Found(
                    new Divergence(
                        head.size() - 1,
                        "tree_heads",
                        head.size(),
                        "the stored frontier differs from the recomputed one"));
              }
              prevHeadSize = head.size();
              headsChecked++;
              h++;
            }
            if (h < heads.size() && heads.get(h).size() < range.size()) {
              throw new Found(
                  new Divergence(
                      heads.get(h).size(),
                      "tree_heads",
                      heads.get(h).size(),
                      "tree head out of order"));
            }
          }
        }
      }
      if (h < heads.size()) {
        Head head = heads.get(h);
        throw new Found(
            new Divergence(
                range.size(),
                "ledger_leaves",
                -1,
                "the signed head at size "
                    + head.size()
                    + " covers leaves "
                    + range.size()
                    + ".."
                    + (head.size() - 1)
                    + " that are missing"));
      }
      if (range.size() > lastSize) {
        throw new Found(
            new Divergence(
                lastSize,
                "tree_heads",
                -1,
                "leaves "
                    + lastSize
                    + ".."
                    + (range.size() - 1)
                    + " are not covered by any signed tree head"));
      }
      for (Cursor cur : cursors.values()) {
        cur.finish();
      }
      subtrees.finish();
      checkTip(range);
      Map<Long, String> notes = new HashMap<>();
      heads.forEach(head -> notes.put(head.size(), head.note()));
      StoredCosignatures.check(c, notes);
      checkCurrentKey(lastSize);
      return new VerifyReport(fromSize, leaves, headsChecked, lastSize, lastRoot, Optional.empty());
    } catch (Found f) {
      return new VerifyReport(fromSize, leaves, headsChecked, lastSize, lastRoot, Optional.of(f.d));
    } finally {
      c.rollback();
    }
  }

  private Head checkHead(Head head, long prevSize) {
    Checkpoint cp;
    try {
      cp = openHead(head, prevSize);
    } catch (LedgerException e) {
      throw new Found(
          new Divergence(
              head.size(), "tree_heads", head.size(), "bad signed tree head: " + e.getMessage()));
    }
    if (cp.size() != head.size() || !Hashes.same(cp.rootHash(), head.root())) {
      throw new Found(
          new Divergence(
              head.size(),
              "tree_heads",
              head.size(),
              "the row's size or root differs from its signed checkpoint"));
    }
    if (!cp.extensions().contains("time " + head.signedAt())) {
      throw new Found(
          new Divergence(
              head.size(),
              "tree_heads",
              head.size(),
              "the row's signed_at differs from the time in its signed checkpoint"));
    }
    if (prevSize >= 0 && !cp.extensions().contains("prev " + prevSize)) {
      throw new Found(
          new Divergence(
              head.size(),
              "tree_heads",
              head.size(),
              "the signed head does not follow the head at size "
                  + prevSize
                  + " (a tree head was removed)"));
    }
    return head;
  }

  /**
   * Opens a head under the key in force at its size: the first key before any key change, the new
   * key after one; the head of the transaction that recorded a change (the handover) must be signed
   * by both keys and name the new one in a {@code rotate-key} line.
   */
  private Checkpoint openHead(Head head, long prevSize) {
    KeyChange last = null;
    for (KeyChange k : keyChanges) {
      if (k.leafIndex() < head.size()) {
        last = k;
      }
    }
    if (last == null) {
      NoteVerifier first = keyChanges.isEmpty() ? key : keyChanges.getFirst().previous();
      return SignedNotes.openCheckpoint(head.note(), first);
    }
    boolean handover = prevSize >= 0 && prevSize <= last.leafIndex();
    if (!handover) {
      return SignedNotes.openCheckpoint(head.note(), last.next());
    }
    OpenedNote opened = SignedNotes.open(head.note(), List.of(last.previous(), last.next()));
    if (!opened.signedBy(last.previous()) || !opened.signedBy(last.next())) {
      throw new InvalidSignatureException(
          "the key handover at size "
              + head.size()
              + " must be signed by the previous key "
              + last.previous().encoded()
              + " and the new key "
              + last.next().encoded());
    }
    Checkpoint cp = Checkpoint.parse(opened.text());
    if (!cp.extensions().contains(Witness.ROTATE_KEY + last.next().encoded())) {
      throw new InvalidSignatureException(
          "the key handover at size " + head.size() + " does not name the new key");
    }
    return cp;
  }

  private void loadKeyChanges() throws SQLException {
    keyChanges.clear();
    try (PreparedStatement ps =
            c.prepareStatement(
                "select leaf_index, id, previous_key, verifier_key from ledger_key_changes order by leaf_index");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        try {
          keyChanges.add(
              new KeyChange(
                  rs.getLong(1),
                  NoteVerifier.parse(rs.getString(3)),
                  NoteVerifier.parse(rs.getString(4))));
        } catch (LedgerException e) {
          throw new Found(
              new Divergence(
                  rs.getLong(1),
                  "ledger_key_changes",
                  rs.getLong(2),
                  "malformed key: " + e.getMessage()));
        }
      }
    }
  }

  /** The key the data directory signs with must be the one in force after the last change. */
  private void checkCurrentKey(long size) {
    NoteVerifier inForce = keyChanges.isEmpty() ? key : keyChanges.getLast().next();
    if (!inForce.equals(key)) {
      throw new Found(
          new Divergence(
              size,
              "ledger_key_changes",
              -1,
              "the heads' key in force, "
                  + inForce.encoded()
                  + ", is not the ledger key "
                  + key.encoded()
                  + " of this data directory"));
    }
  }

  private void checkTip(CompactRange range) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("select tree_size, frontier from ledger_tip where id = 1");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new Found(
            new Divergence(range.size(), "ledger_tip", 1, "the ledger tip row is missing"));
      }
      if (rs.getLong(1) != range.size()
          || !Arrays.equals(rs.getBytes(2), Frontiers.join(range.hashes()))) {
        throw new Found(
            new Divergence(
                range.size(),
                "ledger_tip",
                1,
                "the tip (size "
                    + rs.getLong(1)
                    + ") differs from the recomputed tree (size "
                    + range.size()
                    + ")"));
      }
    }
  }

  private Divergence missingLeaf(Map<String, Cursor> cursors, long expected) throws SQLException {
    for (Cursor cur : cursors.values()) {
      if (cur.peekIndex() == expected) {
        return new Divergence(
            expected,
            cur.table,
            cur.rs.getLong("id"),
            "the row's leaf is missing from ledger_leaves");
      }
    }
    return new Divergence(
        expected, "ledger_leaves", -1, "leaf " + expected + " is missing and no row claims it");
  }

  /** Streams one record table in leaf order. */
  private final class Cursor {
    final String table;
    final PreparedStatement ps;
    final ResultSet rs;
    boolean hasRow;

    Cursor(String table, long from) throws SQLException {
      this.table = table;
      ps =
          c.prepareStatement(
              "select * from " + table + " where leaf_index >= ? order by leaf_index, id");
      ps.setFetchSize(2_000);
      ps.setLong(1, from);
      rs = ps.executeQuery();
      hasRow = rs.next();
    }

    long peekIndex() throws SQLException {
      return hasRow ? rs.getLong("leaf_index") : Long.MAX_VALUE;
    }

    byte[] take(long index, long rowId) throws SQLException {
      if (!hasRow) {
        throw new Found(
            new Divergence(index, table, rowId, "the row is missing (deleted or table truncated)"));
      }
      long li = rs.getLong("leaf_index");
      long id = rs.getLong("id");
      if (li < index) {
        throw new Found(
            new Divergence(
                li, table, id, "the row claims leaf " + li + ", which names another row"));
      }
      if (li > index || id != rowId) {
        if (li == index) {
          throw new Found(
              new Divergence(
                  index,
                  table,
                  id,
                  "the row claims leaf "
                      + index
                      + ", which belongs to row "
                      + rowId
                      + " of "
                      + table));
        }
        throw new Found(
            new Divergence(
                index, table, rowId, "the row is missing or no longer carries leaf " + index));
      }
      byte[] h = Hashes.leafHash(RowJson.leaf(table, rs));
      hasRow = rs.next();
      if (hasRow && rs.getLong("leaf_index") == index) {
        throw new Found(
            new Divergence(index, table, rs.getLong("id"), "a second row claims leaf " + index));
      }
      return h;
    }

    void finish() throws SQLException {
      if (hasRow) {
        throw new Found(
            new Divergence(
                rs.getLong("leaf_index"),
                table,
                rs.getLong("id"),
                "the row has no leaf in the ledger (inserted behind the ledger's back)"));
      }
      rs.close();
      ps.close();
    }
  }
}
