package org.umbrella.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * The right frontier of a Merkle tree of {@code size} leaves: one hash per perfect subtree in the
 * binary decomposition of the size, largest (leftmost) first. Enough to append and to compute the
 * root without the leaves.
 *
 * <p>Appending costs O(1) amortised node hashes (at most log2(size)); the root costs O(log size).
 * This is what lets a store extend the tree by millions of leaves without recomputing it. Not
 * thread-safe; a value can be copied with {@link #copy()}.
 */
public final class CompactRange {
  private long size;
  private final ArrayList<byte[]> hashes;

  private CompactRange(long size, List<byte[]> hashes) {
    this.size = size;
    this.hashes = new ArrayList<>(hashes);
  }

  /** The frontier of the empty tree. */
  public static CompactRange empty() {
    return new CompactRange(0, List.of());
  }

  /**
   * Restores a frontier from its size and hashes, as returned by {@link #hashes()}.
   *
   * @throws MalformedInputException if the number of hashes is not the number of one bits of the
   *     size, or a hash is not 32 bytes
   */
  public static CompactRange of(long size, List<byte[]> hashes) {
    if (size < 0) {
      throw new MalformedInputException("tree size must not be negative, was " + size);
    }
    if (hashes.size() != Long.bitCount(size)) {
      throw new MalformedInputException(
          "a tree of size "
              + size
              + " has "
              + Long.bitCount(size)
              + " frontier hashes, got "
              + hashes.size());
    }
    for (byte[] h : hashes) {
      if (!Hashes.isHash(h)) {
        throw new MalformedInputException("frontier hash must be 32 bytes");
      }
    }
    return new CompactRange(size, hashes.stream().map(Hashes::copy).toList());
  }

  /** Number of leaves covered. */
  public long size() {
    return size;
  }

  /** The frontier hashes, largest subtree first (copies). */
  public List<byte[]> hashes() {
    return hashes.stream().map(Hashes::copy).toList();
  }

  /** Appends one leaf, given as its leaf hash (see {@link Hashes#leafHash}). */
  public void append(byte[] leafHash) {
    if (!Hashes.isHash(leafHash)) {
      throw new IllegalArgumentException("leaf hash must be 32 bytes");
    }
    byte[] h = leafHash;
    for (long s = size; (s & 1) == 1; s >>>= 1) {
      h = Hashes.nodeHash(hashes.removeLast(), h);
    }
    hashes.add(h);
    size++;
  }

  /** The RFC 6962 root hash of the tree this frontier describes. */
  public byte[] root() {
    if (hashes.isEmpty()) {
      return Hashes.emptyRoot();
    }
    byte[] r = hashes.getLast();
    for (int i = hashes.size() - 2; i >= 0; i--) {
      r = Hashes.nodeHash(hashes.get(i), r);
    }
    return r;
  }

  /** An independent copy. */
  public CompactRange copy() {
    return new CompactRange(size, hashes);
  }
}
