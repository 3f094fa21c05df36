package org.umbrella.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.umbrella.server.Browser;
import org.umbrella.server.TestDb;
import org.umbrella.server.TestServer;

/**
 * Login CSRF, over HTTP: a sign-in posted from another site (no cookie, a foreign {@code Origin},
 * or {@code Sec-Fetch-Site: cross-site}) does not sign the browser in, on the form and on the API;
 * the sign-in form posted from its own page still works.
 */
class LoginCsrfTest {
  static TestServer t;

  @BeforeAll
  static void start() {
    t = new TestServer();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static final String FORM = "username=observer&password=" + TestServer.PASSWORD.replace(' ', '+');

  @Test
  void crossSiteFormPost_withoutCookie_fromAForeignOrigin_signsNobodyIn() {
    long before = logins();
    Browser victim = new Browser(t.base());
    HttpResponse<String> r =
        victim.send(
            "POST",
            "/login",
            "application/x-www-form-urlencoded",
            FORM,
            "Origin",
            "https://attacker.example",
            "Sec-Fetch-Site",
            "cross-site",
            "Sec-Fetch-Mode",
            "navigate");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    assertThat(TestServer.cookie(r)).isEmpty();
    assertThat(victim.get("/api/v1/me").statusCode()).isEqualTo(401);
    assertThat(logins()).isEqualTo(before);
  }

  @Test
  void crossSiteFormPost_withoutAnyFetchMetadata_andNoPreSession_isRefused() {
    // an old browser sends neither Sec-Fetch-Site nor (for some requests) Origin: the form's
    // pre-session token decides
    Browser victim = new Browser(t.base());
    HttpResponse<String> r =
        victim.send("POST", "/login", "application/x-www-form-urlencoded", FORM);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    assertThat(victim.get("/api/v1/me").statusCode()).isEqualTo(401);
  }

  @Test
  void apiSignIn_fromAForeignOrigin_isRefused() {
    Browser victim = new Browser(t.base());
    HttpResponse<String> r =
        victim.send(
            "POST",
            "/api/v1/session",
            "application/json",
            "{\"username\":\"observer\",\"password\":\"" + TestServer.PASSWORD + "\"}",
            "Origin",
            "https://attacker.example");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    assertThat(TestServer.field(r.body(), "type")).isEqualTo("urn:umbrella:problem:csrf");
    HttpResponse<String> fetchMeta =
        victim.send(
            "POST",
            "/api/v1/session",
            "application/json",
            "{\"username\":\"observer\",\"password\":\"" + TestServer.PASSWORD + "\"}",
            "Sec-Fetch-Site",
            "cross-site");
    assertThat(fetchMeta.statusCode()).isEqualTo(403);
  }

  @Test
  void theSignInForm_postedFromItsOwnPage_signsIn() {
    Browser b = new Browser(t.base());
    HttpResponse<String> form = b.get("/login");
    String csrf = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]*)\".*", "$1");
    assertThat(csrf).isNotBlank().doesNotContain("<");
    HttpResponse<String> r =
        b.send(
            "POST",
            "/login",
            "application/x-www-form-urlencoded",
            FORM + "&_csrf=" + csrf,
            "Origin",
            t.base(),
            "Sec-Fetch-Site",
            "same-origin");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    assertThat(b.get("/api/v1/me").statusCode()).isEqualTo(200);
  }

  static long logins() {
    return TestDb.jdbi()
        .withHandle(
            h ->
                h.createQuery("select count(*) from audit_event where action = 'session.login'")
                    .mapTo(Long.class)
                    .one());
  }
}
