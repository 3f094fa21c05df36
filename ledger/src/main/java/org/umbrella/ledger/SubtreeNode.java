package org.umbrella.ledger;

/**
 * A perfect, aligned subtree of the Merkle tree: the {@code index}-th node of {@code level}, the
 * hash of leaves {@code [index * 2^level, (index + 1) * 2^level)}. Level 0 nodes are leaf hashes.
 *
 * @param level the height above the leaves (0..63)
 * @param index the node's position within its level
 */
public record SubtreeNode(int level, long index) {
  public SubtreeNode {
    if (level < 0 || level > 62 || index < 0) {
      throw new IllegalArgumentException("no node at level " + level + ", index " + index);
    }
  }

  /** The first leaf it covers. */
  public long start() {
    return index << level;
  }

  /** One past the last leaf it covers. */
  public long end() {
    return (index + 1) << level;
  }
}
