package org.umbrella.server.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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

/**
 * Issue 9, item 4: a second agreement version put in force mid-journal (the service restarted under
 * it, with a lower threshold and a shorter decision deadline). Re-execution replays each segment
 * under the version its outputs name and matches every recorded output; re-executing the first
 * segment under the second version diverges, so the segments are not a formality.
 */
class AgreementVersionsReexecutionTest {
  static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");

  @Test
  void eachSegmentReexecutedUnderItsOwnVersion_matchesEveryOutput() {
    TestDb.reset();
    SeedableClock clock = new SeedableClock(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    Instant ceasefire = NOW.minus(Demo.CEASEFIRE_BEFORE);
    Agreement v1 = Demo.withCeasefireInForce(TestAgreement.ukraine(), ceasefire);
    Agreement v2 = Demo.withCeasefireInForce(TestAgreement.ukraineWith(V2), ceasefire);
    String ref1 = EngineEnforcement.ref(v1);
    String ref2 = EngineEnforcement.ref(v2);
    assertThat(ref2).isNotEqualTo(ref1);
    Random random = new Random(11);
    try (UmbrellaServer first =
        UmbrellaServer.start(
            TestDb.dataSource(),
            TestDb.ledgerKey(),
            clock,
            ServerOptions.defaults(0),
            Optional.of(v1))) {
      Demo.seed(first.services().operations(), clock, NOW);
      activity(first, clock, random, 0, 12);
    }
    try (UmbrellaServer second =
        UmbrellaServer.start(
            TestDb.dataSource(),
            TestDb.ledgerKey(),
            clock,
            ServerOptions.defaults(0),
            Optional.of(v2))) {
      activity(second, clock, random, 12, 30);
    }

    // no bytes were put in force: the versions are read off the outputs and must be given
    List<Reexecution.Segment> segments = Reexecution.segments(TestDb.jdbi());
    assertThat(segments).extracting(Reexecution.Segment::agreement).containsExactly(ref1, ref2);
    assertThat(segments).noneMatch(Reexecution.Segment::journaled);
    assertThat(segments)
        .allSatisfy(s -> assertThat(s.outputs()).as(s.agreement()).isGreaterThan(5));

    Reexecution.Result ok = Reexecution.run(TestDb.jdbi(), Map.of(ref1, v1, ref2, v2));
    assertThat(ok.divergence()).isEmpty();
    assertThat(ok.matched()).as("every recorded output, across both versions").isEqualTo(outputs());

    // the first segment re-executed under the second version does not reproduce it
    assertThat(Reexecution.run(TestDb.jdbi(), Map.of(ref1, v2, ref2, v2)).divergence()).isPresent();
    // and a version the outputs name but nobody gave is refused, not skipped
    assertThatThrownBy(() -> Reexecution.run(TestDb.jdbi(), Map.of(ref2, v2)))
        .hasMessageContaining(ref1);
  }

  /**
   * Issue 9, item 2: each version put in force is a journal entry in the transaction of its leaf,
   * so the journal alone re-executes both segments; a restart under the same version journals
   * nothing new.
   */
  @Test
  void versionsPutInForce_areJournaled_inOrder_andTheJournalAloneReexecutes() {
    TestDb.reset();
    SeedableClock clock = new SeedableClock(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    Instant ceasefire = NOW.minus(Demo.CEASEFIRE_BEFORE);
    UmbrellaServer.InForce f1 = TestAgreement.inForce(s -> s, ceasefire);
    UmbrellaServer.InForce f2 = TestAgreement.inForce(V2, ceasefire);
    Agreement v1 = Demo.withCeasefireInForce(TestAgreement.ukraine(), ceasefire);
    Agreement v2 = Demo.withCeasefireInForce(TestAgreement.ukraineWith(V2), ceasefire);
    Random random = new Random(11);
    try (UmbrellaServer first = start(clock, v1, f1)) {
      Demo.seed(first.services().operations(), clock, NOW);
      activity(first, clock, random, 0, 8);
    }
    try (UmbrellaServer again = start(clock, v1, f1)) {
      activity(again, clock, random, 8, 12);
    }
    long recordedBeforeV2 =
        TestDb.jdbi()
            .withHandle(
                h -> h.createQuery("select max(journal_seq) from outputs").mapTo(Long.class).one());
    try (UmbrellaServer second = start(clock, v2, f2)) {
      activity(second, clock, random, 12, 30);
    }

    List<Journal.AgreementEntry> versions = Journal.versions(TestDb.jdbi());
    assertThat(versions).extracting(v -> v.version().ref()).containsExactly(f1.ref(), f2.ref());
    assertThat(versions.get(0).seq()).isLessThan(versions.get(1).seq());
    assertThat(versions.get(0).replayedThrough())
        .as("nothing was recorded before the first version")
        .isZero();
    assertThat(versions.get(1).replayedThrough()).isEqualTo(recordedBeforeV2);
    // each entry's leaf is the agreement's source in the ledger
    for (Journal.AgreementEntry v : versions) {
      String leafSource =
          TestDb.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select source from agreements where leaf_index = :l")
                          .bind("l", v.leafIndex())
                          .mapTo(String.class)
                          .one());
      assertThat(leafSource).isEqualTo(v.version().source());
    }
    // every reader meets the entries: the whole journal, read in order, holds them where they were
    // appended
    List<String> kinds = new java.util.ArrayList<>();
    Journal.read(
        TestDb.jdbi(),
        0,
        e ->
            kinds.add(
                switch (e) {
                  case Journal.InputEntry in -> "input";
                  case Journal.AgreementEntry a -> "agreement:" + a.version().ref();
                }));
    assertThat(kinds.get(0)).isEqualTo("agreement:" + f1.ref());
    assertThat(kinds.get((int) versions.get(1).seq() - 1)).isEqualTo("agreement:" + f2.ref());
    assertThat(kinds.stream().filter(k -> k.startsWith("agreement:")).count()).isEqualTo(2);

    List<Reexecution.Segment> segments = Reexecution.segments(TestDb.jdbi());
    assertThat(segments).allMatch(Reexecution.Segment::journaled);
    assertThat(segments)
        .extracting(Reexecution.Segment::agreement)
        .containsExactly(f1.ref(), f2.ref());
    assertThat(segments)
        .allSatisfy(s -> assertThat(s.outputs()).as(s.agreement()).isGreaterThan(5));
    Reexecution.Result fromJournal = Reexecution.run(TestDb.jdbi());
    assertThat(fromJournal.divergence()).isEmpty();
    assertThat(fromJournal.matched())
        .as("every recorded output, from the journal alone")
        .isEqualTo(outputs());
    assertThat(fromJournal.matched())
        .isEqualTo(segments.stream().mapToLong(Reexecution.Segment::outputs).sum());

    // the restart under the new version wrote no page row that the recorded outputs do not derive:
    // the view rebuilt from them, titles from the journaled versions, is the view as it stands
    Map<String, List<Map<String, Object>>> view = outcomeView();
    org.umbrella.server.ops.OutcomeProjection.rebuild(
        TestDb.jdbi(), AgreementVersion.resolver(TestDb.jdbi(), null));
    assertThat(outcomeView()).isEqualTo(view);
  }

  private static final java.util.function.UnaryOperator<String> V2 =
      s ->
          s.replace("version: 2025-12-24", "version: 2026-01-15")
              .replace("at-least: 5", "at-least: 3")
              .replace("decide-within: 48h", "decide-within: 24h");

  private static UmbrellaServer start(SeedableClock clock, Agreement a, UmbrellaServer.InForce f) {
    return UmbrellaServer.start(
        TestDb.dataSource(),
        TestDb.ledgerKey(),
        clock,
        ServerOptions.defaults(0),
        Optional.of(a),
        List.of(a),
        Optional.of(f));
  }

  private static Map<String, List<Map<String, Object>>> outcomeView() {
    Map<String, List<Map<String, Object>>> m = new java.util.LinkedHashMap<>();
    for (String t :
        List.of(
            "ops_finding order by id",
            "ops_obligation order by id",
            "ops_status order by subject",
            "ops_vote order by finding_id, party")) {
      m.put(
          t, TestDb.jdbi().withHandle(h -> h.createQuery("select * from " + t).mapToMap().list()));
    }
    return m;
  }

  private static long outputs() {
    return TestDb.jdbi()
        .withHandle(h -> h.createQuery("select count(*) from outputs").mapTo(Long.class).one());
  }

  private static void activity(
      UmbrellaServer server, SeedableClock clock, Random random, int from, int to) {
    Operations ops = server.services().operations();
    for (int i = from; i < to; i++) {
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
                    "versions " + i),
                "monitor");
        ops.review(r.id(), "corroborated", "", 0, "", "verifier");
        if (random.nextInt(4) > 0) {
          ops.review(r.id(), "verified", "", 0, "", "verifier");
        } else {
          ops.review(r.id(), "rejected", "", 0, "sources disagree", "verifier");
        }
        if (random.nextBoolean()) {
          ops.findings(EnumSet.of(FindingStatus.CANDIDATE), 10, 0).stream()
              .filter(f -> f.body().isPresent())
              .findFirst()
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
