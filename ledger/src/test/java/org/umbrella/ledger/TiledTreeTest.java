package org.umbrella.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Proofs from stored subtree hashes ({@link TiledTree}) equal the full rebuild's ({@link
 * InMemoryLedger}, what the store served before) on random trees, and reproduce the
 * transparency-dev happy-path vectors of the RFC 6962 reference tree exactly.
 */
class TiledTreeTest {
  /** A store of the nodes a log keeps: leaf hashes and the completed nodes at stored levels. */
  static final class NodeStore implements TiledTree.NodeReader {
    final Map<SubtreeNode, byte[]> nodes = new HashMap<>();
    final CompactRange range = CompactRange.empty();
    int reads;

    void append(byte[] leafHash) {
      for (TiledTree.Completed c : TiledTree.completedBy(range, leafHash)) {
        nodes.put(c.node(), c.hash());
      }
      nodes.put(new SubtreeNode(0, range.size()), leafHash);
      range.append(leafHash);
    }

    @Override
    public Map<SubtreeNode, byte[]> read(java.util.Collection<SubtreeNode> wanted) {
      reads++;
      Map<SubtreeNode, byte[]> out = new HashMap<>();
      for (SubtreeNode n : wanted) {
        assertThat(TiledTree.isStored(n.level())).as("only stored levels are read: %s", n).isTrue();
        out.put(n, nodes.get(n));
      }
      return out;
    }
  }

  static void build(int n, long seed, InMemoryLedger full, NodeStore tiles) {
    Random r = new Random(seed);
    for (int i = 0; i < n; i++) {
      byte[] leaf = new byte[1 + r.nextInt(40)];
      r.nextBytes(leaf);
      full.append(leaf);
      tiles.append(Hashes.leafHash(leaf));
    }
  }

  @Property(tries = 40)
  void proofs_equalTheFullRebuild_onRandomTrees(
      @ForAll @IntRange(min = 1, max = 70_000) int n,
      @ForAll long seed,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long pick) {
    InMemoryLedger full = new InMemoryLedger();
    NodeStore tiles = new NodeStore();
    build(n, seed, full, tiles);
    Random r = new Random(pick);
    for (int k = 0; k < 20; k++) {
      long size = 1L + r.nextInt(n);
      long index = r.nextInt((int) size);
      long size1 = 1L + r.nextInt((int) size);
      assertThat(TiledTree.inclusionProof(index, size, tiles))
          .as("inclusion %d in %d", index, size)
          .containsExactlyElementsOf(full.inclusionProof(index, size));
      assertThat(TiledTree.consistencyProof(size1, size, tiles))
          .as("consistency %d -> %d", size1, size)
          .containsExactlyElementsOf(full.consistencyProof(size1, size));
      assertThat(TiledTree.root(size, tiles)).isEqualTo(full.rootAt(size));
    }
  }

  @Test
  void storedNodes_areAbout1In255_andEveryProofIsOneRead() {
    NodeStore tiles = new NodeStore();
    build(1 << 17, 7, new InMemoryLedger(), tiles);
    long inner = tiles.nodes.keySet().stream().filter(n -> n.level() > 0).count();
    assertThat(inner).isEqualTo((1 << 17) / 256 + (1 << 17) / 65536);
    tiles.reads = 0;
    TiledTree.inclusionProof(99_999, (1 << 17) - 3, tiles);
    TiledTree.consistencyProof(70_001, (1 << 17) - 3, tiles);
    assertThat(tiles.reads).isEqualTo(2);
  }

  /** The RFC 6962 reference tree of the transparency-dev vectors (leaves as in its test data). */
  static final List<String> REFERENCE_LEAVES =
      List.of(
          "",
          "00",
          "10",
          "2021",
          "3031",
          "40414243",
          "5051525354555657",
          "606162636465666768696a6b6c6d6e6f");

  @Test
  void happyPathVectors_areReproducedExactly() throws Exception {
    NodeStore tiles = new NodeStore();
    for (String hex : REFERENCE_LEAVES) {
      tiles.append(Hashes.leafHash(HexFormat.of().parseHex(hex)));
    }
    ObjectMapper json = new ObjectMapper();
    int checked = 0;
    for (String dir : List.of("inclusion", "consistency")) {
      try (var files = Files.walk(TransparencyDevVectorsTest.vectors().resolve(dir))) {
        for (var f :
            files
                .filter(p -> p.getFileName().toString().equals("happy-path.json"))
                .sorted()
                .toList()) {
          JsonNode v = json.readTree(Files.readString(f));
          List<byte[]> want = new ArrayList<>();
          v.path("proof").forEach(h -> want.add(Base64.getDecoder().decode(h.asText())));
          List<byte[]> got;
          if (dir.equals("inclusion")) {
            long index = v.get("leafIdx").asLong();
            long size = v.get("treeSize").asLong();
            assertThat(tiles.nodes.get(new SubtreeNode(0, index)))
                .isEqualTo(Base64.getDecoder().decode(v.get("leafHash").asText()));
            assertThat(TiledTree.root(size, tiles))
                .isEqualTo(Base64.getDecoder().decode(v.get("root").asText()));
            got = TiledTree.inclusionProof(index, size, tiles);
          } else {
            long size1 = v.get("size1").asLong();
            long size2 = v.get("size2").asLong();
            assertThat(TiledTree.root(size2, tiles))
                .isEqualTo(Base64.getDecoder().decode(v.get("root2").asText()));
            got = TiledTree.consistencyProof(size1, size2, tiles);
          }
          assertThat(got).as(f.toString()).containsExactlyElementsOf(want);
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(10);
  }
}
