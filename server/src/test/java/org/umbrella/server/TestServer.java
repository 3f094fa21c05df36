package org.umbrella.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.umbrella.server.access.Account;
import org.umbrella.server.access.Role;
import org.umbrella.server.ops.Operations;

/**
 * A running server on the test database with one account per role, a determining body and helpers
 * to sign in and send requests. Accounts of {@link #PARTY} are "own party" in tests.
 */
public final class TestServer implements AutoCloseable {
  /** The party of the test accounts that act for a party. */
  public static final String PARTY = "US";

  /** Another guarantor. */
  public static final String OTHER = "GB";

  public static final String PASSWORD = "correct horse battery staple";

  public final UmbrellaServer server;
  public final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T12:00:00Z"));
  public final Map<Role, Account> accounts = new EnumMap<>(Role.class);
  public final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  public TestServer() {
    this(ServerOptions.defaults(0));
  }

  public TestServer(ServerOptions options) {
    this(options, Optional.empty());
  }

  /** A server enforcing {@code agreement} (its provisions and guarantees known to the engine). */
  public TestServer(
      ServerOptions options, Optional<org.umbrella.agreement.model.Agreement> agreement) {
    this(options, agreement, Optional.empty(), true);
  }

  /**
   * A server in cluster mode when {@code cluster} is given; {@code first}: on a fresh database with
   * the test accounts made, else another instance on the same database as a first one (no accounts
   * of its own: sign in with the first one's).
   */
  public TestServer(
      ServerOptions options,
      Optional<org.umbrella.agreement.model.Agreement> agreement,
      Optional<org.umbrella.server.cluster.ClusterSettings> cluster,
      boolean first) {
    if (first) {
      TestDb.reset();
    }
    server =
        UmbrellaServer.start(
            TestDb.dataSource(),
            TestDb.ledgerKey(),
            clock,
            options,
            agreement,
            agreement.map(List::of).orElse(List.of()),
            Optional.empty(),
            cluster);
    if (!first) {
      return;
    }
    ServerComponents s = server.services();
    for (Role r : Role.values()) {
      Optional<String> party =
          switch (r) {
            case ADMINISTRATOR, MONITOR, VERIFIER -> Optional.empty();
            default -> Optional.of(PARTY);
          };
      accounts.put(
          r,
          s.accounts().create(r.slug().replace("-", ""), "Test " + r.slug(), r, party, PASSWORD));
    }
    s.operations()
        .defineBody(
            new Operations.Body(
                "special-commission",
                "Special Commission",
                java.util.Set.of("US", "GB", "FR", "DE", "UA")));
    s.operations()
        .defineBody(
            new Operations.Body(
                "other-body", "A body the US is not on", java.util.Set.of("FR", "DE")));
  }

  public String base() {
    return "http://127.0.0.1:" + server.port();
  }

  /** A signed-in browser-like client: session cookie plus CSRF token. */
  public record Session(String cookie, String csrf) {}

  /** Signs {@code role}'s account in through the JSON API, as a browser's script would. */
  public Session signIn(Role role) {
    return signIn(accounts.get(role).username(), PASSWORD);
  }

  public Session signIn(String username, String password) {
    HttpResponse<String> pre = send("GET", "/api/v1/session", null, null, null);
    String preCookie = cookie(pre).orElseThrow();
    String preCsrf = field(pre.body(), "csrf-token");
    HttpResponse<String> r =
        send(
            "POST",
            "/api/v1/session",
            new Session(preCookie, preCsrf),
            "application/json",
            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    if (r.statusCode() != 200) {
      throw new AssertionError("sign-in failed: " + r.statusCode() + " " + r.body());
    }
    return new Session(cookie(r).orElseThrow(), field(r.body(), "csrf-token"));
  }

  public HttpResponse<String> get(String path, Session session) {
    return send("GET", path, session, null, null);
  }

  public HttpResponse<String> postJson(String path, Session session, String json) {
    return send("POST", path, session, "application/json", json);
  }

  /** Sends a request; {@code session} may be null (the public). */
  public HttpResponse<String> send(
      String method, String path, Session session, String contentType, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20));
    if (session != null) {
      b.header("Cookie", "umbrella_session=" + session.cookie());
      if (session.csrf() != null) {
        b.header("X-CSRF-Token", session.csrf());
      }
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes {@code request} as it is on a socket to the server (for requests no HTTP client would
   * send: malformed chunking, bad URIs, huge headers), closes the sending side, and answers all the
   * server wrote back (status line, headers, body) as ISO-8859-1 text.
   */
  public String raw(String request) {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(15_000);
      s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      s.shutdownOutput();
      return new String(
          s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static Optional<String> cookie(HttpResponse<?> r) {
    for (String h : r.headers().allValues("Set-Cookie")) {
      Matcher m = Pattern.compile("umbrella_session=([^;]*)").matcher(h);
      if (m.find() && !m.group(1).isEmpty()) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }

  public static String field(String json, String name) {
    Matcher m =
        Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    return m.find() ? m.group(1) : null;
  }

  /** A valid report body. */
  public static String reportJson(String summary) {
    return """
        {"time":"2026-03-09T04:10:00Z","time-precision":"exact","kind":"shelling",
         "place":{"lat":48.0159,"lon":37.8029,"precision":"near"},"actor":{"party":"RU","confidence":0.7},
         "target":"residential","fatalities":{"low":0,"best":1,"high":2},
         "sources":[{"id":"patrol-12","kind":"patrol","group":"team-3"},{"id":"cam-4","kind":"sensor","group":"cameras"}],
         "tags":["test"],"summary":%s}"""
        .formatted(org.umbrella.server.http.Json.MAPPER.valueToTree(summary).toString());
  }

  /**
   * Seeds a candidate finding for a body, as the engine would record it. This server enforces no
   * agreement, so the row the projection would derive (title and body from the agreement) is
   * written here first, the way the agreement would have it; the output then changes nothing.
   */
  public Operations.Finding candidate(String id, String body, String actor) {
    Operations.Finding f =
        new Operations.Finding(
            id,
            "significant-attack",
            "Significant, deliberate and sustained attack",
            org.umbrella.engine.output.FindingStatus.CANDIDATE,
            actor,
            Optional.of(body),
            List.of(),
            clock.instant(),
            Optional.empty(),
            new LinkedHashMap<>());
    server
        .services()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        """
            insert into ops_finding (id, definition, title, status, actor, body, incidents, raised_at)
            values (:id, :def, :title, 'candidate', :actor, :body, '[]'::jsonb, :raised)""")
                    .bind("id", id)
                    .bind("def", f.definition())
                    .bind("title", f.title())
                    .bind("actor", actor)
                    .bind("body", body)
                    .bind("raised", f.raisedAt())
                    .execute());
    engineOutput(
        new org.umbrella.engine.output.FindingRecord(
            id,
            f.raisedAt(),
            f.definition(),
            org.umbrella.engine.output.FindingStatus.CANDIDATE,
            actor,
            List.of(),
            Optional.empty(),
            new org.umbrella.engine.output.Cause(
                f.definition(), "seeded by the test", List.of(), List.of())));
    return f;
  }

  /**
   * Records {@code out} as the engine records its outputs (a leaf in its canonical encoding, tied
   * to a journal entry: a tick of the clock, journaled for it).
   */
  public void engineOutput(org.umbrella.engine.output.OutputRecord out) {
    Operations ops = server.services().operations();
    ops.journalTick(clock.instant());
    long seq =
        server
            .services()
            .jdbi()
            .withHandle(h -> h.createQuery("select max(seq) from journal").mapTo(Long.class).one());
    ops.recordOutputs(seq, "test@1", List.of(out), null);
  }

  /** Seeds a pending obligation of {@code party}, as the engine would record it. */
  public Operations.Obligation obligation(String id, String party) {
    Operations.Obligation o =
        new Operations.Obligation(
            id,
            "collective-defence",
            "consult",
            party,
            clock.instant().plus(Duration.ofHours(24)),
            org.umbrella.engine.output.ObligationStatus.PENDING,
            clock.instant(),
            Optional.empty(),
            "",
            "",
            Optional.empty());
    engineOutput(
        new org.umbrella.engine.output.ObligationRecord(
            id,
            o.raisedAt(),
            o.guarantee(),
            o.duty(),
            party,
            Optional.of(o.due()),
            org.umbrella.engine.output.ObligationStatus.PENDING,
            "",
            new org.umbrella.engine.output.Cause(
                o.guarantee(), "seeded by the test", List.of(), List.of())));
    return o;
  }

  @Override
  public void close() {
    server.close();
  }
}
