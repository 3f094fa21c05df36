package org.umbrella.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Proofs made by {@link InMemoryLedger} verify with {@link Proofs}; any altered bit fails. */
class MerkleProofPropertiesTest {

  static InMemoryLedger ledgerOf(int n) {
    InMemoryLedger l = new InMemoryLedger();
    for (int i = 0; i < n; i++) {
      l.append(("leaf " + i).getBytes(StandardCharsets.UTF_8));
    }
    return l;
  }

  /** MTH(D[n]) straight from RFC 9162 section 2.1.1, recursive and slow: the reference. */
  static byte[] referenceRoot(List<byte[]> leaves) {
    if (leaves.isEmpty()) {
      return Hashes.emptyRoot();
    }
    if (leaves.size() == 1) {
      return Hashes.leafHash(leaves.get(0));
    }
    int k = Integer.highestOneBit(leaves.size() - 1);
    return Hashes.nodeHash(
        referenceRoot(leaves.subList(0, k)), referenceRoot(leaves.subList(k, leaves.size())));
  }

  @Property(tries = 60)
  void roots_matchTheRfcDefinitionForEveryPastSize(@ForAll @IntRange(min = 0, max = 200) int n) {
    List<byte[]> leaves = new ArrayList<>();
    InMemoryLedger ledger = new InMemoryLedger();
    CompactRange range = CompactRange.empty();
    for (int i = 0; i < n; i++) {
      byte[] d = ("leaf " + i).getBytes(StandardCharsets.UTF_8);
      leaves.add(d);
      ledger.append(d);
      range.append(Hashes.leafHash(d));
    }
    assertThat(range.root()).isEqualTo(referenceRoot(leaves));
    for (int m = 0; m <= n; m++) {
      assertThat(ledger.rootAt(m))
          .as("root at %d", m)
          .isEqualTo(referenceRoot(leaves.subList(0, m)));
    }
  }

  @Property(tries = 200)
  void inclusionProof_verifiesForEveryLeafAndSize(
      @ForAll @IntRange(min = 1, max = 300) int size,
      @ForAll @IntRange(min = 0, max = 299) int index) {
    Assume.that(index < size);
    InMemoryLedger l = ledgerOf(size + 5);
    List<byte[]> proof = l.inclusionProof(index, size);
    Proofs.verifyInclusion(index, size, l.leafHash(index), proof, l.rootAt(size));
  }

  @Property(tries = 200)
  void inclusionProof_anyFlippedBitFails(
      @ForAll @IntRange(min = 2, max = 300) int size,
      @ForAll @IntRange(min = 0, max = 299) int index,
      @ForAll @IntRange(min = 0, max = 10_000) int where) {
    Assume.that(index < size);
    InMemoryLedger l = ledgerOf(size);
    List<byte[]> proof = new ArrayList<>(l.inclusionProof(index, size));
    byte[] leaf = l.leafHash(index);
    byte[] root = l.rootAt(size);
    // flip one bit in the proof, the leaf hash or the root
    int hashes = proof.size() + 2;
    int h = where % hashes;
    int bit = (where / hashes) % 256;
    byte[] target =
        h < proof.size() ? proof.get(h).clone() : h == proof.size() ? leaf.clone() : root.clone();
    target[bit / 8] ^= (byte) (1 << (bit % 8));
    if (h < proof.size()) {
      proof.set(h, target);
    } else if (h == proof.size()) {
      leaf = target;
    } else {
      root = target;
    }
    byte[] fLeaf = leaf;
    byte[] fRoot = root;
    assertThatThrownBy(() -> Proofs.verifyInclusion(index, size, fLeaf, proof, fRoot))
        .isInstanceOf(InvalidProofException.class);
  }

  @Property(tries = 200)
  void consistencyProof_verifiesBetweenAnyTwoSizes(
      @ForAll @IntRange(min = 1, max = 300) int size1,
      @ForAll @IntRange(min = 1, max = 300) int size2) {
    Assume.that(size1 <= size2);
    InMemoryLedger l = ledgerOf(size2);
    Proofs.verifyConsistency(
        size1, size2, l.consistencyProof(size1, size2), l.rootAt(size1), l.rootAt(size2));
  }

  @Property(tries = 200)
  void consistencyProof_anyFlippedBitFails(
      @ForAll @IntRange(min = 1, max = 300) int size1,
      @ForAll @IntRange(min = 2, max = 300) int size2,
      @ForAll @IntRange(min = 0, max = 10_000) int where) {
    Assume.that(size1 < size2);
    InMemoryLedger l = ledgerOf(size2);
    List<byte[]> proof = new ArrayList<>(l.consistencyProof(size1, size2));
    byte[][] roots = {l.rootAt(size1), l.rootAt(size2)};
    int hashes = proof.size() + 2;
    int h = where % hashes;
    int bit = (where / hashes) % 256;
    if (h < proof.size()) {
      byte[] t = proof.get(h).clone();
      t[bit / 8] ^= (byte) (1 << (bit % 8));
      proof.set(h, t);
    } else {
      roots[h - proof.size()] = roots[h - proof.size()].clone();
      roots[h - proof.size()][bit / 8] ^= (byte) (1 << (bit % 8));
    }
    assertThatThrownBy(() -> Proofs.verifyConsistency(size1, size2, proof, roots[0], roots[1]))
        .isInstanceOf(InvalidProofException.class);
  }

  @Property(tries = 100)
  void inclusionProof_forAnotherLeafFails(
      @ForAll @IntRange(min = 2, max = 200) int size,
      @ForAll @IntRange(min = 0, max = 199) int index,
      @ForAll @IntRange(min = 0, max = 199) int other) {
    Assume.that(index < size && other < size && index != other);
    InMemoryLedger l = ledgerOf(size);
    assertThatThrownBy(
            () ->
                Proofs.verifyInclusion(
                    other, size, l.leafHash(index), l.inclusionProof(index, size), l.rootAt(size)))
        .isInstanceOf(InvalidProofException.class);
  }

  @Test
  void compactRange_restoredFromItsHashesContinuesTheSameTree() {
    InMemoryLedger l = ledgerOf(1000);
    CompactRange r = CompactRange.empty();
    for (int i = 0; i < 700; i++) {
      r.append(l.leafHash(i));
    }
    CompactRange restored = CompactRange.of(r.size(), r.hashes());
    for (int i = 700; i < 1000; i++) {
      restored.append(l.leafHash(i));
    }
    assertThat(restored.root()).isEqualTo(l.root());
  }

  @Test
  void compactRange_withTheWrongNumberOfHashesIsRejected() {
    assertThatThrownBy(() -> CompactRange.of(6, List.of(Hashes.emptyRoot())))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("size 6 has 2 frontier hashes");
  }
}
