package org.umbrella.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.LongRange;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.PlacePrecision;
import org.umbrella.engine.input.TimePrecision;
import org.umbrella.server.ServerOptions;
import org.umbrella.server.TestDb;
import org.umbrella.server.TestServer;
import org.umbrella.server.UmbrellaServer;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.web.Queues;

/**
 * Issue 9, item 2: the pages' report and review tables are a projection of the journal. Over a
 * generated workload (reports with arbitrary fields, summaries, tags and sources; reviews that
 * corroborate, attribute, verify and reject, some refused by the review rules), the tables are
 * emptied and rebuilt from the journal, once with {@link ReportProjection#rebuild} and once by a
 * restart of the service; every row and every read the pages and the API make (the report list
 * under several filters, each report, the review queue and its counts, the verified-at times) is
 * the same as before.
 */
class ReportProjectionProperties {
  private static final String[] KINDS = {
    "shelling", "drone_strike", "armed_clash", "small_arms", "other"
  };
  private static final String[] PARTIES = {"", "RU", "UA"};

  @Property(tries = 4, shrinking = ShrinkingMode.OFF)
  void emptiedAndRebuiltFromTheJournal_everyReadIsAsBefore(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    Random random = new Random(seed);
    Map<String, Object> before;
    try (TestServer t = new TestServer(ServerOptions.defaults(0), Optional.empty())) {
      Operations ops = t.server.services().operations();
      List<String> ids = new ArrayList<>();
      int refused = 0;
      for (int step = 0; step < 60; step++) {
        t.clock.advance(Duration.ofMinutes(1 + random.nextInt(90)));
        if (ids.isEmpty() || random.nextInt(3) == 0) {
          ids.add(
              ops.fileReport(report(random, t.clock.instant()), "monitor-" + random.nextInt(3))
                  .id());
          continue;
        }
        String id = ids.get(random.nextInt(ids.size()));
        String to = List.of("corroborated", "verified", "rejected").get(random.nextInt(3));
        String party = PARTIES[random.nextInt(PARTIES.length)];
        String note =
            to.equals("rejected") || random.nextBoolean() ? "note " + random.nextInt(1000) : "";
        try {
          ops.review(
              id,
              to,
              party,
              party.isEmpty() ? 0 : 0.1 * (1 + random.nextInt(9)),
              note,
              "verifier-" + random.nextInt(2));
        } catch (DomainError e) {
          refused++; // the review rules refused it: nothing journaled, nothing projected
        }
      }
      before = reads(ops);
      assertThat(((List<?>) before.get("reviews")).size())
          .as("reviews projected (%d refused)", refused)
          .isGreaterThan(3);

      // emptied and rebuilt in place
      TestDb.jdbi().useHandle(h -> h.execute("truncate ops_review, ops_report restart identity"));
      assertThat(reads(ops)).isNotEqualTo(before);
      long applied = ReportProjection.rebuild(TestDb.jdbi());
      assertThat(applied)
          .isEqualTo(
              TestDb.jdbi()
                  .withHandle(
                      h ->
                          h.createQuery("select count(*) from journal where kind = 'incident'")
                              .mapTo(Long.class)
                              .one()));
      assertThat(reads(ops)).isEqualTo(before);

      // emptied, its position forgotten, and the service restarted: rebuilt at start
      TestDb.jdbi()
          .useHandle(
              h -> {
                h.execute("truncate ops_review, ops_report restart identity");
                h.execute("delete from projection_position");
              });
    }
    try (UmbrellaServer again =
        UmbrellaServer.start(
            TestDb.dataSource(),
            TestDb.ledgerKey(),
            java.time.Clock.fixed(Instant.parse("2026-04-01T00:00:00Z"), java.time.ZoneOffset.UTC),
            ServerOptions.defaults(0),
            Optional.empty())) {
      assertThat(reads(again.services().operations())).isEqualTo(before);
      assertThat(ReportProjection.position(TestDb.jdbi()))
          .isEqualTo(
              TestDb.jdbi()
                  .withHandle(
                      h ->
                          h.createQuery("select max(seq) from journal where kind = 'incident'")
                              .mapTo(Long.class)
                              .one()));
    }
  }

  private static ReportInput.NewReport report(Random random, Instant now) {
    String party = PARTIES[random.nextInt(PARTIES.length)];
    List<Report.Source> sources = new ArrayList<>();
    for (int s = 0, n = 1 + random.nextInt(3); s < n; s++) {
      sources.add(
          new Report.Source(
              "src-" + random.nextInt(1_000_000),
              s % 2 == 0 ? "patrol" : "sensor",
              "group-" + random.nextInt(3)));
    }
    int low = random.nextInt(3);
    return new ReportInput.NewReport(
        now.minus(Duration.ofMinutes(random.nextInt(2_000))),
        random.nextBoolean() ? TimePrecision.EXACT : TimePrecision.DAY,
        Kind.fromWire(KINDS[random.nextInt(KINDS.length)]).orElseThrow(),
        47.5 + random.nextDouble(),
        36.5 + random.nextDouble() * 2,
        random.nextBoolean() ? PlacePrecision.EXACT : PlacePrecision.NEAR,
        party,
        party.isEmpty() ? 0 : 0.5 + random.nextInt(5) / 10.0,
        random.nextBoolean() ? "" : "civilians",
        low,
        low + random.nextInt(3),
        low + 3 + random.nextInt(3),
        sources,
        random.nextBoolean() ? List.of() : List.of("tag-" + random.nextInt(4)),
        "summary "
            + random.nextInt(1000)
            + (random.nextBoolean() ? " \u2014 \u0443\u043a\u0440" : ""));
  }

  /** Every row of the projection and every read the pages and the API make of it. */
  private static Map<String, Object> reads(Operations ops) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(
        "rows",
        TestDb.jdbi()
            .withHandle(
                h -> h.createQuery("select * from ops_report order by id").mapToMap().list()));
    m.put(
        "reviews",
        TestDb.jdbi()
            .withHandle(
                h -> h.createQuery("select * from ops_review order by id").mapToMap().list()));
    List<Report> all =
        ops.reports(new Operations.ReportFilter(null, null, null, null, null), 10_000, 0);
    m.put("list", all);
    m.put("each", all.stream().map(r -> ops.report(r.id())).toList());
    m.put(
        "verified",
        ops.reports(
            new Operations.ReportFilter(null, null, null, Set.of("verified"), null), 10_000, 0));
    m.put(
        "shelling",
        ops.reports(
            new Operations.ReportFilter(
                null, null, Set.of("shelling"), null, new double[] {36.5, 47.5, 37.5, 48.0}),
            10_000,
            0));
    m.put("perDay", ops.reportsPerDay(new Operations.ReportFilter(null, null, null, null, null)));
    Queues queues = new Queues(ops);
    Queues.Filter open =
        new Queues.Filter(Set.of("reported", "corroborated"), Set.of(), null, null, null);
    m.put("queue", queues.reviewQueue(open, 0));
    m.put("queueCount", queues.count(open));
    m.put("verifiedAt", queues.verifiedAt(all.stream().map(Report::id).toList()));
    return m;
  }
}
