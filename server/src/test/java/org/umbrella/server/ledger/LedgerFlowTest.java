package org.umbrella.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.umbrella.ledger.Checkpoint;
import org.umbrella.ledger.ProofBundle;
import org.umbrella.server.TestDb;
import org.umbrella.server.TestServer;
import org.umbrella.server.access.Role;
import org.umbrella.server.ops.Audit;
import org.umbrella.store.VerifyReport;

/**
 * Changes made through the HTTP API become ledger leaves in the transaction that stores them: a
 * report, its review and attribution, a body member's vote, a guarantor's answer, the engine's
 * outputs and a new account each have a leaf whose proof, fetched from the API, checks offline
 * against the signed checkpoint; the store's verification of the server's database passes; and
 * proofs are shown only to whoever may read the record.
 */
class LedgerFlowTest {
  static TestServer t;

  @BeforeAll
  static void start() {
    t = new TestServer();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void reportReviewVoteAnswerAndAccount_areLeavesWithProofsThatCheckAgainstTheSignedCheckpoint()
      throws Exception {
    TestServer.Session monitor = t.signIn(Role.MONITOR);
    HttpResponse<String> filed =
        t.postJson(
            "/api/v1/reports", monitor, TestServer.reportJson("ledger: shelling near the school"));
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String report = TestServer.field(filed.body(), "id");

    // before verification the public may neither see the report nor have its proof
    assertThat(t.get("/api/v1/reports/" + report + "/proof", null).statusCode()).isEqualTo(404);

    TestServer.Session verifier = t.signIn(Role.VERIFIER);
    assertThat(
            t.postJson(
                    "/api/v1/reports/" + report + "/reviews",
                    verifier,
                    "{\"status\":\"corroborated\"}")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> reviewed =
        t.postJson(
            "/api/v1/reports/" + report + "/reviews",
            verifier,
            "{\"status\":\"verified\",\"actor\":{\"party\":\"RU\",\"confidence\":0.9},\"note\":\"ledger: two groups agree\"}");
    assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);

    String finding = t.candidate("ledger-finding", "special-commission", "RU").id();
    HttpResponse<String> voted =
        t.postJson(
            "/api/v1/findings/" + finding + "/votes",
            t.signIn(Role.BODY_MEMBER),
            "{\"vote\":\"confirm\"}");
    assertThat(voted.statusCode()).as(voted.body()).isEqualTo(200);

    String obligation = t.obligation("ledger-obligation", TestServer.PARTY).id();
    TestServer.Session guarantor = t.signIn(Role.GUARANTOR_REPRESENTATIVE);
    HttpResponse<String> answered =
        t.postJson(
            "/api/v1/obligations/" + obligation + "/answers",
            guarantor,
            "{\"answer\":\"fulfilled\",\"decision\":\"diplomatic\",\"note\":\"ledger: consultations held\"}");
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);

    TestServer.Session admin = t.signIn(Role.ADMINISTRATOR);
    HttpResponse<String> account =
        t.postJson(
            "/api/v1/accounts",
            admin,
            "{\"username\":\"ledger-observer\",\"role\":\"observer\",\"party\":\"GB\",\"password\":\"long enough password\"}");
    assertThat(account.statusCode()).as(account.body()).isEqualTo(201);

    // the store's verification of the server's database: every row hashes to its leaf, every head
    // signed
    VerifyReport verified = t.server.services().operations().ledger().verify();
    assertThat(verified.divergence()).as("ledger divergence").isEmpty();
    assertThat(verified.treeSize()).isPositive();

    HttpResponse<String> cp = t.get("/api/v1/ledger/checkpoint", null);
    assertThat(cp.statusCode()).as(cp.body()).isEqualTo(200);
    long size = Long.parseLong(cp.body().replaceAll("(?s).*\"tree-size\":(\\d+).*", "$1"));
    assertThat(size).isEqualTo(verified.treeSize());

    // each record, its leaf, who may have the proof, and what its leaf must say
    record Expect(String what, String sql, TestServer.Session reader, String leafContains) {}
    List<Expect> expected =
        List.of(
            // who filed a report, its earlier versions, the reviewers' notes and the attribution's
            // basis are the
            // mechanism's (issue 10); the verified version is everyone's
            new Expect(
                "the report as filed",
                "select leaf_index from incident_reports where incident_id = '" + report + "'",
                monitor,
                "ledger: shelling near the school"),
            new Expect(
                "the incident as filed",
                "select leaf_index from incident_versions where incident_id = '"
                    + report
                    + "' and version = 1",
                monitor,
                "\\\"status\\\":\\\"reported\\\""),
            new Expect(
                "the verified incident",
                "select leaf_index from incident_versions where incident_id = '"
                    + report
                    + "' and version = 3",
                null,
                "\\\"status\\\":\\\"verified\\\""),
            new Expect(
                "the review",
                "select max(leaf_index) from reviews where incident_id = '" + report + "'",
                verifier,
                "ledger: two groups agree"),
            new Expect(
                "the attribution",
                "select leaf_index from attributions where incident_id = '" + report + "'",
                verifier,
                "\"party\":\"RU\""),
            new Expect(
                "the vote",
                "select leaf_index from votes where determination_id = '" + finding + "'",
                t.signIn(Role.BODY_MEMBER),
                "\"answer\":\"confirm\""),
            new Expect(
                "the body's tally",
                "select leaf_index from determinations where determination_id = '" + finding + "'",
                t.signIn(Role.BODY_MEMBER),
                "\"US\":\"confirm\""),
            new Expect(
                "the guarantor's answer",
                "select leaf_index from guarantor_responses where response_id = 'resp-"
                    + obligation
                    + "'",
                guarantor,
                "ledger: consultations held"),
            new Expect(
                "the engine's finding",
                "select min(leaf_index) from engine_outputs where output_kind = 'engine' and body->>'line' like '%\"id\":\""
                    + finding
                    + "\"%'",
                t.signIn(Role.BODY_MEMBER),
                "\\\"status\\\":\\\"candidate\\\""),
            new Expect(
                "the engine's obligation",
                "select min(leaf_index) from engine_outputs where output_kind = 'engine' and body->>'line' like '%\"id\":\""
                    + obligation
                    + "\"%'",
                guarantor,
                "\\\"party\\\":\\\"US\\\""),
            new Expect(
                "the account",
                "select leaf_index from accounts where username = 'ledger-observer'",
                admin,
                "\"role\":\"observer\""),
            new Expect(
                "the account's party",
                "select leaf_index from account_parties where username = 'ledger-observer'",
                admin,
                "\"party\":\"GB\""));
    for (Expect e : expected) {
      long leaf = TestDb.jdbi().withHandle(h -> h.createQuery(e.sql()).mapTo(Long.class).one());
      HttpResponse<String> proof = t.get("/api/v1/ledger/proof/" + leaf, e.reader());
      assertThat(proof.statusCode())
          .as("%s (leaf %d): %s", e.what(), leaf, proof.body())
          .isEqualTo(200);
      ProofBundle bundle = ProofBundle.parse(proof.body());
      Checkpoint checked =
          bundle.verify(TestDb.ledgerKey().verifier()); // throws unless it proves inclusion
      assertThat(bundle.leafIndex()).isEqualTo(leaf);
      assertThat(checked.size()).isEqualTo(size);
      assertThat(bundle.leaf()).as(e.what()).contains(e.leafContains());
    }

    // the report's own proof route gives its current version, now to the public as it is verified
    HttpResponse<String> reportProof = t.get("/api/v1/reports/" + report + "/proof", null);
    assertThat(reportProof.statusCode()).as(reportProof.body()).isEqualTo(200);
    assertThat(ProofBundle.parse(reportProof.body()).leaf())
        .contains("\\\"status\\\":\\\"verified\\\"");
    assertThat(t.get("/reports/" + report, null).body())
        .contains("/api/v1/reports/" + report + "/proof");

    // party and body scoping of proofs: deliberations, answers and accounts are not the public's
    long voteLeaf =
        TestDb.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select leaf_index from votes where determination_id = :f")
                        .bind("f", finding)
                        .mapTo(Long.class)
                        .one());
    long answerLeaf =
        TestDb.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select leaf_index from guarantor_responses")
                        .mapTo(Long.class)
                        .one());
    long accountLeaf =
        TestDb.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select leaf_index from accounts where username = 'ledger-observer'")
                        .mapTo(Long.class)
                        .one());
    for (TestServer.Session outsider :
        new TestServer.Session[] {null, t.signIn(Role.OBSERVER), monitor}) {
      assertThat(t.get("/api/v1/ledger/proof/" + voteLeaf, outsider).statusCode()).isEqualTo(404);
      assertThat(t.get("/api/v1/ledger/proof/" + answerLeaf, outsider).statusCode()).isEqualTo(404);
      assertThat(t.get("/api/v1/ledger/proof/" + accountLeaf, outsider).statusCode())
          .isEqualTo(404);
    }
    assertThat(t.get("/api/v1/ledger/proof/" + voteLeaf, admin).statusCode())
        .as("the administrator is not on the body")
        .isEqualTo(404);
    assertThat(t.get("/api/v1/ledger/proof/" + (size + 10), admin).statusCode()).isEqualTo(404);
    assertThat(t.get("/api/v1/ledger/proof/x", admin).statusCode()).isEqualTo(400);

    // the audit trail and the ledger agree on what was filed
    long audited =
        TestDb.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(*) from audit_event where action = 'report.filed'")
                        .mapTo(Long.class)
                        .one());
    long reportLeaves =
        TestDb.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(*) from incident_reports").mapTo(Long.class).one());
    assertThat(reportLeaves).isEqualTo(audited);
  }

  @Test
  void concurrentReports_areGroupCommittedAndEveryAcknowledgedOneIsALeaf() throws Exception {
    TestServer.Session monitor = t.signIn(Role.MONITOR);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<HttpResponse<String>>> sent = new ArrayList<>();
    for (int i = 0; i < 160; i++) {
      String summary = "concurrent " + i;
      sent.add(
          pool.submit(
              () -> t.postJson("/api/v1/reports", monitor, TestServer.reportJson(summary))));
    }
    List<String> ids = new ArrayList<>();
    for (Future<HttpResponse<String>> f : sent) {
      HttpResponse<String> r = f.get();
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      ids.add(TestServer.field(r.body(), "id"));
    }
    pool.shutdown();
    for (String id : ids) {
      long leaves =
          TestDb.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select count(*) from incident_reports r join incident_versions v on v.incident_id = r.incident_id where r.incident_id = :id")
                          .bind("id", id)
                          .mapTo(Long.class)
                          .one());
      assertThat(leaves).as("leaves of %s", id).isEqualTo(1);
    }
    assertThat(t.server.services().operations().ledger().verify().divergence()).isEmpty();
  }

  @Test
  void aChangeThatFailsBeforeCommit_leavesNoServerRowNoAuditRowAndNoLeaf() {
    ServerLedger ledger = t.server.services().operations().ledger();
    Map<String, Long> before = counts();
    String checkpoint = ledger.checkpoint().orElse("");
    assertThatThrownBy(
            () ->
                ledger.write(
                    (h, records) -> {
                      h.createUpdate(
                              "insert into ops_body (id, title, members) values ('doomed', 'Doomed', 'US')")
                          .execute();
                      Audit.record(
                          h, t.clock.instant(), "test", "body.defined", "doomed", Map.of());
                      records.vote("doomed", "US", "confirm", "never committed");
                      throw new IllegalStateException("the process dies here");
                    }))
        .hasMessageContaining("dies here");
    assertThat(counts()).isEqualTo(before);
    assertThat(ledger.checkpoint().orElse("")).isEqualTo(checkpoint);
    assertThat(ledger.verify().divergence()).isEmpty();
  }

  private static Map<String, Long> counts() {
    return TestDb.jdbi()
        .withHandle(
            h ->
                Map.of(
                    "ops_body",
                        h.createQuery("select count(*) from ops_body").mapTo(Long.class).one(),
                    "audit_event",
                        h.createQuery("select count(*) from audit_event").mapTo(Long.class).one(),
                    "votes", h.createQuery("select count(*) from votes").mapTo(Long.class).one(),
                    "ledger_leaves",
                        h.createQuery("select count(*) from ledger_leaves").mapTo(Long.class).one(),
                    "tree_heads",
                        h.createQuery("select count(*) from tree_heads").mapTo(Long.class).one()));
  }
}
