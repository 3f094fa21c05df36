package org.umbrella.server.access.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umbrella.server.ServerOptions;
import org.umbrella.server.TestServer;
import org.umbrella.server.access.Role;

/**
 * OpenID Connect sign-in against a real OAuth 2.0 / OIDC provider running in the test (NAV's
 * mock-oauth2-server: discovery, authorization endpoint with PKCE checking, token endpoint,
 * RS256-signed ID tokens, JWKS), driven through the server's own endpoints with redirects followed
 * by hand, as a browser would.
 */
class OidcSignInTest {
  static final String ISSUER_ID = "umbrella-idp";
  static final String CLIENT_ID = "umbrella-test";

  static final CannedTokenAnswer tokenAnswer = new CannedTokenAnswer();
  static MockOAuth2Server idp;
  static TestServer server;
  static long alice;

  @BeforeAll
  static void start(@TempDir Path tmp) throws Exception {
    idp = new MockOAuth2Server(tokenAnswer);
    idp.start();
    Path secret = Files.writeString(tmp.resolve("client-secret"), "s3cret-of-the-test-client\n");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    OidcConfig config =
        OidcConfig.withSecretFile(
            URI.create(idp.issuerUrl(ISSUER_ID).toString()),
            CLIENT_ID,
            secret,
            URI.create("http://127.0.0.1:" + port + OidcConfig.CALLBACK_PATH),
            "Test IdP");
    server = new TestServer(ServerOptions.defaults(port).withOidc(Optional.of(config)));
    // an administrator creates the account, with the email the provider will vouch for
    HttpResponse<String> created =
        server.postJson(
            "/api/v1/accounts",
            server.signIn(Role.ADMINISTRATOR),
            """
        {"username":"alice","display-name":"Alice","role":"monitor","password":"%s","email":"Alice@Example.org"}"""
                .formatted(TestServer.PASSWORD));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    alice = server.server.services().accounts().byUsername("alice").orElseThrow().id();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (idp != null) {
      idp.shutdown();
    }
  }

  /**
   * The provider's answer for the next sign-in: who, which extra claims, how long the ID token
   * lives.
   */
  static void nextSignIn(String subject, Map<String, Object> claims, long expirySeconds) {
    idp.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, expirySeconds));
  }

  static Map<String, Object> email(String address, boolean verified) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("email", address);
    m.put("email_verified", verified);
    return m;
  }

  /**
   * A sign-in started at the server: the provider URL the browser is sent to and the binding
   * cookie.
   */
  record Started(URI authorize, String binding) {}

  static Started begin(String sessionCookie) {
    HttpResponse<String> r =
        get(
            URI.create(server.base() + OidcConfig.LOGIN_PATH),
            sessionCookie == null ? null : "umbrella_session=" + sessionCookie);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    URI authorize = URI.create(r.headers().firstValue("Location").orElseThrow());
    String binding = setCookie(r, "umbrella_oidc").orElseThrow();
    assertThat(r.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).contains("umbrella_oidc=").contains("HttpOnly"));
    return new Started(authorize, binding);
  }

  /**
   * Lets the provider answer the authorization request; returns the callback URL it redirects to.
   */
  static URI atProvider(Started s) {
    HttpResponse<String> r = get(s.authorize(), null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    URI callback = URI.create(r.headers().firstValue("Location").orElseThrow());
    assertThat(callback.toString()).startsWith(server.base() + OidcConfig.CALLBACK_PATH + "?");
    return callback;
  }

  static HttpResponse<String> callback(URI callback, String binding, String sessionCookie) {
    StringBuilder cookie = new StringBuilder();
    if (binding != null) {
      cookie.append("umbrella_oidc=").append(binding);
    }
    if (sessionCookie != null) {
      cookie.append(cookie.isEmpty() ? "" : "; ").append("umbrella_session=").append(sessionCookie);
    }
    return get(callback, cookie.isEmpty() ? null : cookie.toString());
  }

  /** The whole flow for the provider's next answer; returns the server's answer to the callback. */
  static HttpResponse<String> signIn(
      String subject, Map<String, Object> claims, long expirySeconds) {
    nextSignIn(subject, claims, expirySeconds);
    Started s = begin(null);
    return callback(atProvider(s), s.binding(), null);
  }

  static String usernameOf(String sessionCookie) {
    HttpResponse<String> r =
        server.get("/api/v1/session", new TestServer.Session(sessionCookie, null));
    return r.body().contains("\"account\":null") ? null : TestServer.field(r.body(), "username");
  }

  @Test
  void codeFlowWithPkce_verifiedEmailOfAnAccount_linksItAndStartsAFreshSession() {
    // an anonymous session exists first (the login page's); signing in must replace it
    String before = TestServer.cookie(server.get("/api/v1/session", null)).orElseThrow();
    nextSignIn("alice-at-idp", email("alice@example.org", true), 3600);
    Started started = begin(before);
    Map<String, String> q = query(started.authorize());
    assertThat(started.authorize().toString())
        .startsWith(idp.authorizationEndpointUrl(ISSUER_ID).toString());
    assertThat(q)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("code_challenge_method", "S256")
        .containsKeys("code_challenge", "state", "nonce");
    assertThat(q.get("scope")).contains("openid");

    HttpResponse<String> done = callback(atProvider(started), started.binding(), before);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
    assertThat(done.headers().firstValue("Location")).contains("/?done=signed-in");
    String after = TestServer.cookie(done).orElseThrow();
    assertThat(after).as("a new session id (no fixation)").isNotEqualTo(before);
    assertThat(usernameOf(after)).isEqualTo("alice");
    assertThat(usernameOf(before)).as("the old session is gone").isNull();
    assertThat(done.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("umbrella_session=")
                    .contains("HttpOnly")
                    .containsIgnoringCase("SameSite=Strict"));

    // later sign-ins find the account by (issuer, subject), whatever the email now says
    HttpResponse<String> again =
        signIn("alice-at-idp", email("alice.new@example.org", false), 3600);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(303);
    assertThat(usernameOf(TestServer.cookie(again).orElseThrow())).isEqualTo("alice");
    // a second identity of the same provider with alice's email is not linked to her account too
    HttpResponse<String> second = signIn("someone-else", email("alice@example.org", true), 3600);
    assertThat(second.statusCode()).isEqualTo(403);
    assertThat(TestServer.cookie(second)).isEmpty();
  }

  @Test
  void loginPage_offersTheProvider() {
    HttpResponse<String> page = server.get("/login", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("href=\"/auth/oidc/login\"").contains("Sign in with Test IdP");
  }

  @Test
  void unknownIdentity_getsAClearPageAndNoSession() {
    for (Map<String, Object> claims :
        List.of(
            email("nobody@example.org", true),
            email("alice@example.org", false),
            Map.<String, Object>of())) {
      HttpResponse<String> r = signIn("stranger-" + claims.hashCode(), claims, 3600);
      assertThat(r.statusCode()).as(claims.toString()).isEqualTo(403);
      assertThat(r.body()).contains("no account for this identity; ask an administrator");
      assertThat(TestServer.cookie(r)).as("no session").isEmpty();
    }
    assertThat(server.server.services().accounts().byUsername("stranger")).isEmpty();
  }

  @Test
  void wrongState_orAnotherBrowser_orAReplay_isRejected() {
    // no answer is queued at the provider: none of these gets as far as the token endpoint
    Started s = begin(null);
    URI good = atProvider(s);
    String state = query(good).get("state");
    URI forged = URI.create(good.toString().replace("state=" + state, "state=" + state + "x"));
    HttpResponse<String> wrong = callback(forged, s.binding(), null);
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("was not started in this browser");
    assertThat(TestServer.cookie(wrong)).isEmpty();

    HttpResponse<String> otherBrowser = callback(good, "a-binding-this-server-never-issued", null);
    assertThat(otherBrowser.statusCode()).isEqualTo(400);
    assertThat(TestServer.cookie(otherBrowser)).isEmpty();

    // the other browser's attempt used the sign-in up: the real browser must start again
    HttpResponse<String> replay = callback(good, s.binding(), null);
    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(TestServer.cookie(replay)).isEmpty();
  }

  @Test
  void idTokenWithAnotherNonce_isRejected() {
    Map<String, Object> claims = email("alice@example.org", true);
    claims.put("nonce", "a-nonce-from-another-sign-in");
    HttpResponse<String> r = signIn("alice-at-idp", claims, 3600);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
    assertThat(r.body()).contains("ID token was rejected").containsIgnoringCase("nonce");
    assertThat(TestServer.cookie(r)).isEmpty();
  }

  @Test
  void expiredIdToken_isRejected() {
    // The provider would not issue an expired token, so its token endpoint answers once with one
    // it signed with its own key: right issuer, audience and nonce, expired ten minutes ago.
    Started s = begin(null);
    URI callback = atProvider(s);
    Map<String, Object> claims = email("alice@example.org", true);
    claims.put("nonce", query(s.authorize()).get("nonce"));
    claims.put(
        "exp",
        java.time.Instant.now()
            .minus(Duration.ofMinutes(10))
            .getEpochSecond()); // beyond the 60 s skew
    String idToken =
        idp.issueToken(
                ISSUER_ID,
                CLIENT_ID,
                new DefaultOAuth2TokenCallback(
                    ISSUER_ID, "alice-at-idp", "JWT", List.of(CLIENT_ID), claims, 3600))
            .serialize();
    tokenAnswer.next =
        "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"id_token\":\""
            + idToken
            + "\"}";
    HttpResponse<String> r = callback(callback, s.binding(), null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
    assertThat(r.body()).contains("ID token was rejected").containsIgnoringCase("expired");
    assertThat(TestServer.cookie(r)).isEmpty();
  }

  @Test
  void idTokenOfAnotherIssuer_isRejected() {
    Map<String, Object> claims = email("alice@example.org", true);
    claims.put("iss", "https://idp.example.net/other");
    HttpResponse<String> r = signIn("alice-at-idp", claims, 3600);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
    assertThat(r.body()).contains("ID token was rejected").containsIgnoringCase("issuer");
    assertThat(TestServer.cookie(r)).isEmpty();
  }

  // ---- plumbing

  /**
   * A route of the provider that, when armed, answers the next token request with a given body
   * (once); otherwise the provider's own token endpoint answers.
   */
  static final class CannedTokenAnswer implements Route {
    volatile String next;

    @Override
    public boolean match(OAuth2HttpRequest request) {
      return next != null
          && "POST".equals(request.getMethod())
          && request.getUrl().encodedPath().endsWith("/token");
    }

    @Override
    public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
      String body = next;
      next = null;
      return new OAuth2HttpResponse(
          okhttp3.Headers.of("Content-Type", "application/json"), 200, body, null);
    }
  }

  @Test
  void administratorLinksAndUnlinksAnIdentity_throughTheApi_auditedAndLedgered() {
    TestServer.Session admin = server.signIn(Role.ADMINISTRATOR);
    HttpResponse<String> created =
        server.postJson(
            "/api/v1/accounts",
            admin,
            """
        {"username":"bob","display-name":"Bob","role":"verifier","password":"%s"}"""
                .formatted(TestServer.PASSWORD));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long bob = server.server.services().accounts().byUsername("bob").orElseThrow().id();
    String issuer = idp.issuerUrl(ISSUER_ID).toString();
    // no email, no link: refused
    assertThat(signIn("bob-at-idp", Map.of(), 3600).statusCode()).isEqualTo(403);

    HttpResponse<String> linked =
        server.postJson(
            "/api/v1/accounts/" + bob + "/identities",
            admin,
            "{\"issuer\":\"" + issuer + "\",\"subject\":\"bob-at-idp\"}");
    assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
    assertThat(server.get("/api/v1/accounts/" + bob + "/identities", admin).body())
        .contains("\"subject\":\"bob-at-idp\"");
    HttpResponse<String> twice =
        server.postJson(
            "/api/v1/accounts/" + bob + "/identities",
            admin,
            "{\"issuer\":\"" + issuer + "\",\"subject\":\"bob-elsewhere\"}");
    assertThat(twice.statusCode()).as("one identity per provider per account").isEqualTo(409);
    HttpResponse<String> bad =
        server.postJson(
            "/api/v1/accounts/" + bob + "/identities",
            admin,
            "{\"issuer\":\"not a url\",\"subject\":\"x\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(TestServer.field(bad.body(), "field")).isEqualTo("/issuer");

    HttpResponse<String> in = signIn("bob-at-idp", Map.of(), 3600);
    assertThat(in.statusCode()).as(in.body()).isEqualTo(303);
    assertThat(usernameOf(TestServer.cookie(in).orElseThrow())).isEqualTo("bob");

    String query =
        "?issuer="
            + java.net.URLEncoder.encode(issuer, StandardCharsets.UTF_8)
            + "&subject=bob-at-idp";
    HttpResponse<String> unlinked =
        server.send("DELETE", "/api/v1/accounts/" + bob + "/identities" + query, admin, null, null);
    assertThat(unlinked.statusCode()).as(unlinked.body()).isEqualTo(204);
    assertThat(
            server
                .send(
                    "DELETE", "/api/v1/accounts/" + bob + "/identities" + query, admin, null, null)
                .statusCode())
        .isEqualTo(404);
    assertThat(signIn("bob-at-idp", Map.of(), 3600).statusCode())
        .as("unlinked: no sign-in")
        .isEqualTo(403);

    // the administration page links it again (a form with the CSRF token) and shows it with an
    // unlink control
    HttpResponse<String> byPage =
        server.send(
            "POST",
            "/admin/accounts/" + bob + "/identities",
            admin,
            "application/x-www-form-urlencoded",
            "_csrf=" + admin.csrf() + "&" + query.substring(1));
    assertThat(byPage.statusCode()).as(byPage.body()).isEqualTo(303);
    assertThat(server.get("/admin", admin).body())
        .contains("Unlink bob-at-idp from bob")
        .contains("/admin/accounts/" + bob + "/identities/unlink");
    assertThat(usernameOf(TestServer.cookie(signIn("bob-at-idp", Map.of(), 3600)).orElseThrow()))
        .isEqualTo("bob");

    List<String> audited =
        server
            .server
            .services()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select action from audit_event where subject = 'bob' and action like 'account.oidc-%' order by id")
                        .mapTo(String.class)
                        .list());
    assertThat(audited)
        .containsExactly("account.oidc-linked", "account.oidc-unlinked", "account.oidc-linked");
    List<String> ledgered =
        server
            .server
            .services()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            """
            select i.linked || ' ' || i.subject || ' ' || i.changed_by from account_identities i
            join ledger_leaves l on l.leaf_index = i.leaf_index and l.table_name = 'account_identities' and l.row_id = i.id
            where i.username = 'bob' order by i.id""")
                        .mapTo(String.class)
                        .list());
    assertThat(ledgered)
        .containsExactly(
            "true bob-at-idp administrator",
            "false bob-at-idp administrator",
            "true bob-at-idp administrator");
    assertThat(server.server.services().operations().ledger().verify().ok()).isTrue();
  }

  @Test
  void signingOut_ofAProviderSession_endsItAtTheProviderToo_passwordSessionsStayLocal() {
    TestServer.Session admin = server.signIn(Role.ADMINISTRATOR);
    assertThat(
            server
                .postJson(
                    "/api/v1/accounts",
                    admin,
                    """
        {"username":"carol","display-name":"Carol","role":"observer","password":"%s","email":"carol@example.org"}"""
                        .formatted(TestServer.PASSWORD))
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> in = signIn("carol-at-idp", email("carol@example.org", true), 3600);
    assertThat(in.statusCode()).as(in.body()).isEqualTo(303);
    String cookie = TestServer.cookie(in).orElseThrow();
    String csrf =
        TestServer.field(
            server.get("/api/v1/session", new TestServer.Session(cookie, null)).body(),
            "csrf-token");

    HttpResponse<String> out =
        server.send(
            "POST",
            "/logout",
            new TestServer.Session(cookie, null),
            "application/x-www-form-urlencoded",
            "_csrf=" + csrf);
    assertThat(out.statusCode()).as(out.body()).isEqualTo(303);
    URI endSession = URI.create(out.headers().firstValue("Location").orElseThrow());
    assertThat(endSession.toString()).startsWith(idp.endSessionEndpointUrl(ISSUER_ID).toString());
    Map<String, String> q = query(endSession);
    assertThat(q)
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("post_logout_redirect_uri", server.base() + "/login?done=signed-out")
        .containsKeys("state", "id_token_hint");
    assertThat(usernameOf(cookie)).as("the session here is over").isNull();
    // the provider ends its session and sends the browser back to the sign-in page
    HttpResponse<String> atProvider = get(endSession, null);
    assertThat(atProvider.statusCode()).as(atProvider.body()).isEqualTo(302);
    assertThat(atProvider.headers().firstValue("Location").orElseThrow())
        .startsWith(server.base() + "/login?done=signed-out");

    // a password session signs out here only
    TestServer.Session local = server.signIn(Role.OBSERVER);
    HttpResponse<String> localOut =
        server.send(
            "POST", "/logout", local, "application/x-www-form-urlencoded", "_csrf=" + local.csrf());
    assertThat(localOut.statusCode()).isEqualTo(303);
    assertThat(localOut.headers().firstValue("Location").orElseThrow())
        .isEqualTo("/login?done=signed-out");
  }

  static HttpResponse<String> get(URI uri, String cookie) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    try {
      return server.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Optional<String> setCookie(HttpResponse<?> r, String name) {
    for (String h : r.headers().allValues("Set-Cookie")) {
      Matcher m = Pattern.compile(Pattern.quote(name) + "=([^;]*)").matcher(h);
      if (m.find() && !m.group(1).isEmpty()) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }

  static Map<String, String> query(URI uri) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
