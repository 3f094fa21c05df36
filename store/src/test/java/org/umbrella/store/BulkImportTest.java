package org.umbrella.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.IncidentSource;

/**
 * The pipelined bulk import ({@link BulkImport}) against a model: random batches over a small pool
 * of ids, each id with a few contents, so batches repeat records (skipped), change them (a new
 * version) and repeat ids inside one batch; the store must end with exactly the versions the model
 * expects, in order, and every leaf must recompute from its row.
 */
class BulkImportTest {
  static List<String> targets() {
    return TestDatabases.targets();
  }

  @ParameterizedTest
  @MethodSource("targets")
  void bulkImport_randomBatches_matchesTheVersionModel_andVerifies(String target) {
    try (PostgresEvidenceStore s = TestDatabases.store(target)) {
      for (long seed = 1; seed <= 3; seed++) {
        Random rnd = new Random(seed);
        Map<String, List<Integer>> versions = new HashMap<>(); // id -> contents stored, in order
        long expectAdded = 0;
        long expectUnchanged = 0;
        ImportResult result;
        try (BulkImport bulk = s.bulkImport("bulk-test")) {
          for (int b = 0; b < 6; b++) {
            List<Incident> batch = new ArrayList<>();
            for (int i = rnd.nextInt(400); i >= 0; i--) {
              String id = "s" + seed + "-" + rnd.nextInt(150);
              int content = rnd.nextInt(3);
              batch.add(Incidents.incident(id, content));
              List<Integer> stored = versions.computeIfAbsent(id, k -> new ArrayList<>());
              if (!stored.isEmpty() && stored.getLast() == content) {
                expectUnchanged++;
              } else {
                stored.add(content);
                expectAdded++;
              }
            }
            bulk.add(batch);
          }
          result = bulk.finish();
        }
        assertThat(result.added()).isEqualTo(expectAdded);
        assertThat(result.unchanged()).isEqualTo(expectUnchanged);
        assertThat(result.treeSize()).isEqualTo(s.count("ledger_leaves"));
        for (Map.Entry<String, List<Integer>> e : versions.entrySet()) {
          assertThat(s.incident(e.getKey()))
              .as(e.getKey())
              .contains(Incidents.incident(e.getKey(), e.getValue().getLast()));
        }
      }
      assertThat(s.verifyLedger(0).ok()).as(s.verifyLedger(0).toString()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("targets")
  void bulkImport_sameBatchesTwice_addsNothingAndKeepsTheSignedHead(String target) {
    List<List<Incident>> batches = new ArrayList<>();
    for (int b = 0; b < 4; b++) {
      List<Incident> batch = new ArrayList<>();
      for (int i = 0; i < 250; i++) {
        batch.add(Incidents.incident("twice-" + (b * 250 + i), i));
      }
      batches.add(batch);
    }
    try (PostgresEvidenceStore s = TestDatabases.store(target)) {
      ImportResult first = importAll(s, batches);
      String head = s.latestCheckpoint().orElseThrow();
      ImportResult second = importAll(s, batches);
      assertThat(first.added()).isEqualTo(1000);
      assertThat(second.added()).isZero();
      assertThat(second.unchanged()).isEqualTo(1000);
      assertThat(s.latestCheckpoint()).contains(head);
      assertThat(s.verifyLedger(0).ok()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("targets")
  void bulkImport_aBatchTheDatabaseRefuses_rollsBackAlone_andStopsTheImport(String target) {
    try (PostgresEvidenceStore s = TestDatabases.store(target)) {
      List<Incident> good = List.of(Incidents.incident("ok-1", 1), Incidents.incident("ok-2", 2));
      // PostgreSQL text cannot hold NUL: the COPY of this batch fails inside its transaction
      List<Incident> bad =
          List.of(
              Incidents.incident("bad-1", 3),
              Incidents.incident("bad\u0000id", 4, List.of(new IncidentSource("x", "media", "g"))));
      BulkImport bulk = s.bulkImport("bulk-test");
      bulk.add(good);
      bulk.add(bad);
      assertThatThrownBy(
              () -> {
                bulk.add(List.of(Incidents.incident("after", 5)));
                bulk.finish();
              })
          .isInstanceOf(StoreException.class);
      assertThatThrownBy(bulk::finish).as("the failure sticks").isInstanceOf(StoreException.class);
      bulk.close();
      assertThat(s.count("incident_versions")).as("the good batch only").isEqualTo(2);
      assertThat(s.incident("bad-1")).isEmpty();
      assertThat(s.incident("after")).isEmpty();
      assertThat(s.verifyLedger(0).ok()).isTrue();
    }
  }

  private static ImportResult importAll(PostgresEvidenceStore s, List<List<Incident>> batches) {
    try (BulkImport bulk = s.bulkImport("bulk-test")) {
      batches.forEach(bulk::add);
      return bulk.finish();
    }
  }
}
