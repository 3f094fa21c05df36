package org.umbrella.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.umbrella.ledger.CosignatureVerifier;
import org.umbrella.ledger.InvalidSignatureException;
import org.umbrella.ledger.OpenedNote;
import org.umbrella.ledger.SignedNotes;

/**
 * The ledger's stored cosignatures checked against their heads: part of {@link LedgerVerifier}'s
 * scan. Not for accepting new cosignatures (the witness submitter checks those).
 */
final class StoredCosignatures {
  private StoredCosignatures() {}

  /**
   * Checks that every stored cosignature verifies against the checkpoint of its head, given as
   * {@code notes} by tree size; the first that does not is thrown as a divergence.
   */
  static void check(Connection c, Map<Long, String> notes) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "select tree_size, witness_key, signature, cosigned_at from ledger_cosignatures order by tree_size, witness_key");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long size = rs.getLong(1);
        String note = notes.get(size);
        if (note == null) {
          throw new LedgerVerifier.Found(
              new Divergence(
                  size,
                  "ledger_cosignatures",
                  size,
                  "the cosignature by "
                      + rs.getString(2)
                      + " is for tree size "
                      + size
                      + ", which has no signed head"));
        }
        try {
          CosignatureVerifier w = CosignatureVerifier.parse(rs.getString(2));
          String text = note.substring(0, note.lastIndexOf("\n\n") + 1);
          OpenedNote opened = SignedNotes.open(text + "\n" + rs.getString(3), List.of(w));
          long stated =
              CosignatureVerifier.timestamp(opened.verified().getFirst().signature().signature());
          if (stated != rs.getObject(4, OffsetDateTime.class).toEpochSecond()) {
            throw new InvalidSignatureException(
                "cosigned_at differs from the time the cosignature states");
          }
        } catch (RuntimeException e) {
          throw new LedgerVerifier.Found(
              new Divergence(
                  size,
                  "ledger_cosignatures",
                  size,
                  "the cosignature by " + rs.getString(2) + " does not verify: " + e.getMessage()));
        }
      }
    }
  }
}
