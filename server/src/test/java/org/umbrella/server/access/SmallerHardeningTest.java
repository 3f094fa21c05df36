package org.umbrella.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.umbrella.server.Browser;
import org.umbrella.server.TestDb;
import org.umbrella.server.TestServer;
import org.umbrella.server.http.Json;

/**
 * The smaller findings of the probe (issue 10, item 7), over HTTP: page views create no session
 * rows; weak, common and over-long passwords are refused at creation with the same maximum as at
 * sign-in; API tokens expire and are scoped, and mint no tokens unless their scope says so;
 * authenticated JSON is not cached; Jetty's own error pages carry the security headers.
 */
class SmallerHardeningTest {
  static TestServer t;

  @BeforeAll
  static void start() {
    t = new TestServer();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  /** The longest password accepted, at sign-in and (since issue 10) at creation. */
  static final int MAX_PASSWORD = 1024;

  @Test
  void cookielessPageViews_createNoSessionRows() {
    long before = sessions();
    for (int i = 0; i < 4; i++) {
      for (String page :
          List.of("/", "/map", "/timeline", "/findings", "/agreements", "/login", "/daily")) {
        HttpResponse<String> r = t.get(page, null);
        assertThat(r.statusCode()).as(page).isEqualTo(200);
      }
      t.get("/api/v1/session", null);
    }
    assertThat(sessions()).isEqualTo(before);
  }

  @Test
  void weakCommonAndOverlongPasswords_areRefusedAtCreation_withTheSignInMaximum() {
    TestServer.Session admin = t.signIn(Role.ADMINISTRATOR);
    for (String weak :
        List.of(
            "aaaaaaaaaaaa",
            "123456789012",
            "qwertyuiopas",
            "1q2w3e4r5t6y",
            "passwordpassword",
            "newuser12345678",
            "a".repeat(MAX_PASSWORD + 1))) {
      HttpResponse<String> r =
          t.postJson(
              "/api/v1/accounts",
              admin,
              "{\"username\":\"newuser\",\"role\":\"observer\",\"password\":\"" + weak + "\"}");
      assertThat(r.statusCode())
          .as(weak.length() > 40 ? weak.length() + " characters" : weak)
          .isEqualTo(400);
      assertThat(TestServer.field(r.body(), "field")).isEqualTo("/password");
    }
    // the longest password accepted at creation is accepted at sign-in
    java.util.Random random = new java.util.Random(10);
    StringBuilder longest = new StringBuilder();
    while (longest.length() < MAX_PASSWORD) {
      longest.append((char) ('!' + random.nextInt(94)));
    }
    HttpResponse<String> created =
        t.postJson(
            "/api/v1/accounts",
            admin,
            Json.MAPPER
                .createObjectNode()
                .put("username", "longpass")
                .put("role", "observer")
                .put("password", longest.toString())
                .toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(new Browser(t.base()).signIn("longpass", longest.toString()).statusCode())
        .isEqualTo(200);
    assertThat(new Browser(t.base()).signIn("longpass", longest + "x").statusCode()).isEqualTo(400);
  }

  @Test
  void apiTokens_expire_areScoped_andMintNoTokensUnlessTheirScopeSaysSo() {
    TestServer.Session monitor = t.signIn(Role.MONITOR);
    String readOnly = token(monitor, "{\"label\":\"read only\",\"scope\":[\"read-only\"]}");
    assertThat(bearer("GET", "/api/v1/reports?status=reported", readOnly, null).statusCode())
        .isEqualTo(200);
    HttpResponse<String> filed =
        bearer("POST", "/api/v1/reports", readOnly, TestServer.reportJson("read-only token"));
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(403);

    String plain = token(monitor, "{\"label\":\"plain\"}");
    assertThat(
            bearer("POST", "/api/v1/reports", plain, TestServer.reportJson("plain token"))
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> minted =
        bearer("POST", "/api/v1/me/tokens", plain, "{\"label\":\"minted\"}");
    assertThat(minted.statusCode())
        .as("a token without issue-tokens in its scope mints nothing: " + minted.body())
        .isEqualTo(403);

    String minter =
        token(monitor, "{\"label\":\"minter\",\"scope\":[\"issue-tokens\",\"read-public\"]}");
    assertThat(
            bearer(
                    "POST",
                    "/api/v1/me/tokens",
                    minter,
                    "{\"label\":\"child\",\"scope\":[\"file-report\"]}")
                .statusCode())
        .as("no wider than the minting token")
        .isEqualTo(403);
    assertThat(
            bearer(
                    "POST",
                    "/api/v1/me/tokens",
                    minter,
                    "{\"label\":\"child\",\"scope\":[\"read-public\"]}")
                .statusCode())
        .isEqualTo(201);

    String hour =
        token(
            monitor,
            "{\"label\":\"an hour\",\"expires-at\":\""
                + t.clock.instant().plus(Duration.ofHours(1))
                + "\"}");
    assertThat(bearer("GET", "/api/v1/me", hour, null).statusCode()).isEqualTo(200);
    t.clock.advance(Duration.ofHours(2));
    assertThat(bearer("GET", "/api/v1/me", hour, null).statusCode()).isEqualTo(401);
    assertThat(bearer("GET", "/api/v1/me", plain, null).statusCode()).isEqualTo(200);

    HttpResponse<String> past =
        t.postJson(
            "/api/v1/me/tokens",
            monitor,
            "{\"label\":\"past\",\"expires-at\":\"2020-01-01T00:00:00Z\"}");
    assertThat(past.statusCode()).isEqualTo(400);
    assertThat(TestServer.field(past.body(), "field")).isEqualTo("/expires-at");
    HttpResponse<String> unknown =
        t.postJson("/api/v1/me/tokens", monitor, "{\"label\":\"x\",\"scope\":[\"everything\"]}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(TestServer.field(unknown.body(), "field")).isEqualTo("/scope/0");
  }

  @Test
  void authenticatedJson_isNotCached() {
    TestServer.Session observer = t.signIn(Role.OBSERVER);
    assertThat(t.get("/api/v1/me", observer).headers().firstValue("Cache-Control"))
        .hasValue("no-store");
    assertThat(t.get("/api/v1/reports", observer).headers().firstValue("Cache-Control"))
        .hasValue("no-store");
    String token = token(observer, "{\"label\":\"cache\"}");
    assertThat(bearer("GET", "/api/v1/findings", token, null).headers().firstValue("Cache-Control"))
        .hasValue("no-store");
    assertThat(t.get("/api/v1/session", null).headers().firstValue("Cache-Control"))
        .as("it carries a CSRF token")
        .hasValue("no-store");
  }

  @Test
  void jettysOwnErrorPages_carryTheSecurityHeaders() throws Exception {
    for (String request :
        List.of(
            "GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\nX-Big: "
                + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n",
            "GET /api/v1/reports/%ED%A0%80 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")) {
      String answer = t.raw(request).toLowerCase(Locale.ROOT);
      assertThat(answer).as(answer).startsWith("http/1.1 4");
      assertThat(answer)
          .as(answer)
          .contains("x-content-type-options: nosniff")
          .contains("x-frame-options: deny")
          .contains("content-security-policy: default-src 'self'");
    }
  }

  static String token(TestServer.Session session, String body) {
    HttpResponse<String> r = t.postJson("/api/v1/me/tokens", session, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return TestServer.field(r.body(), "token");
  }

  static HttpResponse<String> bearer(String method, String path, String token, String json) {
    java.net.http.HttpRequest.Builder b =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(t.base() + path))
            .header("Authorization", "Bearer " + token);
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        json == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(json));
    try {
      return t.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static long sessions() {
    return TestDb.jdbi()
        .withHandle(h -> h.createQuery("select count(*) from web_session").mapTo(Long.class).one());
  }
}
