package org.umbrella.store.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.umbrella.ledger.SubtreeNode;
import org.umbrella.ledger.TiledTree;

/**
 * Reads the stored node hashes {@link TiledTree} asks for: level 0 from {@code ledger_leaves}, the
 * others from {@code ledger_subtrees}, one query each per request. A node that is not stored is a
 * database inconsistency ({@code ledger verify} names it) and fails the request.
 */
public final class StoredNodes implements TiledTree.NodeReader {
  private final Connection c;

  public StoredNodes(Connection c) {
    this.c = c;
  }

  @Override
  public Map<SubtreeNode, byte[]> read(Collection<SubtreeNode> nodes) {
    List<Long> leaves = new ArrayList<>();
    List<Integer> levels = new ArrayList<>();
    List<Long> indices = new ArrayList<>();
    for (SubtreeNode n : nodes) {
      if (n.level() == 0) {
        leaves.add(n.index());
      } else {
        levels.add(n.level());
        indices.add(n.index());
      }
    }
    Map<SubtreeNode, byte[]> out = new HashMap<>();
    try {
      if (!leaves.isEmpty()) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "select leaf_index, leaf_hash from ledger_leaves where leaf_index = any (?)")) {
          Array a = c.createArrayOf("bigint", leaves.toArray());
          ps.setArray(1, a);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(new SubtreeNode(0, rs.getLong(1)), rs.getBytes(2));
            }
          }
        }
      }
      if (!levels.isEmpty()) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "select s.level, s.node_index, s.hash from ledger_subtrees s"
                    + " join unnest(?::int[], ?::bigint[]) as w(level, node_index)"
                    + " on s.level = w.level and s.node_index = w.node_index")) {
          ps.setArray(1, c.createArrayOf("int", levels.toArray()));
          ps.setArray(2, c.createArrayOf("bigint", indices.toArray()));
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(new SubtreeNode(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot read the stored subtree hashes: " + e.getMessage(), e);
    }
    for (SubtreeNode n : nodes) {
      if (!out.containsKey(n)) {
        throw new IllegalStateException(
            "the ledger lacks the stored hash of "
                + n
                + " (run 'umbrella ledger verify' to find the damage)");
      }
    }
    return out;
  }
}
