package org.umbrella.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.LongRange;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.PlacePrecision;
import org.umbrella.engine.input.TimePrecision;
import org.umbrella.engine.output.FindingStatus;
import org.umbrella.engine.output.ObligationStatus;
import org.umbrella.server.ServerOptions;
import org.umbrella.server.TestAgreement;
import org.umbrella.server.TestDb;
import org.umbrella.server.UmbrellaServer;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.demo.Demo;
import org.umbrella.server.demo.SeedableClock;

/**
 * Issue 9, item 2: findings, obligations, guarantee and provision status and votes are a projection
 * of the recorded engine outputs and the journal's tallies and answers. Over a generated workload
 * (reports near the line, reviewed, verified or rejected; votes by the commission's members;
 * answers to pending obligations; clock ticks), the four tables are emptied and rebuilt, once with
 * {@link OutcomeProjection#rebuild} and once by a restart of the service; every row and every read
 * the pages and the API make of them is the same as before.
 */
class OutcomeProjectionProperties {
  static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");
  private static final String[] MEMBERS = {"US", "GB", "FR", "DE", "UA"};

  @SuppressWarnings("unchecked")
  @Property(tries = 3, shrinking = ShrinkingMode.OFF)
  void emptiedAndRebuilt_everyReadIsAsBefore(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    TestDb.reset();
    Random random = new Random(seed);
    SeedableClock clock = new SeedableClock(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    Agreement agreement =
        Demo.withCeasefireInForce(TestAgreement.ukraine(), NOW.minus(Demo.CEASEFIRE_BEFORE));
    Map<String, Object> before;
    try (UmbrellaServer server =
        UmbrellaServer.start(
            TestDb.dataSource(),
            TestDb.ledgerKey(),
            clock,
            ServerOptions.defaults(0),
            Optional.of(agreement))) {
      Operations ops = server.services().operations();
      Demo.seed(ops, clock, NOW);
      for (int i = 0; i < 24; i++) {
        Instant at = NOW.plus(Duration.ofMinutes(30L + random.nextInt(240)).multipliedBy(i + 1));
        clock.pin(at);
        try {
          step(server, ops, random, at, i);
        } finally {
          clock.release();
        }
      }
      ops.awaitEngine();
      before = reads(ops);
      assertThat((List<?>) before.get("findings")).as("findings projected").isNotEmpty();
      assertThat((List<?>) before.get("obligations")).as("obligations projected").isNotEmpty();
      assertThat((List<?>) before.get("status")).as("status projected").isNotEmpty();
      assertThat((List<?>) before.get("ops_vote order by finding_id, party"))
          .as("votes projected")
          .isNotEmpty();
      assertThat(
              ((List<Operations.Obligation>) before.get("obligations"))
                  .stream().filter(o -> o.answer().isPresent()))
          .as("answers projected")
          .isNotEmpty();

      // emptied and rebuilt in place
      TestDb.jdbi()
          .useHandle(h -> h.execute("truncate ops_vote, ops_finding, ops_obligation, ops_status"));
      assertThat(reads(ops)).isNotEqualTo(before);
      long steps = OutcomeProjection.rebuild(TestDb.jdbi(), ref -> agreement);
      assertThat(steps)
          .isEqualTo(
              TestDb.jdbi()
                  .withHandle(
                      h ->
                          h.createQuery(
                                  "select (select count(*) from outputs) + (select count(*) from journal where kind in ('determination', 'response'))")
                              .mapTo(Long.class)
                              .one()));
      assertThat(reads(ops)).isEqualTo(before);
      TestDb.jdbi()
          .useHandle(h -> h.execute("truncate ops_vote, ops_finding, ops_obligation, ops_status"));
    }
    // emptied, and the service restarted (under the same version): rebuilt at start, and the
    // engine's silent replay writes nothing beside it
    clock.pin(NOW.plus(Duration.ofDays(5)));
    try (UmbrellaServer again =
        UmbrellaServer.start(
            TestDb.dataSource(),
            TestDb.ledgerKey(),
            clock,
            ServerOptions.defaults(0),
            Optional.of(agreement))) {
      long outputsBefore =
          TestDb.jdbi()
              .withHandle(
                  h -> h.createQuery("select count(*) from outputs").mapTo(Long.class).one());
      assertThat(reads(again.services().operations())).isEqualTo(before);
      long outputsAfter =
          TestDb.jdbi()
              .withHandle(
                  h -> h.createQuery("select count(*) from outputs").mapTo(Long.class).one());
      assertThat(outputsAfter).isEqualTo(outputsBefore);
    } finally {
      clock.release();
    }
  }

  private static void step(
      UmbrellaServer server, Operations ops, Random random, Instant at, int i) {
    Report r =
        ops.fileReport(
            new ReportInput.NewReport(
                at.minus(Duration.ofMinutes(random.nextInt(600))),
                TimePrecision.EXACT,
                Kind.SHELLING,
                48.0 + random.nextDouble() * 0.5,
                37.3 + random.nextDouble() * 0.5,
                PlacePrecision.NEAR,
                random.nextBoolean() ? "RU" : "UA",
                0.8,
                "",
                0,
                1,
                2,
                List.of(
                    new Report.Source("p-" + i, "patrol", "team-" + random.nextInt(3)),
                    new Report.Source("c-" + i, "sensor", "cameras")),
                List.of(),
                "outcome " + i),
            "monitor");
    ops.review(r.id(), "corroborated", "", 0, "", "verifier");
    if (random.nextInt(4) > 0) {
      ops.review(r.id(), "verified", "", 0, "", "verifier");
    } else {
      ops.review(r.id(), "rejected", "", 0, "sources disagree", "verifier");
    }
    for (Operations.Finding f : ops.findings(EnumSet.of(FindingStatus.CANDIDATE), 5, 0)) {
      if (random.nextBoolean()) {
        String party = MEMBERS[random.nextInt(MEMBERS.length)];
        try {
          ops.vote(
              f.id(),
              party,
              List.of("confirm", "reject", "abstain").get(random.nextInt(3)),
              "body-" + party.toLowerCase());
        } catch (DomainError e) {
          // recusal, or not a candidate any more: refused, nothing journaled
        }
      }
    }
    for (Operations.Obligation o :
        ops.obligations(Optional.empty(), EnumSet.of(ObligationStatus.PENDING), 5, 0)) {
      if (random.nextInt(3) == 0) {
        List<String> options = ops.enforcement().decisionOptions(o);
        try {
          ops.answer(
              o.id(),
              random.nextBoolean() ? "fulfilled" : "waived",
              options.isEmpty() ? "" : options.get(random.nextInt(options.size())),
              "note " + random.nextInt(100),
              "guarantor-" + o.party().toLowerCase());
        } catch (DomainError e) {
          // its deadline passed: refused
        }
      }
    }
    server.engine().orElseThrow().tick();
  }

  /** Every row of the projection and every read the pages and the API make of it. */
  private static Map<String, Object> reads(Operations ops) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String table :
        List.of(
            "ops_finding order by id",
            "ops_obligation order by id",
            "ops_status order by subject",
            "ops_vote order by finding_id, party")) {
      m.put(
          table,
          TestDb.jdbi().withHandle(h -> h.createQuery("select * from " + table).mapToMap().list()));
    }
    List<Operations.Finding> findings = ops.findings(EnumSet.allOf(FindingStatus.class), 10_000, 0);
    m.put("findings", findings);
    m.put("each", findings.stream().map(f -> ops.finding(f.id())).toList());
    List<Operations.Obligation> obligations =
        ops.obligations(Optional.empty(), EnumSet.allOf(ObligationStatus.class), 10_000, 0);
    m.put("obligations", obligations);
    m.put(
        "usObligations",
        ops.obligations(Optional.of("US"), EnumSet.of(ObligationStatus.PENDING), 10_000, 0));
    m.put("eachObligation", obligations.stream().map(o -> ops.obligation(o.id())).toList());
    m.put("status", List.of(ops.statuses("guarantee"), ops.statuses("provision")));
    return m;
  }
}
