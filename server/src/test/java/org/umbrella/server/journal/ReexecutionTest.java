package org.umbrella.server.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.PlacePrecision;
import org.umbrella.engine.input.TimePrecision;
import org.umbrella.engine.output.FindingStatus;
import org.umbrella.server.ServerOptions;
import org.umbrella.server.TestAgreement;
import org.umbrella.server.TestDb;
import org.umbrella.server.UmbrellaServer;
import org.umbrella.server.demo.Demo;
import org.umbrella.server.demo.SeedableClock;
import org.umbrella.server.enforce.EngineEnforcement;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.Report;
import org.umbrella.server.ops.ReportInput;
import org.umbrella.store.VerifyReport;

/**
 * Issue 9, acceptance 2: enforcement re-executed from the journal reproduces every engine output
 * leaf byte for byte, across a restart; an output leaf changed in the database is caught by {@code
 * ledger verify} (no key) and by re-execution; a forged output appended by someone holding the
 * ledger key (so the ledger verifies) is caught by re-execution alone, at its leaf.
 */
class ReexecutionTest {
  static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");

  @Test
  void reexecution_matchesEveryOutput_andCatchesAChangedOrForgedOutputLeaf() {
    TestDb.reset();
    SeedableClock clock = new SeedableClock(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    Agreement agreement =
        Demo.withCeasefireInForce(TestAgreement.ukraine(), NOW.minus(Demo.CEASEFIRE_BEFORE));
    String ref = EngineEnforcement.ref(agreement);
    try (UmbrellaServer first =
        UmbrellaServer.start(
            TestDb.dataSource(),
            TestDb.ledgerKey(),
            clock,
            ServerOptions.defaults(0),
            Optional.of(agreement))) {
      Demo.seed(first.services().operations(), clock, NOW);
    }
    try (UmbrellaServer second =
        UmbrellaServer.start(
            TestDb.dataSource(),
            TestDb.ledgerKey(),
            clock,
            ServerOptions.defaults(0),
            Optional.of(agreement))) {
      Operations ops = second.services().operations();
      Random random = new Random(9);
      for (int i = 0; i < 40; i++) {
        Instant at = NOW.plus(Duration.ofHours(3L * i + 1));
        clock.pin(at);
        try {
          Report r =
              ops.fileReport(
                  new ReportInput.NewReport(
                      at.minus(Duration.ofMinutes(random.nextInt(600))),
                      TimePrecision.EXACT,
                      Kind.SHELLING,
                      48.0 + random.nextDouble() * 0.5,
                      37.3 + random.nextDouble() * 0.5,
                      PlacePrecision.NEAR,
                      "RU",
                      0.8,
                      "",
                      0,
                      1,
                      2,
                      List.of(
                          new Report.Source("p-" + i, "patrol", "team-" + random.nextInt(3)),
                          new Report.Source("c-" + i, "sensor", "cameras")),
                      List.of(),
                      "re-execution " + i),
                  "monitor");
          ops.review(r.id(), "corroborated", "", 0, "", "verifier");
          if (random.nextInt(4) > 0) {
            ops.review(r.id(), "verified", "", 0, "", "verifier");
          } else {
            ops.review(r.id(), "rejected", "", 0, "sources disagree", "verifier");
          }
          ops.findings(EnumSet.of(FindingStatus.CANDIDATE), 10, 0).stream()
              .filter(f -> f.body().isPresent())
              .findFirst()
              .ifPresent(f -> ops.vote(f.id(), "GB", "confirm", "body-gb"));
          second.engine().orElseThrow().tick();
        } finally {
          clock.release();
        }
      }
      ops.awaitEngine();
    }

    Reexecution.Result ok = Reexecution.run(TestDb.jdbi(), agreement, ref);
    assertThat(ok.divergence()).isEmpty();
    long outputs =
        TestDb.jdbi()
            .withHandle(h -> h.createQuery("select count(*) from outputs").mapTo(Long.class).one());
    assertThat(ok.matched())
        .as("every recorded output re-executed")
        .isEqualTo(outputs)
        .isGreaterThan(20);
    // someone holding the key appends a forged decision: the ledger verifies, re-execution does not
    try (UmbrellaServer third =
        UmbrellaServer.start(
            TestDb.dataSource(),
            TestDb.ledgerKey(),
            clock,
            ServerOptions.defaults(0),
            Optional.empty())) {
      long seq =
          TestDb.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select min(journal_seq) from outputs")
                          .mapTo(Long.class)
                          .one());
      String genuine =
          TestDb.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select body_text from outputs where journal_seq = :s order by seq limit 1")
                          .bind("s", seq)
                          .mapTo(String.class)
                          .one());
      third
          .services()
          .operations()
          .recordOutputs(
              seq,
              ref,
              List.of(
                  org.umbrella.engine.output.OutputCodec.decode(
                      genuine.replace("\"RU\"", "\"UA\""), 1)),
              agreement);
      VerifyReport verified = third.services().operations().ledger().verify();
      assertThat(verified.divergence()).as("a key holder's ledger verifies").isEmpty();
    }
    long forgedLeaf =
        TestDb.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select leaf_index from outputs order by seq desc limit 1")
                        .mapTo(Long.class)
                        .one());
    Reexecution.Result forged = Reexecution.run(TestDb.jdbi(), agreement, ref);
    assertThat(forged.divergence()).isPresent();
    assertThat(forged.divergence().get().leafIndex()).isEqualTo(forgedLeaf);

    // without the key: one output leaf's content changed in place
    long changed =
        TestDb.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select leaf_index from outputs order by seq limit 1 offset 3")
                        .mapTo(Long.class)
                        .one());
    TestDb.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        """
            update engine_outputs set body = jsonb_set(body, '{line}', to_jsonb(replace(body->>'line', '"time":"', '"time":"1')))
            where leaf_index = :l""")
                    .bind("l", changed)
                    .execute());
    try (UmbrellaServer fourth =
        UmbrellaServer.start(
            TestDb.dataSource(),
            TestDb.ledgerKey(),
            clock,
            ServerOptions.defaults(0),
            Optional.empty())) {
      assertThat(fourth.services().operations().ledger().verify().divergence())
          .as("ledger verify catches the changed leaf")
          .isPresent();
    }
    Reexecution.Result tampered = Reexecution.run(TestDb.jdbi(), agreement, ref);
    assertThat(tampered.divergence()).isPresent();
    assertThat(tampered.divergence().get().leafIndex()).isEqualTo(changed);
    assertThat(tampered.matched()).isEqualTo(3);
  }
}
