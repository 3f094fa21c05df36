package org.umbrella.store;

/**
 * The first place where the stored records and the ledger disagree.
 *
 * @param leafIndex the leaf concerned (or the tree size of the tree head concerned)
 * @param table the table of the row concerned, or {@code ledger_leaves} / {@code tree_heads}
 * @param rowId the row's id (for tree heads: the tree size), or -1 when there is no row
 * @param problem what is wrong, in words
 */
public record Divergence(long leafIndex, String table, long rowId, String problem) {
  @Override
  public String toString() {
    return "leaf "
        + leafIndex
        + ", "
        + table
        + (rowId >= 0 ? " row " + rowId : "")
        + ": "
        + problem;
  }
}
