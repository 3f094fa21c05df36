package org.umbrella.ledger;

import java.util.List;

/**
 * Verifiers for Merkle inclusion and consistency proofs (RFC 9162 sections 2.1.3.2 and 2.1.4.2),
 * and for the subtree inclusion and consistency proofs of the Merkle Tree Certificates draft
 * (draft-ietf-plants-merkle-tree-certs), which generalise them to a subtree {@code [start, end)}.
 *
 * <p>Proof hashes are ordered from the leaf level upwards, as RFC 9162 prints them. Every method
 * either returns normally or throws {@link InvalidProofException} naming the first check that
 * failed; none of them trusts the proof's length, the sizes or the indices. Sizes and indices are
 * unsigned in the specifications; values of 2^63 and above are rejected as out of range.
 *
 * <p>Stateless and thread-safe.
 */
public final class Proofs {
  private Proofs() {}

  /**
   * Checks that {@code leafHash} is the leaf at {@code index} of the tree of {@code size} leaves
   * whose root is {@code root}.
   *
   * @throws InvalidProofException if the proof does not verify or the arguments are inconsistent
   */
  public static void verifyInclusion(
      long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
    match(rootFromInclusion(index, size, leafHash, proof), root, "inclusion proof");
  }

  /**
   * The root hash that an inclusion proof implies for a tree of {@code size} leaves.
   *
   * @throws InvalidProofException if {@code index >= size}, the leaf hash is not 32 bytes or the
   *     proof has the wrong length
   */
  public static byte[] rootFromInclusion(
      long index, long size, byte[] leafHash, List<byte[]> proof) {
    inRange("index", index);
    inRange("size", size);
    if (index >= size) {
      throw new InvalidProofException("leaf index " + index + " is beyond tree size " + size);
    }
    if (!Hashes.isHash(leafHash)) {
      throw new InvalidProofException("leaf hash must be 32 bytes, was " + len(leafHash));
    }
    hashesOk(proof);
    int inner = innerProofSize(index, size);
    int border = Long.bitCount(index >>> inner);
    if (proof.size() != inner + border) {
      throw new InvalidProofException(
          "inclusion proof for leaf "
              + index
              + " of "
              + size
              + " must have "
              + (inner + border)
              + " hashes, has "
              + proof.size());
    }
    byte[] r = chainInner(leafHash, proof.subList(0, inner), index);
    return chainBorderRight(r, proof.subList(inner, proof.size()));
  }

  /**
   * Checks that the tree of {@code size2} leaves with root {@code root2} extends the tree of {@code
   * size1} leaves with root {@code root1}.
   *
   * <p>A consistency proof from the empty tree is meaningless and rejected; equal sizes require an
   * empty proof and equal roots.
   *
   * @throws InvalidProofException if the proof does not verify
   */
  public static void verifyConsistency(
      long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
    match(rootFromConsistency(size1, size2, proof, root1), root2, "consistency proof");
  }

  /**
   * The root of the larger tree implied by a consistency proof, after checking the proof's part
   * that must reproduce {@code root1}.
   *
   * @throws InvalidProofException if the proof is malformed or does not reproduce {@code root1}
   */
  public static byte[] rootFromConsistency(
      long size1, long size2, List<byte[]> proof, byte[] root1) {
    inRange("size1", size1);
    inRange("size2", size2);
    if (size2 < size1) {
      throw new InvalidProofException(
          "size2 (" + size2 + ") is smaller than size1 (" + size1 + ")");
    }
    if (size1 == 0) {
      throw new InvalidProofException("a consistency proof from the empty tree is meaningless");
    }
    if (size1 == size2) {
      if (!proof.isEmpty()) {
        throw new InvalidProofException("sizes are equal but the proof is not empty");
      }
      return root1;
    }
    if (proof.isEmpty()) {
      throw new InvalidProofException("empty consistency proof between different sizes");
    }
    hashesOk(proof);
    return rootFromSubtreeConsistencyUnchecked(0, size1, size2, proof, root1);
  }

  /**
   * Checks that {@code leafHash} is the leaf at {@code index} within the subtree {@code [start,
   * end)} whose hash is {@code subtreeRoot}.
   *
   * @throws InvalidProofException if the subtree is not valid, the index lies outside it, or the
   *     proof does not verify
   */
  public static void verifySubtreeInclusion(
      long index, long start, long end, byte[] leafHash, List<byte[]> proof, byte[] subtreeRoot) {
    inRange("index", index);
    checkSubtree(start, end);
    if (index < start || index >= end) {
      throw new InvalidProofException(
          "index " + index + " lies outside the subtree [" + start + ", " + end + ")");
    }
    match(
        rootFromInclusion(index - start, end - start, leafHash, proof),
        subtreeRoot,
        "subtree inclusion proof");
  }

  /**
   * Checks that the subtree {@code [start, end)} with hash {@code subtreeRoot} is part of the tree
   * of {@code size} leaves with root {@code treeRoot}.
   *
   * @throws InvalidProofException if the subtree is not valid or the proof does not verify
   */
  public static void verifySubtreeConsistency(
      long start, long end, long size, List<byte[]> proof, byte[] subtreeRoot, byte[] treeRoot) {
    inRange("size", size);
    checkSubtree(start, end);
    if (start == end) {
      if (end > size) {
        throw new InvalidProofException("size (" + size + ") is smaller than end (" + end + ")");
      }
      if (!proof.isEmpty()) {
        throw new InvalidProofException("the subtree is empty but the proof is not");
      }
      if (!Hashes.same(subtreeRoot, Hashes.emptyRoot())) {
        throw new InvalidProofException("the subtree is empty but its root is not the empty root");
      }
      return;
    }
    match(
        rootFromSubtreeConsistency(start, end, size, proof, subtreeRoot),
        treeRoot,
        "subtree consistency proof");
  }

  /**
   * The root of the tree of {@code size} leaves implied by a subtree consistency proof.
   *
   * @throws InvalidProofException if the subtree is not valid or the proof is malformed or does not
   *     reproduce {@code subtreeRoot}
   */
  public static byte[] rootFromSubtreeConsistency(
      long start, long end, long size, List<byte[]> proof, byte[] subtreeRoot) {
    inRange("size", size);
    checkSubtree(start, end);
    if (size < end) {
      throw new InvalidProofException("size (" + size + ") is smaller than end (" + end + ")");
    }
    if (start == end && size == 0) {
      if (!proof.isEmpty()) {
        throw new InvalidProofException("the subtree is empty but the proof is not");
      }
      if (!Hashes.same(subtreeRoot, Hashes.emptyRoot())) {
        throw new InvalidProofException("the subtree is empty but its root is not the empty root");
      }
      return Hashes.emptyRoot();
    }
    if (start == end) {
      throw new InvalidProofException("cannot reconstruct a non-empty tree from an empty subtree");
    }
    if (start == 0 && size == end) {
      if (!proof.isEmpty()) {
        throw new InvalidProofException("the subtree is the whole tree but the proof is not empty");
      }
      return subtreeRoot;
    }
    if (proof.isEmpty()) {
      throw new InvalidProofException("empty subtree consistency proof");
    }
    hashesOk(proof);
    return rootFromSubtreeConsistencyUnchecked(start, end, size, proof, subtreeRoot);
  }

  private static byte[] rootFromSubtreeConsistencyUnchecked(
      long start, long end, long size, List<byte[]> proof, byte[] subRoot) {
    if (end == size) {
      // The subtree ends at the tree's right border: one left sibling per level where the
      // subtree's ancestor is a right child takes its root to the tree root.
      int level = bitLen((end - 1) ^ start);
      long index = start >>> level;
      int want = Long.bitCount(index);
      if (proof.size() != want) {
        throw new InvalidProofException(
            "consistency proof must have " + want + " hashes, has " + proof.size());
      }
      return chainBorderRight(subRoot, proof);
    }
    int forkLevel = innerProofSize(end - 1, size);
    int border = Long.bitCount((end - 1) >>> forkLevel);
    int shift = Long.numberOfTrailingZeros(end - start);
    int inner = forkLevel - shift;
    byte[] seed = proof.get(0);
    int pStart = 1;
    // A perfect subtree's own hash is not in the proof: the verifier already knows it.
    if ((end - start) == 1L << shift) {
      seed = subRoot;
      pStart = 0;
    }
    if (proof.size() != pStart + inner + border) {
      throw new InvalidProofException(
          "consistency proof must have "
              + (pStart + inner + border)
              + " hashes, has "
              + proof.size());
    }
    List<byte[]> rest = proof.subList(pStart, proof.size());
    long mask = (end - 1) >>> shift;
    if (pStart == 1) {
      int h = bitLen((end - 1) ^ start);
      int fork = bitLen((end - 1) ^ (size - 1));
      int subInner = Math.min(h, fork) - shift;
      int subBorder = Math.max(0, border - Long.bitCount((end - 1) >>> h));
      byte[] hash1 = chainInnerRight(seed, rest.subList(0, subInner), mask);
      hash1 = chainBorderRight(hash1, rest.subList(inner, inner + subBorder));
      if (!Hashes.same(hash1, subRoot)) {
        throw new InvalidProofException("consistency proof does not reproduce the first root");
      }
    }
    byte[] hash2 = chainInner(seed, rest.subList(0, inner), mask);
    return chainBorderRight(hash2, rest.subList(inner, rest.size()));
  }

  private static void checkSubtree(long start, long end) {
    inRange("start", start);
    inRange("end", end);
    if (start > end) {
      throw new InvalidProofException("subtree start " + start + " is after its end " + end);
    }
    if (start == 0 || start == end) {
      return;
    }
    long n = end - start;
    long ceil = n == 1 ? 1 : Long.highestOneBit(n - 1) << 1;
    if ((start & (ceil - 1)) != 0) {
      throw new InvalidProofException(
          "subtree ["
              + start
              + ", "
              + end
              + ") is not valid: start must be a multiple of "
              + Long.toUnsignedString(ceil));
    }
  }

  private static void inRange(String what, long value) {
    if (value < 0) {
      throw new InvalidProofException(
          what + " " + Long.toUnsignedString(value) + " is out of range (at most 2^63-1)");
    }
  }

  private static void hashesOk(List<byte[]> proof) {
    for (int i = 0; i < proof.size(); i++) {
      if (!Hashes.isHash(proof.get(i))) {
        throw new InvalidProofException(
            "proof hash " + i + " must be 32 bytes, was " + len(proof.get(i)));
      }
    }
  }

  private static void match(byte[] calculated, byte[] expected, String what) {
    if (expected == null || !Hashes.same(calculated, expected)) {
      throw new InvalidProofException(
          what
              + " gives root "
              + Hashes.hex(calculated)
              + ", expected "
              + (expected == null ? "none" : Hashes.hex(expected)));
    }
  }

  private static int innerProofSize(long index, long size) {
    return bitLen(index ^ (size - 1));
  }

  private static int bitLen(long x) {
    return 64 - Long.numberOfLeadingZeros(x);
  }

  private static byte[] chainInner(byte[] seed, List<byte[]> proof, long index) {
    byte[] r = seed;
    for (int i = 0; i < proof.size(); i++) {
      r =
          ((index >>> i) & 1) == 0
              ? Hashes.nodeHash(r, proof.get(i))
              : Hashes.nodeHash(proof.get(i), r);
    }
    return r;
  }

  private static byte[] chainInnerRight(byte[] seed, List<byte[]> proof, long index) {
    byte[] r = seed;
    for (int i = 0; i < proof.size(); i++) {
      if (((index >>> i) & 1) == 1) {
        r = Hashes.nodeHash(proof.get(i), r);
      }
    }
    return r;
  }

  private static byte[] chainBorderRight(byte[] seed, List<byte[]> proof) {
    byte[] r = seed;
    for (byte[] h : proof) {
      r = Hashes.nodeHash(h, r);
    }
    return r;
  }

  private static String len(byte[] b) {
    return b == null ? "missing" : Integer.toString(b.length);
  }
}
