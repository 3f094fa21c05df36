package org.umbrella.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.umbrella.engine.input.Incident;
import org.umbrella.evidence.importers.ImportFormat;
import org.umbrella.evidence.importers.ImportStream;
import org.umbrella.evidence.importers.PartyNames;
import org.umbrella.evidence.importers.RowOutcome;

/** Importing the UCDP sample twice gives the same counts and the same signed tree root. */
class UcdpImportTest {
  static List<String> targets() {
    return TestDatabases.targets();
  }

  static Path sample() {
    Path p = SharedData.find("events/ucdp-ged-25.1-ukraine-sample.csv");
    Assumptions.assumeTrue(
        p != null, "../shared/data/events/ucdp-ged-25.1-ukraine-sample.csv is absent; skipping");
    return p;
  }

  /** As {@code umbrella import} does it: pipelined batches through {@link BulkImport}. */
  static ImportResult importFile(PostgresEvidenceStore s, Path file) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file);
        BulkImport bulk = s.bulkImport("import")) {
      ImportStream stream = ImportFormat.UCDP.importer(PartyNames.ukraineWar()).open(r);
      List<Incident> batch = new ArrayList<>();
      while (stream.hasNext()) {
        if (stream.next() instanceof RowOutcome.Imported i) {
          batch.add(i.incident());
        }
        if (batch.size() == 700) { // several transactions, as a large file would take
          bulk.add(batch);
          batch.clear();
        }
      }
      bulk.add(batch);
      return bulk.finish();
    }
  }

  @ParameterizedTest
  @MethodSource("targets")
  void importTwice_sameCountsAndSameRoot(String target) throws IOException {
    Path file = sample();
    try (PostgresEvidenceStore s = TestDatabases.store(target)) {
      ImportResult first = importFile(s, file);
      long versions = s.count("incident_versions");
      String head = s.latestCheckpoint().orElseThrow();
      ImportResult second = importFile(s, file);
      assertThat(first.added()).isEqualTo(2000);
      assertThat(second.added()).isZero();
      assertThat(second.unchanged()).isEqualTo(2000);
      assertThat(s.count("incident_versions")).isEqualTo(versions).isEqualTo(2000);
      assertThat(s.count("incidents")).isEqualTo(2000);
      assertThat(s.latestCheckpoint().orElseThrow())
          .as("same signed tree head, same root")
          .isEqualTo(head);
      assertThat(s.verifyLedger(0).ok()).isTrue();
    }
  }
}
