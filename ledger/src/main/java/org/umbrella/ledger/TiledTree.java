package org.umbrella.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Roots and RFC 9162 proofs from stored subtree hashes, in O(log n) reads and hashes, for a log
 * that keeps the hash of every perfect aligned subtree at the levels {@link #isStored stored}: the
 * leaves (level 0) and every eighth level above them (8, 16, 24, ...). These are the hashes that
 * the C2SP {@code tlog-tiles} tiles of height 8 hold, stored one per hash so that a partial tile
 * needs no rewriting; about n/255 of them for n leaves.
 *
 * <p>A proof is a list of MTH(D[a:b]) values. Each splits into at most 2 log n perfect subtrees; a
 * perfect subtree at level L is read directly when L is stored, or folded from at most 128 stored
 * nodes of the stored level below. All nodes a request needs are asked of the {@link NodeReader} in
 * one call, so a database answers with one query per stored level.
 *
 * <p>The proofs are byte for byte those of RFC 9162's PATH and PROOF (as {@link InMemoryLedger}
 * computes them). Pure and stateless.
 */
public final class TiledTree {
  /** Hashes are stored at every multiple of this many levels (tlog-tiles' tile height). */
  public static final int STRIDE = 8;

  private TiledTree() {}

  /** Reads stored node hashes; every node asked for must be returned. */
  @FunctionalInterface
  public interface NodeReader {
    /**
     * The hashes of {@code nodes} (all at stored levels, all inside the tree).
     *
     * @throws RuntimeException of the caller's choosing if one is missing
     */
    Map<SubtreeNode, byte[]> read(Collection<SubtreeNode> nodes);
  }

  /** Whether hashes of {@code level} are stored. */
  public static boolean isStored(int level) {
    return level % STRIDE == 0;
  }

  /**
   * The inclusion proof of leaf {@code index} in the tree of {@code size} leaves.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size}
   */
  public static List<byte[]> inclusionProof(long index, long size, NodeReader reader) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "need 0 <= index < size, got index " + index + ", size " + size);
    }
    List<long[]> ranges = new ArrayList<>();
    path(index, 0, size, ranges);
    return evaluate(ranges, reader);
  }

  /**
   * The consistency proof between the trees of {@code size1} and {@code size2} leaves.
   *
   * @throws IllegalArgumentException unless {@code 0 < size1 <= size2}
   */
  public static List<byte[]> consistencyProof(long size1, long size2, NodeReader reader) {
    if (size1 <= 0 || size1 > size2) {
      throw new IllegalArgumentException("need 0 < size1 <= size2, got " + size1 + ", " + size2);
    }
    List<long[]> ranges = new ArrayList<>();
    if (size1 < size2) {
      subproof(size1, 0, size2, true, ranges);
    }
    return evaluate(ranges, reader);
  }

  /** The root hash of the tree of {@code size} leaves. */
  public static byte[] root(long size, NodeReader reader) {
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative, was " + size);
    }
    if (size == 0) {
      return Hashes.emptyRoot();
    }
    return evaluate(List.<long[]>of(new long[] {0, size}), reader).getFirst();
  }

  /**
   * The stored nodes a leaf completes: appending leaf {@code index} with hash {@code leafHash}
   * (after the frontier {@code before}) completes one perfect subtree per trailing one bit of
   * {@code index}; those at stored levels above 0 are returned, lowest first.
   */
  public static List<Completed> completedBy(CompactRange before, byte[] leafHash) {
    if ((before.size() & ((1L << STRIDE) - 1)) != (1L << STRIDE) - 1) {
      return List.of(); // the leaf completes no subtree of 2^STRIDE leaves or more
    }
    List<Completed> out = new ArrayList<>();
    List<byte[]> frontier = before.hashes();
    long index = before.size();
    byte[] h = leafHash;
    int level = 0;
    for (long s = index; (s & 1) == 1; s >>>= 1) {
      h = Hashes.nodeHash(frontier.get(frontier.size() - 1 - level), h);
      level++;
      if (isStored(level)) {
        out.add(new Completed(new SubtreeNode(level, index >>> level), h));
      }
    }
    return out;
  }

  /** A stored node and its hash. */
  public record Completed(SubtreeNode node, byte[] hash) {}

  /** PATH(m, D[start:end]) of RFC 9162, as ranges, bottom-up. */
  private static void path(long m, long start, long end, List<long[]> out) {
    long n = end - start;
    if (n == 1) {
      return;
    }
    long k = Long.highestOneBit(n - 1);
    if (m < k) {
      path(m, start, start + k, out);
      out.add(new long[] {start + k, end});
    } else {
      path(m - k, start + k, end, out);
      out.add(new long[] {start, start + k});
    }
  }

  /** SUBPROOF(m, D[start:end], b) of RFC 9162, as ranges, bottom-up. */
  private static void subproof(long m, long start, long end, boolean whole, List<long[]> out) {
    long n = end - start;
    if (m == n) {
      if (!whole) {
        out.add(new long[] {start, end});
      }
      return;
    }
    long k = Long.highestOneBit(n - 1);
    if (m <= k) {
      subproof(m, start, start + k, whole, out);
      out.add(new long[] {start + k, end});
    } else {
      subproof(m - k, start + k, end, false, out);
      out.add(new long[] {start, start + k});
    }
  }

  /** MTH of each range, reading every stored node needed in one call. */
  private static List<byte[]> evaluate(List<long[]> ranges, NodeReader reader) {
    Set<SubtreeNode> needed = new LinkedHashSet<>();
    for (long[] r : ranges) {
      for (SubtreeNode p : perfect(r[0], r[1])) {
        needed.addAll(storedUnder(p));
      }
    }
    Map<SubtreeNode, byte[]> stored = reader.read(needed);
    List<byte[]> out = new ArrayList<>(ranges.size());
    for (long[] r : ranges) {
      out.add(mth(r[0], r[1], stored));
    }
    return out;
  }

  /**
   * MTH(D[start:end]) for a range whose start is aligned to the largest power of two below its
   * length.
   */
  private static byte[] mth(long start, long end, Map<SubtreeNode, byte[]> stored) {
    long n = end - start;
    if (Long.bitCount(n) == 1) {
      return perfectHash(
          new SubtreeNode(Long.numberOfTrailingZeros(n), start >>> Long.numberOfTrailingZeros(n)),
          stored);
    }
    long k = Long.highestOneBit(n - 1);
    return Hashes.nodeHash(mth(start, start + k, stored), mth(start + k, end, stored));
  }

  private static byte[] perfectHash(SubtreeNode p, Map<SubtreeNode, byte[]> stored) {
    if (isStored(p.level())) {
      return get(stored, p);
    }
    int base = p.level() - p.level() % STRIDE;
    int width = 1 << (p.level() - base);
    List<byte[]> row = new ArrayList<>(width);
    long first = p.index() << (p.level() - base);
    for (int i = 0; i < width; i++) {
      row.add(get(stored, new SubtreeNode(base, first + i)));
    }
    while (row.size() > 1) {
      List<byte[]> up = new ArrayList<>(row.size() / 2);
      for (int i = 0; i < row.size(); i += 2) {
        up.add(Hashes.nodeHash(row.get(i), row.get(i + 1)));
      }
      row = up;
    }
    return row.getFirst();
  }

  private static byte[] get(Map<SubtreeNode, byte[]> stored, SubtreeNode n) {
    byte[] h = stored.get(n);
    if (h == null || !Hashes.isHash(h)) {
      throw new IllegalStateException("the node reader did not return node " + n);
    }
    return h;
  }

  /** The perfect subtrees MTH(D[start:end]) splits into. */
  private static List<SubtreeNode> perfect(long start, long end) {
    List<SubtreeNode> out = new ArrayList<>();
    long s = start;
    while (s < end) {
      long n = end - s;
      int level = 63 - Long.numberOfLeadingZeros(n);
      if (s != 0) {
        level = Math.min(level, Long.numberOfTrailingZeros(s));
      }
      out.add(new SubtreeNode(level, s >>> level));
      s += 1L << level;
    }
    return out;
  }

  /** The stored nodes a perfect subtree's hash is read or folded from. */
  private static List<SubtreeNode> storedUnder(SubtreeNode p) {
    if (isStored(p.level())) {
      return List.of(p);
    }
    int base = p.level() - p.level() % STRIDE;
    long first = p.index() << (p.level() - base);
    List<SubtreeNode> out = new ArrayList<>();
    for (long i = 0; i < 1L << (p.level() - base); i++) {
      out.add(new SubtreeNode(base, first + i));
    }
    return out;
  }
}
