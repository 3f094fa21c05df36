package org.umbrella.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.umbrella.ledger.CosignatureVerifier;
import org.umbrella.ledger.LedgerException;
import org.umbrella.ledger.NoteVerifier;
import org.umbrella.ledger.OpenedNote;
import org.umbrella.ledger.SignedNotes;
import org.umbrella.ledger.WitnessPolicy;

/**
 * The witnesses' cosignatures of the ledger's tree heads: kept when a witness returns them (each
 * checked against its head first), and served as cosigned checkpoints, the head's signed note with
 * every cosignature line appended. Thread-safe.
 */
public final class Cosignatures {
  /** How many of the latest cosigned heads a policy search looks at. */
  private static final int SEARCH = 64;

  private final Database db;

  public Cosignatures(Database db) {
    this.db = db;
  }

  /** A tree head and the cosignatures it has. */
  public record CosignedHead(long treeSize, String note, int cosignatures) {}

  /**
   * Keeps the cosignature lines {@code lines} that {@code witness} returned for the head of {@code
   * treeSize}; lines that are not a valid cosignature of that head by that witness are refused.
   *
   * @return how many lines were new
   * @throws LedgerException if a line does not verify
   */
  public int add(long treeSize, CosignatureVerifier witness, List<String> lines) {
    try (Connection c = db.dataSource().getConnection()) {
      String note =
          head(c, treeSize)
              .orElseThrow(() -> new RecordNotFoundException("no tree head of size " + treeSize));
      String text = note.substring(0, note.lastIndexOf("\n\n") + 1);
      int added = 0;
      for (String line : lines) {
        OpenedNote opened = SignedNotes.open(text + "\n" + line, List.of(witness));
        long at =
            CosignatureVerifier.timestamp(opened.verified().getFirst().signature().signature());
        try (PreparedStatement ps =
            c.prepareStatement(
                "insert into ledger_cosignatures (tree_size, witness_key, signature, cosigned_at)"
                    + " values (?, ?, ?, ?) on conflict do nothing")) {
          ps.setLong(1, treeSize);
          ps.setString(2, witness.encoded());
          ps.setString(3, line);
          ps.setObject(4, OffsetDateTime.ofInstant(Instant.ofEpochSecond(at), ZoneOffset.UTC));
          added += ps.executeUpdate();
        }
      }
      return added;
    } catch (SQLException e) {
      throw new StoreException("database error: " + e.getMessage(), e);
    }
  }

  /** The latest head that has any cosignature, with all of them. */
  public Optional<CosignedHead> latest() {
    List<CosignedHead> heads = recent();
    return heads.isEmpty() ? Optional.empty() : Optional.of(heads.getFirst());
  }

  /**
   * The latest head whose cosignatures satisfy {@code policy}, with all of them.
   *
   * @param logKeys the log's keys (current and retired)
   */
  public Optional<CosignedHead> latest(WitnessPolicy policy, List<NoteVerifier> logKeys) {
    for (CosignedHead h : recent()) {
      try {
        policy.check(h.note(), logKeys);
        return Optional.of(h);
      } catch (LedgerException e) {
        // not enough trusted cosignatures on this one; an older head may have them
      }
    }
    return Optional.empty();
  }

  private List<CosignedHead> recent() {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select h.tree_size, h.checkpoint, string_agg(s.signature, '' order by s.witness_key), count(*)"
                    + " from tree_heads h join ledger_cosignatures s on s.tree_size = h.tree_size"
                    + " group by h.tree_size, h.checkpoint order by h.tree_size desc limit "
                    + SEARCH)) {
      List<CosignedHead> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new CosignedHead(rs.getLong(1), rs.getString(2) + rs.getString(3), rs.getInt(4)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("database error: " + e.getMessage(), e);
    }
  }

  /** The signed note of the head of {@code treeSize}. */
  public Optional<String> head(long treeSize) {
    try (Connection c = db.dataSource().getConnection()) {
      return head(c, treeSize);
    } catch (SQLException e) {
      throw new StoreException("database error: " + e.getMessage(), e);
    }
  }

  /** The sizes of the key-handover heads after {@code size}, in order: a witness must see each. */
  public List<Long> handoversAfter(long size) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select (select min(h.tree_size) from tree_heads h where h.tree_size > k.leaf_index) from ledger_key_changes k"
                    + " where k.leaf_index >= ? order by k.leaf_index")) {
      ps.setLong(1, size);
      List<Long> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("database error: " + e.getMessage(), e);
    }
  }

  private static Optional<String> head(Connection c, long treeSize) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select checkpoint from tree_heads where tree_size = ?")) {
      ps.setLong(1, treeSize);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }
}
