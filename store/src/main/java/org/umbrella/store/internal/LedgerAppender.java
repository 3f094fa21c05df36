package org.umbrella.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.umbrella.ledger.Checkpoint;
import org.umbrella.ledger.CompactRange;
import org.umbrella.ledger.Hashes;
import org.umbrella.ledger.NoteSigner;
import org.umbrella.ledger.TiledTree;
import org.umbrella.ledger.Witness;

/**
 * Appends leaves to the ledger inside the caller's transaction: locks the tip row (so appends are
 * serialised across processes), extends the frontier in memory, and on {@link #finish} writes the
 * leaves, the new tip and a signed tree head. If the transaction rolls back, none of it happened.
 *
 * <p>One per transaction; not thread-safe.
 */
public final class LedgerAppender {
  /** Leaves above this many per transaction are written with COPY rather than a batch. */
  private static final int COPY_THRESHOLD = 256;

  private final Connection conn;
  private final long startSize;
  private final CompactRange range;
  private final List<Object[]> pending = new ArrayList<>();
  private final List<TiledTree.Completed> subtrees = new ArrayList<>();

  private LedgerAppender(Connection conn, long startSize, CompactRange range) {
    this.conn = conn;
    this.startSize = startSize;
    this.range = range;
  }

  /** Locks the tip for this transaction and reads the frontier. */
  public static LedgerAppender begin(Connection conn) throws SQLException {
    try (PreparedStatement ps =
            conn.prepareStatement(
                "select tree_size, frontier from ledger_tip where id = 1 for update");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("ledger_tip row is missing");
      }
      long size = rs.getLong(1);
      return new LedgerAppender(conn, size, CompactRange.of(size, Frontiers.split(rs.getBytes(2))));
    }
  }

  /** The index the next leaf will get. */
  public long nextIndex() {
    return range.size();
  }

  /** Appends a leaf for the row {@code rowId} of {@code table}; returns its index. */
  public long append(String table, long rowId, byte[] leafBytes) {
    return appendHash(table, rowId, Hashes.leafHash(leafBytes));
  }

  /**
   * Appends a leaf whose RFC 6962 leaf hash the caller computed (SHA-256 of 0x00 and the leaf's
   * canonical JSON) for the row {@code rowId} of {@code table}; returns its index.
   */
  public long appendHash(String table, long rowId, byte[] hash) {
    long index = range.size();
    subtrees.addAll(TiledTree.completedBy(range, hash));
    range.append(hash);
    pending.add(new Object[] {index, table, rowId, hash});
    return index;
  }

  /** Leaves appended in this transaction so far. */
  public int appended() {
    return pending.size();
  }

  /**
   * Writes the leaves, the tip and a tree head signed by {@code signer} at {@code now}; does
   * nothing when no leaf was appended.
   */
  public void finish(NoteSigner signer, String origin, Instant now) throws SQLException {
    finish(signer, null, origin, now);
  }

  /**
   * As {@link #finish(NoteSigner, String, Instant)}, for the transaction that records a key change:
   * the head names {@code next} in a {@code rotate-key} line and is signed by both keys.
   */
  public void finishHandover(NoteSigner current, NoteSigner next, String origin, Instant now)
      throws SQLException {
    if (pending.isEmpty()) {
      throw new IllegalStateException("a key handover needs the leaf that records it");
    }
    finish(current, next, origin, now);
  }

  private void finish(NoteSigner signer, @Nullable NoteSigner next, String origin, Instant now)
      throws SQLException {
    if (pending.isEmpty()) {
      return;
    }
    if (pending.size() >= COPY_THRESHOLD) {
      copyLeaves();
    } else {
      try (PreparedStatement ps =
          conn.prepareStatement(
              "insert into ledger_leaves (leaf_index, table_name, row_id, leaf_hash) values (?, ?, ?, ?)")) {
        for (Object[] l : pending) {
          ps.setLong(1, (Long) l[0]);
          ps.setString(2, (String) l[1]);
          ps.setLong(3, (Long) l[2]);
          ps.setBytes(4, (byte[]) l[3]);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    writeSubtrees();
    byte[] frontier = Frontiers.join(range.hashes());
    byte[] root = range.root();
    Instant at = RowJson.micros(now);
    List<String> extensions =
        new ArrayList<>(List.of("prev " + startSize, "time " + RowJson.instant(at)));
    if (next != null) {
      extensions.add(Witness.ROTATE_KEY + next.verifier().encoded());
    }
    Checkpoint cp = new Checkpoint(origin, range.size(), root, extensions);
    String note = signer.sign(cp) + (next == null ? "" : next.signatureLine(cp.body()));
    try (PreparedStatement ps =
        conn.prepareStatement("update ledger_tip set tree_size = ?, frontier = ? where id = 1")) {
      ps.setLong(1, range.size());
      ps.setBytes(2, frontier);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        conn.prepareStatement(
            "insert into tree_heads (tree_size, root_hash, frontier, checkpoint, signed_at) values (?, ?, ?, ?, ?)")) {
      ps.setLong(1, range.size());
      ps.setBytes(2, root);
      ps.setBytes(3, frontier);
      ps.setString(4, note);
      ps.setObject(5, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
      ps.executeUpdate();
    }
    pending.clear();
    subtrees.clear();
  }

  /** The stored subtree hashes the new leaves completed (see {@link TiledTree}). */
  private void writeSubtrees() throws SQLException {
    if (subtrees.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        conn.prepareStatement(
            "insert into ledger_subtrees (level, node_index, hash) values (?, ?, ?)")) {
      for (TiledTree.Completed n : subtrees) {
        ps.setShort(1, (short) n.node().level());
        ps.setLong(2, n.node().index());
        ps.setBytes(3, n.hash());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void copyLeaves() throws SQLException {
    CopyText.copyIn(
        conn,
        "copy ledger_leaves (leaf_index, table_name, row_id, leaf_hash) from stdin (format text)",
        1 << 16,
        out -> {
          for (Object[] l : pending) {
            out.field(l[0].toString())
                .tab()
                .field((String) l[1])
                .tab()
                .field(l[2].toString())
                .tab()
                .bytea((byte[]) l[3])
                .end();
          }
        });
  }
}
