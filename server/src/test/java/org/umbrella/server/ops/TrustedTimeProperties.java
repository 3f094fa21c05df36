package org.umbrella.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.input.Kind;
import org.umbrella.engine.input.PlacePrecision;
import org.umbrella.engine.input.TimePrecision;
import org.umbrella.engine.output.FindingStatus;
import org.umbrella.engine.output.GuaranteeStatus;
import org.umbrella.engine.output.ObligationStatus;
import org.umbrella.server.ServerOptions;
import org.umbrella.server.TestAgreement;
import org.umbrella.server.TestServer;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.demo.Demo;
import org.umbrella.server.enforce.EngineEnforcement;

/**
 * Issue 9, acceptance 1, on the running service (real PostgreSQL, the real engine, the fixture
 * agreement with the ceasefire in force): random streams of reports whose claimed times are
 * arbitrary (on time, late by hours, a few minutes ahead, years ahead up to 9999, years behind),
 * reviews that come late, rejections, votes, ticks, and the server clock moving on. Whatever is
 * claimed and in whatever order:
 *
 * <ul>
 *   <li>the service stores a report exactly when its claim lies within [record time - horizon,
 *       record time + skew], and refuses the rest naming {@code /time};
 *   <li>the engine's clock never passes the server clock;
 *   <li>no obligation is breached before its deadline on trusted time (the server clock when the
 *       breach is recorded), and no guarantee expires (its term is 15 years);
 *   <li>a report nobody reviewed is evidence in no finding; a rejected report is evidence in no
 *       standing finding: what it alone supported is withdrawn, and its rejection is on record.
 * </ul>
 *
 * <p>Half the tries count corroborated reports as evidence (the fixture edited), so rejections of
 * reports that did support a finding are exercised too.
 */
class TrustedTimeProperties {
  private static final double[][] NEAR_LINE = {
    {48.0159, 37.8029}, {47.9, 36.95}, {48.34, 37.31}, {48.3, 37.3}, {48.1, 37.6}
  };

  @Property(tries = 6, shrinking = ShrinkingMode.OFF)
  void anyClaimsLateReviewsRejections_trustedTimeDecides(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    Random random = new Random(seed);
    boolean corroboratedCounts = seed % 2 == 0;
    Instant start = Instant.parse("2026-03-10T12:00:00Z");
    Agreement agreement =
        Demo.withCeasefireInForce(
            corroboratedCounts
                ? TestAgreement.ukraineWith(
                    s -> s.replace("status: verified", "status: corroborated"))
                : TestAgreement.ukraine(),
            start.minus(Duration.ofDays(8)));
    try (TestServer t = new TestServer(ServerOptions.defaults(0), Optional.of(agreement))) {
      Operations ops = t.server.services().operations();
      EngineEnforcement engine = t.server.engine().orElseThrow();
      ReportTimes times = ops.reportTimes();
      Map<String, String> status = new HashMap<>();
      Set<String> reviewed = new HashSet<>();
      List<String> refusedClaims = new ArrayList<>();
      // a prelude that makes the guarantee's trigger reachable: four RU violations over three days,
      // filed and verified (the stream below adds the rest, in any order)
      for (int h : List.of(70, 46, 22, 5)) {
        Report r = ops.fileReport(report(random, start.minus(Duration.ofHours(h))), "monitor");
        ops.review(r.id(), "corroborated", "RU", 0.8, "", "verifier");
        ops.review(r.id(), "verified", "", 0, "", "verifier");
        status.put(r.id(), "verified");
        reviewed.add(r.id());
      }
      for (int step = 0; step < 90; step++) {
        int what = random.nextInt(100);
        Instant now = t.clock.instant();
        if (what < 45) {
          Instant claim = claim(random, now);
          boolean plausible =
              !claim.isAfter(now.plus(times.skew())) && !claim.isBefore(now.minus(times.horizon()));
          try {
            Report r = ops.fileReport(report(random, claim), "monitor");
            assertThat(plausible)
                .as("stored a report claiming %s at record time %s", claim, now)
                .isTrue();
            status.put(r.id(), "reported");
          } catch (DomainError e) {
            assertThat(plausible)
                .as(
                    "refused a report claiming %s at record time %s: %s",
                    claim, now, e.getMessage())
                .isFalse();
            assertThat(e.field()).contains("/time");
            refusedClaims.add(claim.toString());
          }
        } else if (what < 70) {
          List<String> open =
              status.entrySet().stream()
                  .filter(e -> !e.getValue().equals("verified") && !e.getValue().equals("rejected"))
                  .map(Map.Entry::getKey)
                  .sorted()
                  .toList();
          if (!open.isEmpty()) {
            String id = open.get(random.nextInt(open.size()));
            boolean reject = random.nextInt(10) < 3;
            String to =
                reject
                    ? "rejected"
                    : status.get(id).equals("reported") ? "corroborated" : "verified";
            Report r =
                ops.review(
                    id, to, "", 0, reject ? "the sources do not confirm it" : "", "verifier");
            assertThat(r.status().wireName()).isEqualTo(to);
            status.put(id, to);
            if (!reject) {
              reviewed.add(id);
            }
          }
        } else if (what < 80) {
          ops.findings(EnumSet.of(FindingStatus.CANDIDATE), 50, 0).stream()
              .filter(f -> f.body().isPresent())
              .findFirst()
              .ifPresent(
                  f -> {
                    for (String party : List.of("GB", "FR", "DE")) {
                      if (ops.finding(f.id())
                          .map(x -> x.status().equals(FindingStatus.CANDIDATE))
                          .orElse(false)) {
                        ops.vote(
                            f.id(),
                            party,
                            "confirm",
                            "body-" + party.toLowerCase(java.util.Locale.ROOT));
                      }
                    }
                  });
        } else if (what < 92) {
          t.clock.advance(Duration.ofMinutes(1 + random.nextInt(12 * 60)));
        } else {
          ops.awaitEngine();
          engine.tick();
        }
        ops.awaitEngine();
        assertThat(engine.engineTime().orElse(Instant.MIN))
            .as("engine clock")
            .isBeforeOrEqualTo(t.clock.instant());
      }
      // let every deadline there is fall due on trusted time
      t.clock.advance(Duration.ofDays(10));
      engine.tick();
      ops.awaitEngine();

      var jdbi = ops.jdbi();
      List<String> early =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          """
              select o.id || ' due ' || o.due || ' breached at ' || a.at from ops_obligation o
              join audit_event a on a.subject = o.id and a.action = 'obligation.breached' where a.at < o.due""")
                      .mapTo(String.class)
                      .list());
      assertThat(early).as("obligations breached before their deadline").isEmpty();
      assertThat(ops.statuses("guarantee"))
          .noneMatch(s -> s.status().equals(GuaranteeStatus.EXPIRED));
      List<String> implausible =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "select id from ops_report where time > filed_at + make_interval(secs => :skew) or time < filed_at - make_interval(secs => :horizon)")
                      .bind("skew", times.skew().toSeconds())
                      .bind("horizon", times.horizon().toSeconds())
                      .mapTo(String.class)
                      .list());
      assertThat(implausible).as("stored reports with implausible claims").isEmpty();

      int breached = 0;
      int withdrawn = 0;
      for (Operations.Finding f : ops.findings(EnumSet.allOf(FindingStatus.class), 10_000, 0)) {
        boolean standing =
            f.status().equals(FindingStatus.CANDIDATE)
                || f.status().equals(FindingStatus.CONFIRMED);
        withdrawn += f.status().equals(FindingStatus.WITHDRAWN) ? 1 : 0;
        for (String incident : f.incidents()) {
          if (!status.containsKey(incident)) {
            continue; // a finding's id (evidence of an aggregate), not a report
          }
          assertThat(reviewed)
              .as("finding %s rests on %s, which nobody corroborated or verified", f.id(), incident)
              .contains(incident);
          if (standing) {
            assertThat(status.get(incident))
                .as("standing finding %s rests on rejected %s", f.id(), incident)
                .isNotEqualTo("rejected");
          }
        }
      }
      breached +=
          ops.obligations(Optional.empty(), EnumSet.of(ObligationStatus.BREACHED), 10_000, 0)
              .size();
      long rejections =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "select count(*) from audit_event where action = 'report.reviewed' and detail->>'status' = 'rejected'")
                      .mapTo(Long.class)
                      .one());
      assertThat(rejections).isEqualTo(status.values().stream().filter("rejected"::equals).count());
      Statistics.label("refused claims").collect(refusedClaims.isEmpty() ? "none" : "some");
      Statistics.label("breached obligations").collect(breached > 0);
      Statistics.label("withdrawn findings").collect(withdrawn > 0);
    }
  }

  /**
   * A claimed time: mostly plausible, often late, sometimes a typo of years, sometimes just over
   * the skew.
   */
  private static Instant claim(Random random, Instant now) {
    return switch (random.nextInt(10)) {
      case 0 -> now.plus(Duration.ofSeconds(random.nextInt(5 * 60 + 1)));
      case 1 -> now.plus(Duration.ofSeconds(5 * 60 + 1 + random.nextInt(3 * 86_400)));
      case 2 -> now.plus(Duration.ofDays(365L * (1 + random.nextInt(70))));
      case 3 ->
          random.nextBoolean()
              ? Instant.parse("9999-12-31T23:59:59Z")
              : now.minus(Duration.ofDays(366 + random.nextInt(400 * 365)));
      case 4 -> now.minus(Duration.ofDays(random.nextInt(365)));
      default -> now.minus(Duration.ofMinutes(random.nextInt(30 * 60)));
    };
  }

  private static ReportInput.NewReport report(Random random, Instant claim) {
    double[] p = NEAR_LINE[random.nextInt(NEAR_LINE.length)];
    return new ReportInput.NewReport(
        claim,
        TimePrecision.EXACT,
        random.nextBoolean() ? Kind.SHELLING : Kind.DRONE_STRIKE,
        p[0],
        p[1],
        PlacePrecision.NEAR,
        random.nextInt(12) == 0 ? "UA" : "RU",
        0.8,
        "residential",
        0,
        1,
        2,
        List.of(
            new Report.Source(
                "patrol-" + random.nextInt(99), "patrol", "team-" + random.nextInt(3)),
            new Report.Source("cam-" + random.nextInt(99), "sensor", "cameras")),
        List.of(),
        "property " + claim);
  }
}
