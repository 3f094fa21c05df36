package org.umbrella.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.engine.input.Actor;
import org.umbrella.engine.input.Determination;
import org.umbrella.engine.input.Fatalities;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.IncidentPlace;
import org.umbrella.engine.input.IncidentSource;
import org.umbrella.engine.input.InputRecord;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.PlacePrecision;
import org.umbrella.engine.input.Tick;
import org.umbrella.engine.input.TimePrecision;
import org.umbrella.engine.input.Vote;
import org.umbrella.engine.output.FindingStatus;
import org.umbrella.engine.output.OutputRecord;
import org.umbrella.server.ServerOptions;
import org.umbrella.server.TestAgreement;
import org.umbrella.server.TestDb;
import org.umbrella.server.UmbrellaServer;
import org.umbrella.server.enforce.EngineEnforcement;
import org.umbrella.server.enforce.Replay;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.ReportInput;

/**
 * After a restart the engine is rebuilt from the journal: a vote cast before the restart still
 * counts, replaying changes nothing already on record, every version of a report revised several
 * times is fed (issue 9, acceptance 3), and the rebuilt engine answers a probe exactly as the
 * engine that lived through the history does.
 */
class RestartReplayTest {
  static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");

  @Test
  void restart_rebuildsEngineState_votesBeforeTheRestartStillCount_andNothingIsRecordedTwice() {
    TestDb.reset();
    SeedableClock clock = new SeedableClock(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    Agreement agreement = agreement();
    try (UmbrellaServer first =
        UmbrellaServer.start(
            TestDb.dataSource(),
            TestDb.ledgerKey(),
            clock,
            ServerOptions.defaults(0),
            Optional.of(agreement))) {
      Demo.seed(first.services().operations(), clock, NOW);
    }
    long auditBefore = audit();
    try (UmbrellaServer second =
        UmbrellaServer.start(
            TestDb.dataSource(),
            TestDb.ledgerKey(),
            clock,
            ServerOptions.defaults(0),
            Optional.of(agreement))) {
      String added =
          TestDb.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select coalesce(string_agg(action || ' ' || subject || ' ' || detail::text, '; '), '') from audit_event where id > :n")
                          .bind("n", auditBefore)
                          .mapTo(String.class)
                          .one());
      assertThat(audit())
          .as("replay records nothing new, but added: %s", added)
          .isEqualTo(auditBefore);
      Operations ops = second.services().operations();
      Operations.Finding open =
          ops.findings(EnumSet.of(FindingStatus.CANDIDATE), 100, 0).stream()
              .filter(f -> f.definition().equals("significant-attack"))
              .findFirst()
              .orElseThrow();
      assertThat(open.votes()).containsEntry("GB", "confirm"); // cast before the restart
      ops.vote(open.id(), "US", "confirm", "body-us");
      ops.vote(open.id(), "FR", "confirm", "body-fr");
      assertThat(ops.finding(open.id()).orElseThrow().status())
          .as("GB's earlier vote counted: 3 of 5")
          .isEqualTo(FindingStatus.CONFIRMED);
    }
  }

  /**
   * A history with the demo (reports reviewed and rejected, votes, a confirmed finding, answers,
   * provision reports) plus 300 more reports along the line, filed up to two days late, a third of
   * them verified or rejected; the engine that lived through it and the engine rebuilt at restart
   * are given the same probe (new incidents, a vote, deadlines passing) and must answer with the
   * same outputs, record for record.
   */
  @Test
  void rebuiltEngine_answersAProbeExactlyAsTheLiveEngine_andStreamingFeedsWhatPerRowFed() {
    TestDb.reset();
    SeedableClock clock = new SeedableClock(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    Agreement agreement = agreement();
    List<OutputRecord> live;
    String candidate;
    try (UmbrellaServer first =
        UmbrellaServer.start(
            TestDb.dataSource(),
            TestDb.ledgerKey(),
            clock,
            ServerOptions.defaults(0),
            Optional.of(agreement))) {
      Operations ops = first.services().operations();
      Demo.seed(ops, clock, NOW);
      java.util.Random random = new java.util.Random(20260320);
      for (int i = 0; i < 300; i++) {
        // accepted in order after the demo, each about an event up to two days before (late
        // reports)
        Instant accepted = NOW.plus(Duration.ofMinutes(2L * i + 1));
        clock.pin(accepted);
        try {
          var r =
              ops.fileReport(
                  report(
                      random,
                      accepted.minus(Duration.ofMinutes(random.nextInt(48 * 60))),
                      "extra " + i),
                  "monitor");
          if (random.nextInt(3) == 0) {
            boolean verify = random.nextBoolean();
            // revised several times: corroborated with one attribution, verified with another
            ops.review(
                r.id(),
                verify ? "corroborated" : "rejected",
                "RU",
                0.6,
                verify ? "" : "not confirmed",
                "verifier");
            if (verify) {
              clock.pin(accepted.plus(Duration.ofSeconds(30)));
              ops.review(r.id(), "verified", random.nextBoolean() ? "RU" : "", 0.9, "", "verifier");
            }
          }
        } finally {
          clock.release();
        }
      }
      ops.awaitEngine();
      candidate =
          ops.findings(EnumSet.of(FindingStatus.CANDIDATE), 100, 0).stream()
              .filter(f -> f.definition().equals("significant-attack"))
              .findFirst()
              .orElseThrow()
              .id();
      live = first.engine().orElseThrow().probe(probe(candidate));
    }
    assertThat(live).as("the probe makes the engine do something").isNotEmpty();
    try (UmbrellaServer second =
        UmbrellaServer.start(
            TestDb.dataSource(),
            TestDb.ledgerKey(),
            clock,
            ServerOptions.defaults(0),
            Optional.of(agreement))) {
      Operations ops = second.services().operations();
      List<org.umbrella.engine.input.RecordedInput> streamed = new ArrayList<>();
      Replay.inputs(ops, streamed::add);
      // every reviewed version of every report is fed, not only the current one
      long reviews =
          TestDb.jdbi()
              .withHandle(
                  h -> h.createQuery("select count(*) from ops_review").mapTo(Long.class).one());
      assertThat(streamed.stream().filter(r -> r.record() instanceof Incident).count())
          .isEqualTo(reviews)
          .isGreaterThan(100);
      assertThat(streamed).allMatch(r -> !r.recordedAt().isBefore(NOW.minus(Duration.ofDays(9))));
      List<OutputRecord> rebuilt = second.engine().orElseThrow().probe(probe(candidate));
      assertThat(provenanceFree(rebuilt)).containsExactlyElementsOf(provenanceFree(live));
    }
    // and a third engine, rebuilt from the same stream outside a server, agrees too
    try (UmbrellaServer third =
        UmbrellaServer.start(
            TestDb.dataSource(),
            TestDb.ledgerKey(),
            clock,
            ServerOptions.defaults(0),
            Optional.empty())) {
      EngineEnforcement fresh = new EngineEnforcement(agreement, clock, third.services().events());
      fresh.attach(third.services().operations());
      Replay.stored(third.services().operations(), fresh);
      assertThat(provenanceFree(fresh.probe(probe(candidate))))
          .containsExactlyElementsOf(provenanceFree(live));
    }
  }

  /**
   * The outputs as text, with the ids of vote, answer and provision-report inputs named in causes
   * reduced to their kind: live they carry a counter of the running engine, replayed they are named
   * after what is stored ({@code det-replay-<finding>-<party>}); neither is stored, the rest of
   * each record must match exactly.
   */
  private static List<String> provenanceFree(List<OutputRecord> out) {
    return out.stream()
        .map(o -> o.toString().replaceAll("\\b(det|resp|prov)-[^,\\]\\s]*", "$1-*"))
        .toList();
  }

  private static Agreement agreement() {
    return Demo.withCeasefireInForce(TestAgreement.ukraine(), NOW.minus(Demo.CEASEFIRE_BEFORE));
  }

  private static ReportInput.NewReport report(java.util.Random random, Instant at, String summary) {
    return new ReportInput.NewReport(
        at,
        TimePrecision.EXACT,
        random.nextBoolean() ? Kind.SHELLING : Kind.DRONE_STRIKE,
        48.0 + random.nextDouble() * 0.6,
        37.2 + random.nextDouble() * 0.8,
        PlacePrecision.NEAR,
        "RU",
        0.7,
        "residential",
        0,
        random.nextInt(3),
        4,
        List.of(
            new org.umbrella.server.ops.Report.Source(
                "patrol-" + random.nextInt(9), "patrol", "team-" + random.nextInt(3)),
            new org.umbrella.server.ops.Report.Source(
                "cam-" + random.nextInt(9), "sensor", "cameras")),
        List.of(),
        summary);
  }

  /** New verified incidents near the line, the open candidate confirmed, and deadlines passing. */
  private static List<InputRecord> probe(String candidate) {
    List<InputRecord> p = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Instant at = NOW.plus(Duration.ofDays(1)).plus(Duration.ofHours(i));
      p.add(
          new Incident(
              "probe-" + i,
              at,
              TimePrecision.EXACT,
              new IncidentPlace(48.3 + i * 0.01, 37.3, PlacePrecision.NEAR),
              Kind.SHELLING,
              new Actor("RU", 0.9),
              "residential",
              new Fatalities(1, 2, 3),
              List.of(
                  new IncidentSource("p-" + i, "patrol", "team-1"),
                  new IncidentSource("c-" + i, "sensor", "cameras")),
              ReviewStatus.VERIFIED,
              List.of()));
    }
    p.add(
        new Determination(
            "probe-det",
            NOW.plus(Duration.ofDays(1)).plus(Duration.ofHours(8)),
            "special-commission",
            candidate,
            Map.of("GB", Vote.CONFIRM, "US", Vote.CONFIRM, "FR", Vote.CONFIRM)));
    for (int d : new int[] {2, 3, 10, 40, 400}) {
      p.add(new Tick("probe-tick-" + d, NOW.plus(Duration.ofDays(d))));
    }
    return p;
  }

  static long audit() {
    return TestDb.jdbi()
        .withHandle(h -> h.createQuery("select count(*) from audit_event").mapTo(Long.class).one());
  }
}
