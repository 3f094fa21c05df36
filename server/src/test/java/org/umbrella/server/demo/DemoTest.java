package org.umbrella.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.umbrella.engine.output.FindingStatus;
import org.umbrella.engine.output.GuaranteeStatus;
import org.umbrella.engine.output.ObligationStatus;
import org.umbrella.engine.output.ProvisionStatus;
import org.umbrella.server.ServerOptions;
import org.umbrella.server.TestAgreement;
import org.umbrella.server.TestDb;
import org.umbrella.server.UmbrellaServer;
import org.umbrella.server.ops.Operations;

/**
 * The demo stream, replayed through the real workflow and the engine enforcing the Ukraine example
 * (with the demo's ceasefire date), leaves every screen with content: a triggered guarantee,
 * obligations with deadlines and answers, a confirmed and a candidate finding.
 */
class DemoTest {
  /** The agreement {@code umbrella serve} runs the demo on: the 20-point example itself. */
  static org.umbrella.agreement.model.Agreement example() {
    return org.umbrella.agreement.io.AgreementFiles.load(TestAgreement.file()).agreement();
  }

  @Test
  void seed_drivesTheEngineToATriggeredGuaranteeWithObligationsAndANewCandidate() {
    TestDb.reset();
    Instant now = Instant.parse("2026-03-20T12:00:00Z");
    SeedableClock clock = new SeedableClock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
    try (UmbrellaServer server =
        UmbrellaServer.start(
            TestDb.dataSource(),
            TestDb.ledgerKey(),
            clock,
            ServerOptions.defaults(0),
            Optional.of(Demo.withCeasefireInForce(example(), now.minus(Demo.CEASEFIRE_BEFORE))))) {
      List<Demo.Credential> creds = Demo.createAccounts(server.services().accounts());
      assertThat(creds)
          .extracting(Demo.Credential::password)
          .allMatch(p -> p.length() == 20)
          .doesNotHaveDuplicates();
      int n = Demo.seed(server.services().operations(), clock, now);
      assertThat(n).isGreaterThan(20);
      Operations ops = server.services().operations();
      assertThat(ops.statuses("guarantee"))
          .extracting(Operations.Status::status)
          .contains(GuaranteeStatus.TRIGGERED);
      // The 20-point guarantee is triggered when Russia opens fire (no vote); Ukraine's fire into
      // Russia awaits the Peace Council, whose vote is under way.
      List<Operations.Finding> findings =
          ops.findings(EnumSet.of(FindingStatus.CANDIDATE, FindingStatus.CONFIRMED), 100, 0);
      assertThat(findings)
          .filteredOn(f -> f.definition().equals("russia-opens-fire"))
          .extracting(Operations.Finding::status)
          .containsOnly(FindingStatus.CONFIRMED);
      assertThat(findings)
          .filteredOn(f -> f.definition().equals("unprovoked-attack-on-russia"))
          .extracting(Operations.Finding::status)
          .containsExactly(FindingStatus.CANDIDATE);
      List<Operations.Obligation> obligations =
          ops.obligations(Optional.empty(), EnumSet.allOf(ObligationStatus.class), 500, 0);
      assertThat(obligations).extracting(Operations.Obligation::party).contains("US", "NATO", "EU");
      assertThat(obligations)
          .extracting(o -> o.duty() + " " + o.status())
          .contains(
              "military-response fulfilled",
              "reimpose-sanctions fulfilled",
              "military-response pending");
      assertThat(ops.statuses("provision"))
          .extracting(Operations.Status::status)
          .contains(ProvisionStatus.implemented(2));

      // every change of the demo is a ledger leaf, and the ledger verifies against the rows
      var verified = ops.ledger().verify();
      assertThat(verified.divergence()).as("ledger divergence").isEmpty();
      for (String table :
          List.of(
              "incident_versions",
              "incident_reports",
              "reviews",
              "attributions",
              "votes",
              "determinations",
              "guarantor_responses",
              "provision_reports",
              "engine_outputs",
              "accounts",
              "account_parties")) {
        long rows =
            TestDb.jdbi()
                .withHandle(
                    h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
        assertThat(rows).as("rows in %s", table).isPositive();
      }
      long filed =
          TestDb.jdbi()
              .withHandle(
                  h -> h.createQuery("select count(*) from ops_report").mapTo(Long.class).one());
      long inLedger =
          TestDb.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select count(*) from incident_reports")
                          .mapTo(Long.class)
                          .one());
      assertThat(inLedger).isEqualTo(filed);
      assertThat(verified.leavesChecked()).isEqualTo(verified.treeSize());
    }
  }
}
