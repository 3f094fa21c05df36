package org.umbrella.ledger;

import java.util.List;

/**
 * An append-only Merkle log: leaves are appended, never changed or removed, and any past state of
 * the tree can be proved to be a prefix of the current one.
 *
 * <p>Leaves are identified by their index (0-based, in append order) and stored as their RFC 6962
 * leaf hashes. Implementations say how they keep them; {@link InMemoryLedger} keeps every level of
 * the tree in memory.
 */
public interface Ledger {
  /** Appends the leaf with these bytes and returns its index. */
  default long append(byte[] leafData) {
    return appendHash(Hashes.leafHash(leafData));
  }

  /** Appends a leaf given by its leaf hash and returns its index. */
  long appendHash(byte[] leafHash);

  /** The number of leaves. */
  long size();

  /** The root hash of the current tree. */
  default byte[] root() {
    return rootAt(size());
  }

  /**
   * The root hash of the tree as it was when it had {@code size} leaves.
   *
   * @throws IllegalArgumentException if {@code size} is negative or larger than {@link #size()}
   */
  byte[] rootAt(long size);

  /**
   * The leaf hash at {@code index}.
   *
   * @throws IllegalArgumentException if there is no such leaf
   */
  byte[] leafHash(long index);

  /**
   * The inclusion proof (RFC 9162 2.1.3.1) of leaf {@code index} in the tree of {@code size}
   * leaves, hashes ordered from the leaf upwards.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size <= size()}
   */
  List<byte[]> inclusionProof(long index, long size);

  /**
   * The consistency proof (RFC 9162 2.1.4.1) between the trees of {@code size1} and {@code size2}
   * leaves.
   *
   * @throws IllegalArgumentException unless {@code 0 < size1 <= size2 <= size()}
   */
  List<byte[]> consistencyProof(long size1, long size2);
}
