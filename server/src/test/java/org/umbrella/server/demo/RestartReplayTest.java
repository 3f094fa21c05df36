package org.umbrella.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.server.ServerOptions;
import org.umbrella.server.TestAgreement;
import org.umbrella.server.TestDb;
import org.umbrella.server.UmbrellaServer;
import org.umbrella.server.ops.Operations;

/**
 * After a restart the engine is rebuilt from what was stored: a vote cast before the restart
 * still counts, and replaying changes nothing already on record.
 */
class RestartReplayTest {
  @Test
  void restart_rebuildsEngineState_votesBeforeTheRestartStillCount_andNothingIsRecordedTwice() {
    TestDb.reset();
    Instant now = Instant.parse("2026-03-20T12:00:00Z");
    SeedableClock clock = new SeedableClock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
    Agreement agreement = Demo.withCeasefireInForce(TestAgreement.ukraine(), now.minus(Demo.CEASEFIRE_BEFORE));
    try (UmbrellaServer first = UmbrellaServer.start(TestDb.dataSource(), TestDb.ledgerKey(), clock, ServerOptions.defaults(0), Optional.of(agreement))) {
      Demo.seed(first.services().operations(), clock, now);
    }
    long auditBefore = audit();
    try (UmbrellaServer second = UmbrellaServer.start(TestDb.dataSource(), TestDb.ledgerKey(), clock, ServerOptions.defaults(0), Optional.of(agreement))) {
      String added = TestDb.jdbi().withHandle(h -> h.createQuery("select coalesce(string_agg(action || ' ' || subject || ' ' || detail::text, '; '), '') from audit_event where id > :n")
          .bind("n", auditBefore).mapTo(String.class).one());
      assertThat(audit()).as("replay records nothing new, but added: %s", added).isEqualTo(auditBefore);
      Operations ops = second.services().operations();
      Operations.Finding open = ops.findings(Set.of("candidate"), 100, 0).stream()
          .filter(f -> f.definition().equals("significant-attack")).findFirst().orElseThrow();
      assertThat(open.votes()).containsEntry("GB", "confirm"); // cast before the restart
      ops.vote(open.id(), "US", "confirm", "body-us");
      ops.vote(open.id(), "FR", "confirm", "body-fr");
      assertThat(ops.finding(open.id()).orElseThrow().status()).as("GB's earlier vote counted: 3 of 5").isEqualTo("confirmed");
    }
  }

  static long audit() {
    return TestDb.jdbi().withHandle(h -> h.createQuery("select count(*) from audit_event").mapTo(Long.class).one());
  }
}
