package org.umbrella.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.umbrella.ledger.ProofBundle;
import org.umbrella.ledger.TiledTree;
import org.umbrella.store.internal.RowJson;
import org.umbrella.store.internal.StoredNodes;

/**
 * The ledger's proofs read from the database: inclusion proofs of one leaf with its record, in a
 * signed tree of a given size, consistency proofs between two signed trees, and the leaf of a
 * record. Each reads O(log n) stored subtree hashes on the connection it is given. Not for writing
 * or verifying the ledger ({@link WriteTransaction}, {@link LedgerVerifier}).
 */
final class LedgerProofQueries {
  private LedgerProofQueries() {}

  static ProofBundle proofAt(
      Connection c,
      long leafIndex,
      long size,
      @Nullable String givenNote,
      UnaryOperator<String> signerOf)
      throws SQLException {
    c.setAutoCommit(false);
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    String note = givenNote;
    String keyOfHead;
    try (PreparedStatement ps =
        c.prepareStatement("select checkpoint from tree_heads where tree_size = ?")) {
      ps.setLong(1, size);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new RecordNotFoundException("no signed tree head of size " + size);
        }
        if (note == null) {
          note = rs.getString(1);
        }
        keyOfHead = signerOf.apply(rs.getString(1));
      }
    }
    if (leafIndex < 0 || leafIndex >= size) {
      throw new RecordNotFoundException(
          "no leaf " + leafIndex + " in the ledger of " + size + " leaves");
    }
    String table;
    long rowId;
    try (PreparedStatement ps =
        c.prepareStatement("select table_name, row_id from ledger_leaves where leaf_index = ?")) {
      ps.setLong(1, leafIndex);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new RecordNotFoundException("leaf " + leafIndex + " is missing");
        }
        table = rs.getString(1);
        rowId = rs.getLong(2);
      }
    }
    if (!PostgresEvidenceStore.RECORD_TABLES.contains(table)) {
      throw new RecordNotFoundException("leaf " + leafIndex + " has no record row");
    }
    String leaf;
    try (PreparedStatement ps = c.prepareStatement("select * from " + table + " where id = ?")) {
      ps.setLong(1, rowId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new RecordNotFoundException(
              "leaf " + leafIndex + ": row " + table + " " + rowId + " is missing");
        }
        leaf = new String(RowJson.leaf(table, rs), StandardCharsets.UTF_8);
      }
    }
    return new ProofBundle(
        keyOfHead,
        note,
        leafIndex,
        leaf,
        TiledTree.inclusionProof(leafIndex, size, new StoredNodes(c)));
  }

  /** See {@link PostgresEvidenceStore#consistencyProof}. */
  static List<byte[]> consistencyProof(Connection c, long size1, long size2) throws SQLException {
    long latest = latestSize(c);
    if (size1 <= 0 || size1 > size2 || size2 > latest) {
      throw new RecordNotFoundException(
          "no consistency proof from "
              + size1
              + " to "
              + size2
              + " in a ledger of "
              + latest
              + " leaves (need 0 < size1 <= size2 <= "
              + latest
              + ")");
    }
    c.setAutoCommit(false);
    return TiledTree.consistencyProof(size1, size2, new StoredNodes(c));
  }

  static long latestSize(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("select coalesce(max(tree_size), 0) from tree_heads");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** See {@link PostgresEvidenceStore#leafIndexOf}. */
  static long leafIndexOf(Connection c, String reference) throws SQLException {
    int colon = reference.indexOf(':');
    if (colon > 0 && PostgresEvidenceStore.RECORD_TABLES.contains(reference.substring(0, colon))) {
      String table = reference.substring(0, colon);
      try (PreparedStatement ps =
          c.prepareStatement("select leaf_index from " + table + " where id = ?")) {
        ps.setLong(1, Long.parseLong(reference.substring(colon + 1)));
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return rs.getLong(1);
          }
        }
      } catch (NumberFormatException e) {
        throw new RecordNotFoundException(
            "'" + reference + "': the part after ':' must be a row id");
      }
      throw new RecordNotFoundException("no row " + reference);
    }
    try (PreparedStatement ps =
        c.prepareStatement("select leaf_index from incidents where incident_id = ?")) {
      ps.setString(1, reference);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return rs.getLong(1);
        }
      }
    }
    throw new RecordNotFoundException(
        "no incident '"
            + reference
            + "' (give an incident id, or table:row-id such as reviews:12)");
  }
}
