package org.umbrella.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.umbrella.server.ServerOptions;
import org.umbrella.server.TestAgreement;
import org.umbrella.server.TestDb;
import org.umbrella.server.TestServer;
import org.umbrella.server.access.Role;

/**
 * What the public and other parties learn through public channels, over HTTP: {@code /metrics} is
 * not the public's; a provision report's note (the mechanism's) does not reach the public status;
 * an obligation of another party and a missing one get the same answer, as do another body's
 * candidate finding and a missing one; and a public proof of a report does not name who filed it or
 * carry the reviewers' notes (docs/server.md, "Who may have a proof").
 */
class PublicLeaksTest {
  static TestServer t;

  @BeforeAll
  static void start() {
    t = new TestServer(ServerOptions.defaults(0), Optional.of(TestAgreement.ukraine()));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void metrics_areNotThePublics() {
    t.get("/api/v1/reports", null);
    HttpResponse<String> r = t.get("/metrics", null);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).doesNotContain("umbrella_http_requests_total").doesNotContain("jvm_");
    // a signed-in account without the right to read metrics is refused too
    assertThat(t.get("/metrics", t.signIn(Role.OBSERVER)).statusCode()).isEqualTo(403);
  }

  @Test
  void aProvisionReportsNote_isTheMechanisms_notInThePublicStatus() {
    TestServer.Session verifier = t.signIn(Role.VERIFIER);
    HttpResponse<String> reported =
        t.postJson(
            "/api/v1/provisions/army-cap/reports",
            verifier,
            "{\"level\":2,\"note\":\"source: liaison officer Kovalenko, do not publish\"}");
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(202);
    String mechanism = t.get("/api/v1/status", verifier).body();
    assertThat(mechanism).contains("liaison officer Kovalenko");
    String publicStatus = t.get("/api/v1/status", null).body();
    assertThat(publicStatus)
        .contains("army-cap")
        .contains("implementation reported at level 2")
        .doesNotContain("Kovalenko");
    assertThat(t.get("/api/v1/status", t.signIn(Role.OBSERVER)).body()).doesNotContain("Kovalenko");
    // nor through the proof of the status's ledger leaf
    long leaf =
        TestDb.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select max(leaf_index) from engine_outputs where output_kind = 'engine' and body->>'line' like '%Kovalenko%'")
                        .mapTo(Long.class)
                        .one());
    assertThat(t.get("/api/v1/ledger/proof/" + leaf, null).statusCode()).isEqualTo(404);
    assertThat(t.get("/api/v1/ledger/proof/" + leaf, verifier).statusCode()).isEqualTo(200);
  }

  @Test
  void anotherPartysObligation_andAMissingOne_getTheSameAnswer() {
    t.obligation("o-leak-gb", TestServer.OTHER);
    TestServer.Session us = t.signIn(Role.GUARANTOR_REPRESENTATIVE);
    sameAnswer(
        t.get("/api/v1/obligations/o-leak-gb", us),
        t.get("/api/v1/obligations/o-leak-missing", us));
    sameAnswer(
        t.postJson("/api/v1/obligations/o-leak-gb/answers", us, "{\"answer\":\"waived\"}"),
        t.postJson("/api/v1/obligations/o-leak-missing/answers", us, "{\"answer\":\"waived\"}"));
    // and another body's candidate finding, to a member of a body it is not on
    t.candidate("f-leak-other", "other-body", "RU");
    TestServer.Session member = t.signIn(Role.BODY_MEMBER);
    sameAnswer(
        t.postJson("/api/v1/findings/f-leak-other/votes", member, "{\"vote\":\"confirm\"}"),
        t.postJson("/api/v1/findings/f-leak-missing/votes", member, "{\"vote\":\"confirm\"}"));
  }

  @Test
  void aPublicProofOfAReport_namesNeitherTheFilerNorCarriesTheReviewNotes() {
    TestServer.Session monitor = t.signIn(Role.MONITOR);
    String report =
        TestServer.field(
            t.postJson("/api/v1/reports", monitor, TestServer.reportJson("proof privacy")).body(),
            "id");
    TestServer.Session verifier = t.signIn(Role.VERIFIER);
    assertThat(
            t.postJson(
                    "/api/v1/reports/" + report + "/reviews",
                    verifier,
                    "{\"status\":\"corroborated\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            t.postJson(
                    "/api/v1/reports/" + report + "/reviews",
                    verifier,
                    "{\"status\":\"verified\",\"actor\":{\"party\":\"RU\",\"confidence\":0.9},\"note\":\"informant in Pokrovsk\"}")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> current = t.get("/api/v1/reports/" + report + "/proof", null);
    assertThat(current.statusCode()).isEqualTo(200);
    assertThat(current.body()).doesNotContain("informant").doesNotContain("monitor");
    for (String sql :
        java.util.List.of(
            "select leaf_index from incident_reports where incident_id = :id",
            "select max(leaf_index) from reviews where incident_id = :id",
            "select leaf_index from attributions where incident_id = :id",
            "select leaf_index from incident_versions where incident_id = :id and version = 1")) {
      long leaf =
          TestDb.jdbi()
              .withHandle(h -> h.createQuery(sql).bind("id", report).mapTo(Long.class).one());
      assertThat(t.get("/api/v1/ledger/proof/" + leaf, null).statusCode()).as(sql).isEqualTo(404);
      assertThat(t.get("/api/v1/ledger/proof/" + leaf, verifier).statusCode())
          .as(sql)
          .isEqualTo(200);
    }
  }

  static void sameAnswer(HttpResponse<String> other, HttpResponse<String> missing) {
    assertThat(other.statusCode())
        .as(other.body() + " vs " + missing.body())
        .isEqualTo(missing.statusCode());
    assertThat(TestServer.field(other.body(), "type"))
        .isEqualTo(TestServer.field(missing.body(), "type"));
    assertThat(TestServer.field(other.body(), "detail"))
        .isEqualTo(TestServer.field(missing.body(), "detail"));
    assertThat(TestServer.field(other.body(), "field"))
        .isEqualTo(TestServer.field(missing.body(), "field"));
  }
}
