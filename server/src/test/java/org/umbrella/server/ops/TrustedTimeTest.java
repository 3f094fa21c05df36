package org.umbrella.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.server.Browser;
import org.umbrella.server.TestServer;
import org.umbrella.server.access.Role;

/**
 * Issue 9, two clocks on the server: a report's claimed time is judged against its record time (the
 * server clock, here 2026-03-10T12:00Z), over the API and the form alike, and the store's review
 * rules are the server's. Nothing refused is stored.
 */
class TrustedTimeTest {
  TestServer t;

  @BeforeEach
  void start() {
    t = new TestServer();
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private String body(Instant time) {
    return TestServer.reportJson("claimed " + time)
        .replace("2026-03-09T04:10:00Z", time.toString());
  }

  private long reports() {
    return t.server
        .services()
        .operations()
        .jdbi()
        .withHandle(h -> h.createQuery("select count(*) from ops_report").mapTo(Long.class).one());
  }

  @Test
  void
      api_refusesAReportDatedAfterItsRecordTimePlusTheSkew_orBeforeTheHorizon_asAProblemNamingTime() {
    TestServer.Session monitor = t.signIn(Role.MONITOR);
    Instant now = t.clock.instant();
    for (Instant wrong :
        List.of(
            Instant.parse("2027-03-09T04:10:00Z"),
            Instant.parse("2099-03-09T04:10:00Z"),
            now.plus(Duration.ofMinutes(6)),
            now.plus(Duration.ofDays(3)),
            now.minus(Duration.ofDays(366)),
            Instant.parse("2016-03-09T04:10:00Z"))) {
      HttpResponse<String> r = t.postJson("/api/v1/reports", monitor, body(wrong));
      assertThat(r.statusCode()).as("%s: %s", wrong, r.body()).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(TestServer.field(r.body(), "field")).isEqualTo("/time");
      assertThat(r.body()).containsAnyOf("in the future", "implausibly old");
    }
    assertThat(reports()).as("nothing refused is stored").isZero();
    for (Instant right :
        List.of(now.plus(Duration.ofMinutes(5)), now, now.minus(Duration.ofDays(364)))) {
      HttpResponse<String> r = t.postJson("/api/v1/reports", monitor, body(right));
      assertThat(r.statusCode()).as("%s: %s", right, r.body()).isEqualTo(201);
    }
  }

  @Test
  void skewAndHorizon_areConfigurable() {
    t.server
        .services()
        .operations()
        .reportTimes(new ReportTimes(Duration.ofHours(1), Duration.ofDays(30)));
    TestServer.Session monitor = t.signIn(Role.MONITOR);
    Instant now = t.clock.instant();
    assertThat(
            t.postJson("/api/v1/reports", monitor, body(now.plus(Duration.ofMinutes(50))))
                .statusCode())
        .isEqualTo(201);
    assertThat(
            t.postJson("/api/v1/reports", monitor, body(now.minus(Duration.ofDays(31))))
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void form_refusesAWrongYear_showingTheFormAgainWithTheReason() {
    Browser monitor = new Browser(t.base());
    monitor.signIn(t.accounts.get(Role.MONITOR).username(), TestServer.PASSWORD);
    HttpResponse<String> r =
        monitor.send(
            "POST",
            "/reports",
            "application/x-www-form-urlencoded",
            "time=2027-03-09T04:10:00Z&time-precision=exact&kind=shelling&lat=48&lon=37.8&place-precision=near&sources=patrol-1,+patrol,+team-1&summary=typo");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body())
        .contains("in the future")
        .contains("2027-03-09T04:10:00Z")
        .contains("id=\"time-error\"")
        .contains("field bad")
        .contains("report-form");
    assertThat(reports()).isZero();
  }

  @Test
  void reviews_followTheStoreRules_transitionsReasonsAndFinality() {
    TestServer.Session monitor = t.signIn(Role.MONITOR);
    TestServer.Session verifier = t.signIn(Role.VERIFIER);
    String id =
        TestServer.field(
            t.postJson("/api/v1/reports", monitor, TestServer.reportJson("rules")).body(), "id");
    String path = "/api/v1/reports/" + id + "/reviews";
    HttpResponse<String> skip = t.postJson(path, verifier, "{\"status\":\"verified\"}");
    assertThat(skip.statusCode()).as(skip.body()).isEqualTo(409);
    assertThat(skip.body()).contains("can be corroborated or rejected");
    HttpResponse<String> noReason = t.postJson(path, verifier, "{\"status\":\"rejected\"}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(TestServer.field(noReason.body(), "field")).isEqualTo("/note");
    assertThat(t.postJson(path, verifier, "{\"status\":\"corroborated\"}").statusCode())
        .isEqualTo(200);
    assertThat(t.postJson(path, verifier, "{\"status\":\"verified\"}").statusCode()).isEqualTo(200);
    // verified is final: no flipping to rejected and back
    HttpResponse<String> flip =
        t.postJson(path, verifier, "{\"status\":\"rejected\",\"note\":\"changed my mind\"}");
    assertThat(flip.statusCode()).as(flip.body()).isEqualTo(409);
    assertThat(flip.body()).contains("already verified");
    assertThat(t.server.services().operations().report(id).orElseThrow().status())
        .isEqualTo(ReviewStatus.VERIFIED);

    // one independence group cannot corroborate
    String single =
        TestServer.field(
            t.postJson(
                    "/api/v1/reports",
                    monitor,
                    TestServer.reportJson("one group")
                        .replace("\"group\":\"cameras\"", "\"group\":\"team-3\""))
                .body(),
            "id");
    HttpResponse<String> weak =
        t.postJson(
            "/api/v1/reports/" + single + "/reviews", verifier, "{\"status\":\"corroborated\"}");
    assertThat(weak.statusCode()).isEqualTo(409);
    assertThat(weak.body()).contains("2 independent groups");
    // only a verifier reviews
    assertThat(
            t.postJson(
                    "/api/v1/reports/" + single + "/reviews",
                    monitor,
                    "{\"status\":\"rejected\",\"note\":\"x\"}")
                .statusCode())
        .isEqualTo(403);
  }
}
