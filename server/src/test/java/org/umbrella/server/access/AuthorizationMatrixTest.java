package org.umbrella.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.umbrella.server.TestServer;
import org.umbrella.server.http.Route;
import org.umbrella.server.ops.Operations;

/**
 * Every route the server registers x every role (and the public) x a resource of the account's own
 * party (or body) and of another: the response allows or denies exactly as {@link AccessPolicy}
 * says. The expectation is computed from the policy table; the outcome is observed over HTTP,
 * through the real router, sessions and CSRF tokens.
 */
class AuthorizationMatrixTest {
  static TestServer t;
  static int counter;

  @BeforeAll
  static void start() {
    // The matrix signs in many times from one address; the throttle has its own test.
    t =
        new TestServer(
            new org.umbrella.server.ServerOptions(
                "127.0.0.1",
                0,
                false,
                org.umbrella.server.ServerOptions.DEFAULT_MAX_BODY,
                100_000,
                java.time.Duration.ofMinutes(15)));
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  enum Owner {
    OWN,
    OTHER
  }

  record Case(Route route, Optional<Role> role, Owner owner) {
    @Override
    public String toString() {
      return route.method()
          + " "
          + route.path()
          + " as "
          + role.map(Role::slug).orElse("public")
          + " on "
          + owner;
    }
  }

  record Request(String path, String contentType, String body, Scope scope) {}

  @Test
  void everyRouteEveryRoleOwnAndOtherParty_allowsExactlyWhatThePolicySays() {
    List<Route> routes = t.server.routes();
    assertThat(routes).hasSizeGreaterThan(40);
    assertThat(routes)
        .anyMatch(r -> r.path().equals("/metrics"))
        .anyMatch(r -> r.path().equals("/api/v1/webhooks/{id}"));
    List<String> unexpectedAllows = new ArrayList<>();
    List<String> unexpectedDenials = new ArrayList<>();
    Map<Role, TestServer.Session> sessions = new HashMap<>();
    // the public as a browser is: with the pre-session the sign-in form gives (no database row)
    HttpResponse<String> pre = t.get("/api/v1/session", null);
    TestServer.Session publicBrowser =
        new TestServer.Session(
            TestServer.cookie(pre).orElseThrow(), TestServer.field(pre.body(), "csrf-token"));
    int cases = 0;
    List<Optional<Role>> principals = new ArrayList<>();
    principals.add(Optional.empty());
    for (Role r : Role.values()) {
      principals.add(Optional.of(r));
    }
    for (Route route : routes) {
      for (Optional<Role> role : principals) {
        for (Owner owner : Owner.values()) {
          Case c = new Case(route, role, owner);
          Request req = request(route, owner, role);
          TestServer.Session session =
              role.map(r -> sessions.computeIfAbsent(r, t::signIn)).orElse(publicBrowser);
          Principal principal =
              role.<Principal>map(r -> new Principal.Authenticated(t.accounts.get(r), false))
                  .orElse(Principal.ANONYMOUS);
          boolean expected = AccessPolicy.allows(principal, route.action(), req.scope());
          HttpResponse<String> res =
              t.send(route.method().name(), req.path(), session, req.contentType(), req.body());
          String type = Optional.ofNullable(TestServer.field(res.body(), "type")).orElse("");
          assertThat(type)
              .as("CSRF or session setup failed for %s: %s", c, res.body())
              .isNotEqualTo("urn:umbrella:problem:csrf");
          boolean denied =
              type.equals("urn:umbrella:problem:unauthenticated")
                  || type.equals("urn:umbrella:problem:forbidden");
          assertThat(res.statusCode()).as("%s: %s", c, res.body()).isLessThan(500);
          if (!denied && !expected) {
            unexpectedAllows.add(c + " -> " + res.statusCode());
          }
          if (denied && expected) {
            unexpectedDenials.add(c + " -> " + res.statusCode() + " " + res.body());
          }
          if (route.path().endsWith("/session") && route.method().name().equals("DELETE")
              || route.path().equals("/logout")) {
            role.ifPresent(sessions::remove); // signed out: sign in again for the next case
          }
          cases++;
        }
      }
    }
    assertThat(unexpectedAllows).as("unexpected allows").isEmpty();
    assertThat(unexpectedDenials).as("unexpected denials").isEmpty();
    assertThat(cases).isEqualTo(routes.size() * (Role.values().length + 1) * 2);
  }

  /** A well-formed request for {@code route} touching a fresh resource of the given owner. */
  static Request request(Route route, Owner owner, Optional<Role> role) {
    String p = route.path().replaceAll("<([a-z-]+)>", "{$1}");
    if (p.equals("/api/v1/obligations") || p.equals("/obligations")) {
      // a list of obligations touches the caller's own party (the list is filtered to it)
      Scope own =
          role.flatMap(r -> t.accounts.get(r).party())
              .<Scope>map(Scope.OfParty::new)
              .orElse(Scope.NONE);
      return new Request(p, null, null, own);
    }
    String own = TestServer.PARTY;
    Scope none = Scope.NONE;
    boolean ownSide = owner == Owner.OWN;
    if (p.contains("/findings/{id}")) {
      String body = ownSide ? "special-commission" : "other-body";
      Operations.Finding f = t.candidate("f-" + (++counter), body, "RU");
      Operations.Body b = t.server.services().operations().body(body).orElseThrow();
      String path = p.replace("{id}", f.id());
      return p.startsWith("/api/")
          ? new Request(
              path,
              json(route),
              route.method().name().equals("POST") ? "{\"vote\":\"confirm\"}" : null,
              new Scope.OfBody(b.id(), b.members()))
          : new Request(
              path,
              "application/x-www-form-urlencoded",
              "vote=confirm",
              new Scope.OfBody(b.id(), b.members()));
    }
    if (p.contains("/obligations/{id}")) {
      String party = ownSide ? own : TestServer.OTHER;
      Operations.Obligation o = t.obligation("o-" + (++counter), party);
      String path = p.replace("{id}", o.id());
      boolean post = route.method().name().equals("POST");
      return p.startsWith("/api/")
          ? new Request(
              path,
              json(route),
              post ? "{\"answer\":\"fulfilled\",\"decision\":\"diplomatic\"}" : null,
              new Scope.OfParty(party))
          : new Request(
              path,
              "application/x-www-form-urlencoded",
              "answer=fulfilled&decision=diplomatic",
              new Scope.OfParty(party));
    }
    if (p.contains("/ledger/proof/{leaf}")) {
      // a leaf every caller may read: the engine output recording a guarantee's status (public)
      org.umbrella.server.ops.Operations ops = t.server.services().operations();
      t.engineOutput(
          new org.umbrella.engine.output.StatusRecord(
              "st-matrix-" + (++counter),
              t.clock.instant(),
              "matrix-" + counter,
              org.umbrella.engine.output.GuaranteeStatus.ACTIVE,
              org.umbrella.engine.output.GuaranteeStatus.INACTIVE,
              new org.umbrella.engine.output.Cause("matrix", "test", List.of(), List.of())));
      long leaf =
          t.server
              .services()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select max(leaf_index) from engine_outputs")
                          .mapTo(Long.class)
                          .one());
      return new Request(p.replace("{leaf}", Long.toString(leaf)), null, null, none);
    }
    if (p.contains("/reports/{id}")) {
      String id =
          t.server
              .services()
              .operations()
              .fileReport(
                  org.umbrella.server.ops.ReportInput.parse(
                      org.umbrella.server.http.Json.MAPPER.valueToTree(
                          readTree(TestServer.reportJson("matrix")))),
                  "monitor")
              .id();
      String path = p.replace("{id}", id);
      if (p.endsWith("/reviews")) {
        return new Request(path, "application/json", "{\"status\":\"corroborated\"}", none);
      }
      if (p.endsWith("/review")) {
        return new Request(
            path,
            "application/x-www-form-urlencoded",
            "status=corroborated&actor=RU&confidence=0.5",
            none);
      }
      return new Request(path, null, null, none);
    }
    if (p.contains("/accounts/{id}/identities")) {
      // a fresh account; unlinking needs an identity linked to it first
      org.umbrella.server.access.Account a =
          t.server
              .services()
              .accounts()
              .create(
                  "idm" + (++counter),
                  "Identity matrix",
                  Role.OBSERVER,
                  Optional.empty(),
                  TestServer.PASSWORD);
      String issuer = "https://idp.example.org/realms/matrix";
      String subject = "subject-" + counter;
      String path = p.replace("{id}", Long.toString(a.id()));
      String method = route.method().name();
      if (method.equals("DELETE") || p.endsWith("/unlink")) {
        new org.umbrella.server.access.oidc.OidcAccounts(
                t.server.services().jdbi(), t.server.services().accounts(), t.clock)
            .link(
                a.id(),
                new org.umbrella.server.access.oidc.IdentityLink(issuer, subject),
                "matrix");
      }
      String query =
          "issuer="
              + java.net.URLEncoder.encode(issuer, java.nio.charset.StandardCharsets.UTF_8)
              + "&subject="
              + subject;
      if (!p.startsWith("/api/")) {
        return new Request(path, "application/x-www-form-urlencoded", query, none);
      }
      return switch (method) {
        case "POST" ->
            new Request(
                path,
                "application/json",
                "{\"issuer\":\"" + issuer + "\",\"subject\":\"" + subject + "\"}",
                none);
        case "DELETE" -> new Request(path + "?" + query, null, null, none);
        default -> new Request(path, null, null, none);
      };
    }
    if (p.startsWith("/admin/accounts/{id}/")) {
      // a fresh account to disable or give a new password
      org.umbrella.server.access.Account a =
          t.server
              .services()
              .accounts()
              .create(
                  "adm" + (++counter),
                  "Admin matrix",
                  Role.OBSERVER,
                  Optional.empty(),
                  TestServer.PASSWORD);
      return new Request(
          p.replace("{id}", Long.toString(a.id())),
          "application/x-www-form-urlencoded",
          "password=another+long+enough+passphrase+" + counter,
          none);
    }
    if (p.contains("/webhooks/{id}")) {
      return new Request(p.replace("{id}", "999999"), null, null, none);
    }
    if (p.contains("/me/tokens/{id}")) {
      return new Request(p.replace("{id}", "999999"), null, null, none);
    }
    String body =
        switch (route.method().name() + " " + p) {
          case "POST /api/v1/session" ->
              "{\"username\":\"nobody\",\"password\":\"wrong password here\"}";
          case "POST /api/v1/reports" -> TestServer.reportJson("matrix");
          case "POST /api/v1/me/tokens" -> "{\"label\":\"matrix\"}";
          case "POST /api/v1/provisions/{id}/reports" -> "{\"level\":2,\"note\":\"matrix\"}";
          case "POST /api/v1/accounts" ->
              "{\"username\":\"u"
                  + (++counter)
                  + "\",\"role\":\"observer\",\"password\":\"long enough password\"}";
          case "POST /api/v1/webhooks" ->
              "{\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"0123456789abcdef0123\",\"events\":\"report.filed\"}";
          case "POST /login" -> "username=nobody&password=wrong";
          case "POST /logout" -> "";
          case "POST /provisions/{id}/report" -> "level=2&note=matrix";
          case "POST /admin/accounts" ->
              "username=w"
                  + (++counter)
                  + "&display-name=Matrix&role=observer&password=long+enough+password+here";
          case "POST /reports" ->
              "time=2026-03-09T04:10:00Z&time-precision=exact&kind=shelling&lat=48&lon=37.8&place-precision=near&actor=RU"
                  + "&confidence=0.5&sources=patrol-1%2C+patrol%2C+team-1&summary=matrix";
          default -> null;
        };
    if (route.method().name().equals("GET") || route.method().name().equals("DELETE")) {
      return new Request(p, null, null, none);
    }
    if (body == null) {
      throw new AssertionError(
          "no request fixture for "
              + route.method()
              + " "
              + p
              + "; add one so the matrix covers it");
    }
    return new Request(
        p.replace("{id}", "ceasefire"),
        p.startsWith("/api/") ? "application/json" : "application/x-www-form-urlencoded",
        body,
        none);
  }

  static String json(Route route) {
    return route.method().name().equals("POST") ? "application/json" : null;
  }

  static com.fasterxml.jackson.databind.JsonNode readTree(String s) {
    try {
      return org.umbrella.server.http.Json.MAPPER.readTree(s);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
