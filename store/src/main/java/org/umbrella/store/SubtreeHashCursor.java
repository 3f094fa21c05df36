package org.umbrella.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.umbrella.ledger.Hashes;
import org.umbrella.ledger.SubtreeNode;
import org.umbrella.ledger.TiledTree;

/**
 * Streams the stored subtree hashes in the order leaves complete them and checks each against the
 * recomputed one: a changed, moved, missing or extra stored hash is a divergence. Part of {@link
 * LedgerVerifier}'s scan; not for reading hashes to build proofs ({@code StoredNodes}).
 */
final class SubtreeHashCursor {
  final PreparedStatement ps;
  final ResultSet rs;
  boolean hasRow;

  SubtreeHashCursor(Connection c, long from) throws SQLException {
    ps =
        c.prepareStatement(
            "select level, node_index, hash from ledger_subtrees"
                + " where (node_index + 1) << level > ? order by (node_index + 1) << level, level");
    ps.setFetchSize(2_000);
    ps.setLong(1, from);
    rs = ps.executeQuery();
    hasRow = rs.next();
  }

  void check(TiledTree.Completed node) throws SQLException {
    SubtreeNode n = node.node();
    if (!hasRow || rs.getInt(1) != n.level() || rs.getLong(2) != n.index()) {
      throw new LedgerVerifier.Found(
          new Divergence(
              n.end() - 1,
              "ledger_subtrees",
              n.index(),
              "the stored hash of subtree ["
                  + n.start()
                  + ", "
                  + n.end()
                  + ") (level "
                  + n.level()
                  + ") is missing"
                  + (hasRow
                      ? "; found level " + rs.getInt(1) + " node " + rs.getLong(2) + " in its place"
                      : "")));
    }
    if (!Hashes.same(rs.getBytes(3), node.hash())) {
      throw new LedgerVerifier.Found(
          new Divergence(
              n.end() - 1,
              "ledger_subtrees",
              n.index(),
              "the stored hash of subtree ["
                  + n.start()
                  + ", "
                  + n.end()
                  + ") (level "
                  + n.level()
                  + ") differs from the one recomputed from its leaves: a tile was changed"));
    }
    hasRow = rs.next();
  }

  void finish() throws SQLException {
    if (hasRow) {
      throw new LedgerVerifier.Found(
          new Divergence(
              (rs.getLong(2) + 1) << rs.getInt(1),
              "ledger_subtrees",
              rs.getLong(2),
              "a stored subtree hash (level "
                  + rs.getInt(1)
                  + ", node "
                  + rs.getLong(2)
                  + ") lies beyond the leaves"));
    }
    rs.close();
    ps.close();
  }
}
