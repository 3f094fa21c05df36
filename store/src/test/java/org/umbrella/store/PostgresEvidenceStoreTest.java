package org.umbrella.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.IncidentSource;
import org.umbrella.ledger.ProofBundle;

/** The store keeps every version, runs the review workflow, and logs every row in the ledger. */
class PostgresEvidenceStoreTest {
  static List<String> targets() {
    return TestDatabases.targets();
  }

  @ParameterizedTest
  @MethodSource("targets")
  void recordIncident_sameContentTwice_isStoredOnce_changedContentIsANewVersion(String target) {
    try (PostgresEvidenceStore s = TestDatabases.store(target)) {
      Receipt first = s.recordIncident(Incidents.incident("i-1", 1), "monitor-a");
      Receipt again = s.recordIncident(Incidents.incident("i-1", 1), "monitor-a");
      Receipt changed = s.recordIncident(Incidents.incident("i-1", 2), "monitor-a");
      assertThat(first.created()).isTrue();
      assertThat(again.created()).isFalse();
      assertThat(again.leafIndex()).isEqualTo(first.leafIndex());
      assertThat(changed.leafIndex()).isEqualTo(first.leafIndex() + 1);
      assertThat(s.count("incident_versions")).isEqualTo(2);
      assertThat(s.count("incidents")).isEqualTo(1);
      assertThat(s.incident("i-1").orElseThrow()).isEqualTo(Incidents.incident("i-1", 2));
      assertThat(s.verifyLedger(0).ok()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("targets")
  void review_corroborationNeedsIndependentGroups_thenVerifies(String target) {
    try (PostgresEvidenceStore s = TestDatabases.store(target)) {
      s.recordIncident(
          Incidents.incident(
              "one-group",
              1,
              List.of(
                  new IncidentSource("a", "media", "g1"), new IncidentSource("b", "media", "g1"))),
          "m");
      s.recordIncident(
          Incidents.incident(
              "two-groups",
              2,
              List.of(
                  new IncidentSource("a", "media", "g1"), new IncidentSource("c", "sensor", "g2"))),
          "m");
      assertThatThrownBy(
              () -> s.review("one-group", ReviewStatus.CORROBORATED, "two reports", "rev", 2))
          .isInstanceOf(ReviewNotAllowedException.class)
          .hasMessageContaining("needs sources from 2 independent groups, has 1");
      s.review("two-groups", ReviewStatus.CORROBORATED, "sensor confirms", "rev", 2);
      assertThatThrownBy(() -> s.review("two-groups", ReviewStatus.REPORTED, "undo", "rev", 2))
          .isInstanceOf(ReviewNotAllowedException.class);
      s.review("two-groups", ReviewStatus.VERIFIED, "site visit", "rev", 2);
      s.review("one-group", ReviewStatus.REJECTED, "single outlet, contradicted", "rev", 2);
      assertThat(s.incident("two-groups").orElseThrow().status()).isEqualTo(ReviewStatus.VERIFIED);
      assertThat(s.incident("one-group").orElseThrow().status()).isEqualTo(ReviewStatus.REJECTED);
      assertThat(s.count("reviews")).isEqualTo(3);
      assertThat(s.count("incident_versions")).isEqualTo(5); // 2 reports + 3 reviewed versions
      assertThat(s.verifyLedger(0).ok()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("targets")
  void attribute_isRecordedApartFromTheObservation_andCanBeWithheld(String target) {
    try (PostgresEvidenceStore s = TestDatabases.store(target)) {
      s.recordIncident(Incidents.incident("i-9", 9), "omm");
      s.attribute("i-9", null, 0, "crater analysis inconclusive", "omm");
      s.attribute("i-9", "RU", 0.8, "direction of fire", "analyst");
      Incident now = s.incident("i-9").orElseThrow();
      assertThat(now.actor().party()).isEqualTo("RU");
      assertThat(s.count("attributions")).isEqualTo(2);
      assertThat(s.verifyLedger(0).ok()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("targets")
  void proof_ofAnyRecord_checksOfflineWithThePublicKey(String target) {
    try (PostgresEvidenceStore s = TestDatabases.store(target)) {
      List<Receipt> receipts = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        receipts.add(s.recordIncident(Incidents.incident("p-" + i, i), "m"));
      }
      receipts.add(s.recordAgreement("ukraine-2026", "agreement: ukraine\n", "negotiator"));
      receipts.add(
          s.recordDetermination(
              "d-1", JsonNodeFactory.instance.objectNode().put("question", "breach?")));
      receipts.add(s.recordVote("d-1", "guarantor-a", "yes", "evidence sufficient"));
      receipts.add(
          s.recordEngineOutput(
              "finding", JsonNodeFactory.instance.objectNode().put("provision", "ceasefire")));
      receipts.add(s.recordAccount("alice", "Alice", "monitor"));
      for (Receipt r : receipts) {
        ProofBundle b = ProofBundle.parse(s.proof(r.leafIndex()).toJson());
        assertThat(b.verify(s.publicKey()).size()).isEqualTo(receipts.size());
        assertThat(b.leaf()).contains("\"table\":\"" + r.table() + "\"");
      }
      assertThat(s.leafIndexOf("p-7")).isEqualTo(receipts.get(7).leafIndex());
      assertThat(s.leafIndexOf("votes:" + receipts.get(42).rowId()))
          .isEqualTo(receipts.get(42).leafIndex());
      assertThat(s.verifyLedger(0).ok()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("targets")
  void importIncidents_twice_addsNothingTheSecondTime_andKeepsTheRoot(String target) {
    try (PostgresEvidenceStore s = TestDatabases.store(target)) {
      List<Incident> batch = new ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        batch.add(Incidents.incident("bulk-" + i, i));
      }
      ImportResult first = s.importIncidents(batch, "import");
      String head = s.latestCheckpoint().orElseThrow();
      ImportResult second = s.importIncidents(batch, "import");
      assertThat(first.added()).isEqualTo(3000);
      assertThat(second.added()).isZero();
      assertThat(second.unchanged()).isEqualTo(3000);
      assertThat(s.latestCheckpoint().orElseThrow()).isEqualTo(head);
      VerifyReport report = s.verifyLedger(0);
      assertThat(report.divergence()).isEmpty();
      assertThat(report.leavesChecked()).isEqualTo(3000);
      // verification can resume from a signed head
      s.recordIncident(Incidents.incident("later", 1), "m");
      assertThat(s.verifyLedger(3000).leavesChecked()).isEqualTo(1);
    }
  }
}
