package org.umbrella.server.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.umbrella.agreement.model.Agreement;
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

/**
 * Issue 9, item 4: a second agreement version put in force mid-journal (the service restarted
 * under it, with a lower threshold and a shorter decision deadline). Re-execution replays each
 * segment under the version its outputs name and matches every recorded output; re-executing the
 * first segment under the second version diverges, so the segments are not a formality.
 */
class AgreementVersionsReexecutionTest {
  static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");

  @Test
  void eachSegmentReexecutedUnderItsOwnVersion_matchesEveryOutput() {
    TestDb.reset();
    SeedableClock clock = new SeedableClock(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    Instant ceasefire = NOW.minus(Demo.CEASEFIRE_BEFORE);
    Agreement v1 = Demo.withCeasefireInForce(TestAgreement.ukraine(), ceasefire);
    Agreement v2 = Demo.withCeasefireInForce(TestAgreement.ukraineWith(s -> s.replace("version: 2025-12-24", "version: 2026-01-15")
        .replace("at-least: 5", "at-least: 3").replace("decide-within: 48h", "decide-within: 24h")), ceasefire);
    String ref1 = EngineEnforcement.ref(v1);
    String ref2 = EngineEnforcement.ref(v2);
    assertThat(ref2).isNotEqualTo(ref1);
    Random random = new Random(11);
    try (UmbrellaServer first = UmbrellaServer.start(TestDb.dataSource(), TestDb.ledgerKey(), clock, ServerOptions.defaults(0), Optional.of(v1))) {
      Demo.seed(first.services().operations(), clock, NOW);
      activity(first, clock, random, 0, 12);
    }
    try (UmbrellaServer second = UmbrellaServer.start(TestDb.dataSource(), TestDb.ledgerKey(), clock, ServerOptions.defaults(0), Optional.of(v2))) {
      activity(second, clock, random, 12, 30);
    }

    List<Reexecution.Segment> segments = Reexecution.segments(TestDb.jdbi());
    assertThat(segments).extracting(Reexecution.Segment::agreement).containsExactly(ref1, ref2);
    assertThat(segments).allSatisfy(s -> assertThat(s.outputs()).as(s.agreement()).isGreaterThan(5));

    Reexecution.Result ok = Reexecution.run(TestDb.jdbi(), Map.of(ref1, v1, ref2, v2));
    assertThat(ok.divergence()).isEmpty();
    long outputs = TestDb.jdbi().withHandle(h -> h.createQuery("select count(*) from outputs").mapTo(Long.class).one());
    assertThat(ok.matched()).as("every recorded output, across both versions").isEqualTo(outputs);

    // the first segment re-executed under the second version does not reproduce it
    assertThat(Reexecution.run(TestDb.jdbi(), Map.of(ref1, v2, ref2, v2)).divergence()).isPresent();
    // and a version the outputs name but nobody gave is refused, not skipped
    assertThatThrownBy(() -> Reexecution.run(TestDb.jdbi(), Map.of(ref2, v2))).hasMessageContaining(ref1);
  }

  private static void activity(UmbrellaServer server, SeedableClock clock, Random random, int from, int to) {
    Operations ops = server.services().operations();
    for (int i = from; i < to; i++) {
      Instant at = NOW.plus(Duration.ofHours(3L * i + 1));
      clock.pin(at);
      try {
        Report r = ops.fileReport(new ReportInput.NewReport(at.minus(Duration.ofMinutes(random.nextInt(600))), "exact", "shelling",
            48.0 + random.nextDouble() * 0.5, 37.3 + random.nextDouble() * 0.5, "near", "RU", 0.8, "", 0, 1, 2,
            List.of(new Report.Source("p-" + i, "patrol", "team-" + random.nextInt(3)), new Report.Source("c-" + i, "sensor", "cameras")),
            List.of(), "versions " + i), "monitor");
        ops.review(r.id(), "corroborated", "", 0, "", "verifier");
        if (random.nextInt(4) > 0) {
          ops.review(r.id(), "verified", "", 0, "", "verifier");
        } else {
          ops.review(r.id(), "rejected", "", 0, "sources disagree", "verifier");
        }
        if (random.nextBoolean()) {
          ops.findings(Set.of("candidate"), 10, 0).stream().filter(f -> f.body().isPresent()).findFirst()
              .ifPresent(f -> ops.vote(f.id(), "GB", "confirm", "body-gb"));
        }
        server.engine().orElseThrow().tick();
      } finally {
        clock.release();
      }
    }
    ops.awaitEngine();
  }
}
