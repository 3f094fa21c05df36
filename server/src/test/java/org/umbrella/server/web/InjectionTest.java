package org.umbrella.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.umbrella.server.TestDb;
import org.umbrella.server.TestServer;
import org.umbrella.server.access.Role;
import org.umbrella.server.http.Json;

/**
 * SQL and HTML/JS in every free-text field are stored as data, returned verbatim by the API and
 * shown escaped on every page that displays them.
 */
class InjectionTest {
  static TestServer t;
  static final List<String> PAYLOADS =
      List.of(
          "<script>alert('x')</script>",
          "\"><img src=x onerror=alert(1)>",
          "'; drop table ops_report; --",
          "Robert'); DELETE FROM account; --",
          "javascript:alert(1)",
          "${7*7} {{7*7}} <%= 7*7 %>");

  @BeforeAll
  static void start() {
    t = new TestServer();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  @Test
  void everyTextField_withScriptOrSql_isStoredVerbatimAndRenderedInert() throws Exception {
    TestServer.Session monitor = t.signIn(Role.MONITOR);
    TestServer.Session verifier = t.signIn(Role.VERIFIER);
    for (String p : PAYLOADS) {
      var body =
          (com.fasterxml.jackson.databind.node.ObjectNode)
              Json.MAPPER.readTree(TestServer.reportJson(p));
      body.put("target", p);
      var src = (com.fasterxml.jackson.databind.node.ObjectNode) body.get("sources").get(0);
      src.put("id", p);
      src.put("kind", p);
      src.put("group", p);
      body.putArray("tags").add(p);
      HttpResponse<String> filed = t.postJson("/api/v1/reports", monitor, body.toString());
      assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
      var stored = Json.MAPPER.readTree(filed.body());
      assertThat(stored.get("summary").asText()).isEqualTo(p);
      assertThat(stored.get("target").asText()).isEqualTo(p);
      assertThat(stored.get("sources").get(0).get("id").asText()).isEqualTo(p);
      String id = stored.get("id").asText();
      assertThat(
              t.postJson(
                      "/api/v1/reports/" + id + "/reviews",
                      verifier,
                      "{\"status\":\"corroborated\"}")
                  .statusCode())
          .isEqualTo(200);
      HttpResponse<String> reviewed =
          t.postJson(
              "/api/v1/reports/" + id + "/reviews",
              verifier,
              Json.MAPPER.createObjectNode().put("status", "verified").put("note", p).toString());
      assertThat(reviewed.statusCode()).isEqualTo(200);

      for (String page : List.of("/reports/" + id, "/", "/daily?date=2026-03-09", "/review")) {
        HttpResponse<String> html = t.get(page, verifier);
        assertThat(html.statusCode()).as(page).isEqualTo(200);
        assertThat(html.body())
            .as(page)
            .doesNotContain(p.contains("<") || p.contains("\"") ? p : "\u0000never");
        assertThat(html.body())
            .as(page)
            .doesNotContain("<script>alert")
            .doesNotContain("<img src=x");
      }
      assertThat(unescape(t.get("/reports/" + id, verifier).body())).contains(p);
    }
    // the tables the SQL payloads name are intact
    long reports =
        TestDb.jdbi()
            .withHandle(
                h -> h.createQuery("select count(*) from ops_report").mapTo(Long.class).one());
    long accounts =
        TestDb.jdbi()
            .withHandle(h -> h.createQuery("select count(*) from account").mapTo(Long.class).one());
    assertThat(reports).isEqualTo(PAYLOADS.size());
    assertThat(accounts).isEqualTo(Role.values().length);
  }

  @Test
  void obligationAnswer_withScript_isShownEscaped() {
    t.obligation("o-inj", TestServer.PARTY);
    TestServer.Session rep = t.signIn(Role.GUARANTOR_REPRESENTATIVE);
    String p = PAYLOADS.get(1);
    HttpResponse<String> r =
        t.postJson(
            "/api/v1/obligations/o-inj/answers",
            rep,
            Json.MAPPER
                .createObjectNode()
                .put("answer", "fulfilled")
                .put("decision", p)
                .put("note", p)
                .toString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String html = t.get("/obligations", rep).body();
    assertThat(html).doesNotContain(p).doesNotContain("<img src=x");
    assertThat(unescape(html)).contains(p);
  }

  /** The text a browser would display for {@code html}'s character references. */
  static String unescape(String html) {
    return html.replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
