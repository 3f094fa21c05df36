package org.umbrella.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Ledger} that keeps every level of the tree in memory: level k holds the hash of each
 * complete, aligned subtree of 2^k leaves.
 *
 * <p>Appending costs O(1) amortised hashes; roots and proofs for any past size cost O(log^2 n)
 * hashes, never a pass over the leaves. Memory is about two hashes per leaf. Not thread-safe.
 */
public final class InMemoryLedger implements Ledger {
  private final List<List<byte[]>> levels = new ArrayList<>();
  private long size;

  @Override
  public long appendHash(byte[] leafHash) {
    if (!Hashes.isHash(leafHash)) {
      throw new IllegalArgumentException("leaf hash must be 32 bytes");
    }
    long index = size;
    byte[] h = Hashes.copy(leafHash);
    int level = 0;
    long i = index;
    while (true) {
      if (levels.size() == level) {
        levels.add(new ArrayList<>());
      }
      levels.get(level).add(h);
      if ((i & 1) == 0) {
        break;
      }
      List<byte[]> row = levels.get(level);
      h = Hashes.nodeHash(row.get(row.size() - 2), h);
      i >>>= 1;
      level++;
    }
    size++;
    return index;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public byte[] rootAt(long treeSize) {
    if (treeSize < 0 || treeSize > size) {
      throw new IllegalArgumentException("tree size " + treeSize + " outside [0, " + size + "]");
    }
    return treeSize == 0 ? Hashes.emptyRoot() : hash(0, treeSize);
  }

  @Override
  public byte[] leafHash(long index) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("no leaf " + index + " in a tree of " + size);
    }
    return Hashes.copy(levels.get(0).get((int) index));
  }

  @Override
  public List<byte[]> inclusionProof(long index, long treeSize) {
    if (index < 0 || index >= treeSize || treeSize > size) {
      throw new IllegalArgumentException(
          "need 0 <= index < size <= " + size + ", got index " + index + ", size " + treeSize);
    }
    List<byte[]> proof = new ArrayList<>();
    path(index, 0, treeSize, proof);
    return proof;
  }

  @Override
  public List<byte[]> consistencyProof(long size1, long size2) {
    if (size1 <= 0 || size1 > size2 || size2 > size) {
      throw new IllegalArgumentException(
          "need 0 < size1 <= size2 <= " + size + ", got " + size1 + ", " + size2);
    }
    List<byte[]> proof = new ArrayList<>();
    if (size1 < size2) {
      subproof(size1, 0, size2, true, proof);
    }
    return proof;
  }

  /** PATH(m, D[start:end]) of RFC 9162, appended bottom-up. */
  private void path(long m, long start, long end, List<byte[]> out) {
    long n = end - start;
    if (n == 1) {
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m < k) {
      path(m, start, start + k, out);
      out.add(hash(start + k, end));
    } else {
      path(m - k, start + k, end, out);
      out.add(hash(start, start + k));
    }
  }

  /** SUBPROOF(m, D[start:end], b) of RFC 9162, appended bottom-up. */
  private void subproof(long m, long start, long end, boolean whole, List<byte[]> out) {
    long n = end - start;
    if (m == n) {
      if (!whole) {
        out.add(hash(start, end));
      }
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      subproof(m, start, start + k, whole, out);
      out.add(hash(start + k, end));
    } else {
      subproof(m - k, start + k, end, false, out);
      out.add(hash(start, start + k));
    }
  }

  /** MTH(D[start:end]) for a range whose start is aligned to the largest power of two in it. */
  private byte[] hash(long start, long end) {
    long n = end - start;
    if (Long.bitCount(n) == 1) {
      int level = Long.numberOfTrailingZeros(n);
      return levels.get(level).get((int) (start >>> level));
    }
    long k = largestPowerOfTwoBelow(n);
    return Hashes.nodeHash(hash(start, start + k), hash(start + k, end));
  }

  private static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }
}
