package org.umbrella.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.umbrella.ledger.InMemoryLedger;
import org.umbrella.ledger.TiledTree;
import org.umbrella.store.internal.StoredNodes;

/**
 * Proof latency at a million leaves: an inclusion and a consistency proof from the stored subtree
 * hashes (what the store serves now) beside the rebuild from every leaf hash (what it served
 * before), in the same run on the same database, every run reported, with the load average. Skipped
 * unless {@code -Dumbrella.bench.proofs=N} (the leaf count) is given:
 *
 * <pre>
 * ./mvnw -q -pl store -am verify -Dtest=ProofLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dumbrella.bench.proofs=1000000
 * </pre>
 */
class ProofLatencyBenchmark {
  static final int RUNS = 5;

  @Test
  void proofsFromStoredHashes_besideTheRebuild() throws Exception {
    String n = System.getProperty("umbrella.bench.proofs");
    Assumptions.assumeTrue(
        n != null, "set -Dumbrella.bench.proofs=N to run the proof latency benchmark");
    long leaves = Long.parseLong(n);
    try (Database db = TestDatabases.open("embedded");
        Connection c = db.dataSource().getConnection()) {
      long t0 = System.nanoTime();
      try (Statement st = c.createStatement()) {
        st.execute(
            "insert into ledger_leaves (leaf_index, table_name, row_id, leaf_hash)"
                + " select i, 'bench', i, sha256('\\x00'::bytea || int8send(i)) from generate_series(0, "
                + (leaves - 1)
                + ") i");
      }
      long t1 = System.nanoTime();
      try (Statement st = c.createStatement()) {
        st.execute(LedgerTrustTest.backfillSql()); // the V80 back-fill, as a migration runs it
      }
      long t2 = System.nanoTime();
      long stored;
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("select count(*) from ledger_subtrees")) {
        rs.next();
        stored = rs.getLong(1);
      }
      System.out.printf(
          "%d leaves inserted in %.1f s; V80 back-fill wrote %d subtree hashes in %.1f s%n",
          leaves, (t1 - t0) / 1e9, stored, (t2 - t1) / 1e9);
      c.setAutoCommit(false);
      Random r = new Random(2026);
      double sumRatio = 0;
      for (int run = 1; run <= RUNS; run++) {
        long leaf = (long) (r.nextDouble() * leaves);
        long size1 = 1 + (long) (r.nextDouble() * (leaves - 1));
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        long a = System.nanoTime();
        InMemoryLedger rebuilt = rebuild(c, leaves);
        List<byte[]> oldInclusion = rebuilt.inclusionProof(leaf, leaves);
        List<byte[]> oldConsistency = rebuilt.consistencyProof(size1, leaves);
        long b = System.nanoTime();
        List<byte[]> inclusion = TiledTree.inclusionProof(leaf, leaves, new StoredNodes(c));
        long m = System.nanoTime();
        List<byte[]> consistency = TiledTree.consistencyProof(size1, leaves, new StoredNodes(c));
        long e = System.nanoTime();
        assertThat(inclusion).containsExactlyElementsOf(oldInclusion);
        assertThat(consistency).containsExactlyElementsOf(oldConsistency);
        double rebuildMs = (b - a) / 1e6;
        double storedMs = (e - b) / 1e6;
        sumRatio += rebuildMs / storedMs;
        System.out.printf(
            "run %d (load %s): rebuild %.0f ms for both proofs; stored hashes: inclusion %.2f ms + consistency %.2f ms = %.2f ms; %.0fx%n",
            run, load, rebuildMs, (m - b) / 1e6, (e - m) / 1e6, storedMs, rebuildMs / storedMs);
      }
      System.out.printf("mean ratio over %d runs: %.0fx%n", RUNS, sumRatio / RUNS);
      c.rollback();
    }
  }

  /**
   * What {@code PostgresEvidenceStore.proof} did before: every leaf hash into an in-memory tree.
   */
  static InMemoryLedger rebuild(Connection c, long size) throws Exception {
    InMemoryLedger tree = new InMemoryLedger();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select leaf_index, leaf_hash, table_name, row_id from ledger_leaves where leaf_index < ? order by leaf_index")) {
      ps.setFetchSize(10_000);
      ps.setLong(1, size);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tree.appendHash(rs.getBytes(2));
        }
      }
    }
    return tree;
  }
}
