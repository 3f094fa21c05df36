package org.umbrella.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.umbrella.server.TestServer;
import org.umbrella.server.access.Role;

class ApiTest {
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
  void health_answersOk() {
    HttpResponse<String> r = t.get("/health", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"status\":\"ok\"").contains("\"queue-limit\"");
  }

  @Test
  void fileReport_byMonitor_isStoredAsReportedAndVisibleToVerifierButNotThePublicUntilVerified() {
    TestServer.Session monitor = t.signIn(Role.MONITOR);
    HttpResponse<String> filed =
        t.postJson("/api/v1/reports", monitor, TestServer.reportJson("shelling near the school"));
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String id = TestServer.field(filed.body(), "id");
    assertThat(TestServer.field(filed.body(), "status")).isEqualTo("reported");
    assertThat(filed.headers().firstValue("Location")).contains("/api/v1/reports/" + id);

    assertThat(t.get("/api/v1/reports/" + id, null).statusCode()).isEqualTo(404);
    assertThat(t.get("/api/v1/reports", null).body()).doesNotContain(id);

    TestServer.Session verifier = t.signIn(Role.VERIFIER);
    assertThat(t.get("/api/v1/reports?status=reported", verifier).body()).contains(id);
    assertThat(
            t.postJson(
                    "/api/v1/reports/" + id + "/reviews", verifier, "{\"status\":\"corroborated\"}")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> reviewed =
        t.postJson(
            "/api/v1/reports/" + id + "/reviews",
            verifier,
            "{\"status\":\"verified\",\"actor\":{\"party\":\"RU\",\"confidence\":0.9},\"note\":\"two independent sources\"}");
    assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
    assertThat(TestServer.field(reviewed.body(), "status")).isEqualTo("verified");

    assertThat(t.get("/api/v1/reports/" + id, null).statusCode()).isEqualTo(200);
    assertThat(t.get("/api/v1/reports?kind=shelling", null).body()).contains(id);
    assertThat(t.get("/api/v1/reports?kind=riot", null).body()).doesNotContain(id);
  }

  @Test
  void fileReport_withOutOfRangeLatitude_isProblemNamingTheField() {
    TestServer.Session monitor = t.signIn(Role.MONITOR);
    HttpResponse<String> r =
        t.postJson(
            "/api/v1/reports",
            monitor,
            TestServer.reportJson("x").replace("\"lat\":48.0159", "\"lat\":91"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(TestServer.field(r.body(), "field")).isEqualTo("/place/lat");
    assertThat(TestServer.field(r.body(), "type")).isEqualTo("urn:umbrella:problem:invalid-input");
  }

  @Test
  void fileReport_atZeroZero_isProblemNamingThePlace_asTheFormRefusesIt() {
    TestServer.Session monitor = t.signIn(Role.MONITOR);
    HttpResponse<String> r =
        t.postJson(
            "/api/v1/reports",
            monitor,
            TestServer.reportJson("lost fix")
                .replace("\"lat\":48.0159,\"lon\":37.8029", "\"lat\":0,\"lon\":0.0"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(TestServer.field(r.body(), "field")).isEqualTo("/place");
    assertThat(TestServer.field(r.body(), "detail")).contains("0, 0");
  }

  @Test
  void listReports_withBadLimit_isProblemNamingTheParameter() {
    HttpResponse<String> r = t.get("/api/v1/reports?limit=0", null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(TestServer.field(r.body(), "field")).isEqualTo("?limit");
  }

  @Test
  void metrics_exposePrometheusTextWithRequestCountsByRouteTemplate() {
    t.get("/health", null);
    t.get("/api/v1/reports/no-such-report", null);
    // the administrator's (or a token scoped to read-metrics): issue 10 took them from the public
    HttpResponse<String> r =
        t.get("/metrics", t.signIn(org.umbrella.server.access.Role.ADMINISTRATOR));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("umbrella_http_requests_total")
        .contains("jvm_memory_used_bytes")
        .contains("umbrella_http_requests_total{method=\"GET\",route=\"/health\",status=\"200\"}")
        // by template, not by the id in the URL, so an id cannot blow up the series count
        .contains("route=\"/api/v1/reports/{id}\"")
        .doesNotContain("no-such-report");
  }
}
