package org.umbrella.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.umbrella.server.TestDb;
import org.umbrella.server.TestServer;

/** CSRF protection, session fixation, login throttling, cookie flags and secrets at rest. */
class SessionSecurityTest {
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
  void unsafeRequest_withSessionButWithoutCsrfToken_isRefusedAndStoresNothing() {
    TestServer.Session monitor = t.signIn(Role.MONITOR);
    long before = reports();
    HttpResponse<String> r =
        t.postJson(
            "/api/v1/reports",
            new TestServer.Session(monitor.cookie(), null),
            TestServer.reportJson("csrf"));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(TestServer.field(r.body(), "type")).isEqualTo("urn:umbrella:problem:csrf");
    HttpResponse<String> wrong =
        t.postJson(
            "/api/v1/reports",
            new TestServer.Session(monitor.cookie(), "forged"),
            TestServer.reportJson("csrf"));
    assertThat(wrong.statusCode()).isEqualTo(403);
    HttpResponse<String> form =
        t.send(
            "POST",
            "/reports",
            new TestServer.Session(monitor.cookie(), null),
            "application/x-www-form-urlencoded",
            "kind=shelling&_csrf=forged");
    assertThat(form.statusCode()).isEqualTo(403);
    assertThat(reports()).isEqualTo(before);
    assertThat(t.postJson("/api/v1/reports", monitor, TestServer.reportJson("csrf")).statusCode())
        .isEqualTo(201);
  }

  @Test
  void unsafeRequest_byApiToken_needsNoCsrfToken() {
    String token = t.server.services().tokens().issue(t.accounts.get(Role.MONITOR).id(), "test");
    HttpResponse<String> r =
        t.send("POST", "/api/v1/reports", null, "application/json", TestServer.reportJson("token"));
    assertThat(r.statusCode()).isEqualTo(401);
    java.net.http.HttpRequest req =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(t.base() + "/api/v1/reports"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TestServer.reportJson("token")))
            .build();
    assertThat(send(req).statusCode()).isEqualTo(201);
    java.net.http.HttpRequest bad =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(t.base() + "/api/v1/me"))
            .header("Authorization", "Bearer umb_not-a-real-token")
            .build();
    assertThat(send(bad).statusCode()).isEqualTo(401);
  }

  @Test
  void login_issuesANewSessionId_andThePreLoginIdIsDead() {
    HttpResponse<String> pre = t.get("/api/v1/session", null);
    String planted = TestServer.cookie(pre).orElseThrow();
    String preCsrf = TestServer.field(pre.body(), "csrf-token");
    HttpResponse<String> login =
        t.postJson(
            "/api/v1/session",
            new TestServer.Session(planted, preCsrf),
            "{\"username\":\"verifier\",\"password\":\"" + TestServer.PASSWORD + "\"}");
    assertThat(login.statusCode()).isEqualTo(200);
    String after = TestServer.cookie(login).orElseThrow();
    assertThat(after).isNotEqualTo(planted);
    assertThat(TestServer.field(login.body(), "csrf-token")).isNotEqualTo(preCsrf);
    // the id an attacker planted before login does not carry the victim's login
    assertThat(t.get("/api/v1/me", new TestServer.Session(planted, null)).statusCode())
        .isEqualTo(401);
    assertThat(t.get("/api/v1/me", new TestServer.Session(after, null)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void sessionCookie_isHttpOnlyAndSameSiteStrict_andSessionIdsAreHashedAtRest() {
    HttpResponse<String> pre = t.get("/api/v1/session", null);
    String header =
        pre.headers().allValues("Set-Cookie").stream()
            .filter(h -> h.startsWith("umbrella_session="))
            .findFirst()
            .orElseThrow();
    assertThat(header)
        .containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Strict")
        .contains("Path=/");
    assertThat(header)
        .doesNotContainIgnoringCase("Secure"); // plain HTTP here; --secure-cookies behind TLS
    String id = TestServer.cookie(pre).orElseThrow();
    long stored =
        TestDb.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from web_session where encode(id_hash, 'escape') like :id")
                        .bind("id", "%" + id + "%")
                        .mapTo(Long.class)
                        .one());
    assertThat(stored).isZero();
  }

  @Test
  void logout_endsTheSession() {
    TestServer.Session s = t.signIn(Role.OBSERVER);
    assertThat(t.send("DELETE", "/api/v1/session", s, null, null).statusCode()).isEqualTo(204);
    assertThat(t.get("/api/v1/me", s).statusCode()).isEqualTo(401);
  }

  @Test
  void login_afterFiveFailures_isThrottledEvenWithTheRightPassword_untilTheWindowPasses() {
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> r = login("observer", "wrong password " + i);
      assertThat(r.statusCode()).isEqualTo(401);
    }
    HttpResponse<String> throttled = login("observer", TestServer.PASSWORD);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    t.clock.advance(java.time.Duration.ofMinutes(16));
    assertThat(login("observer", TestServer.PASSWORD).statusCode()).isEqualTo(200);
    long audited =
        TestDb.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from audit_event where action = 'session.failed'")
                        .mapTo(Long.class)
                        .one());
    assertThat(audited).isGreaterThanOrEqualTo(5);
    String details =
        TestDb.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select string_agg(detail::text, ' ') from audit_event")
                        .mapTo(String.class)
                        .one());
    assertThat(details).doesNotContain("wrong password").doesNotContain(TestServer.PASSWORD);
  }

  @Test
  void passwords_areStoredAsArgon2id() {
    String hash =
        TestDb.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select password_hash from account where username = 'monitor'")
                        .mapTo(String.class)
                        .one());
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(Passwords.matches(TestServer.PASSWORD, hash)).isTrue();
    assertThat(Passwords.matches("something else entirely", hash)).isFalse();
  }

  private HttpResponse<String> login(String user, String password) {
    HttpResponse<String> pre = t.get("/api/v1/session", null);
    return t.postJson(
        "/api/v1/session",
        new TestServer.Session(
            TestServer.cookie(pre).orElseThrow(), TestServer.field(pre.body(), "csrf-token")),
        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
  }

  private long reports() {
    return TestDb.jdbi()
        .withHandle(h -> h.createQuery("select count(*) from ops_report").mapTo(Long.class).one());
  }

  private HttpResponse<String> send(java.net.http.HttpRequest req) {
    try {
      return t.http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
