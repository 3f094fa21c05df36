package org.umbrella.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.umbrella.server.TestDb;
import org.umbrella.server.TestServer;
import org.umbrella.server.access.Role;

/**
 * 10,000 generated bad requests (malformed JSON, wrong types, out-of-range values, unknown enum
 * values and fields, oversized and deeply nested bodies, wrong media types, bad query parameters,
 * unknown ids) from accounts allowed to use each route: every answer is a 4xx problem document and
 * the stored data does not change. Seeded, so a failure reproduces.
 */
class BadInputFuzzTest {
  static final int REQUESTS = 10_000;
  static final long SEED = 20260310L;
  static TestServer t;
  static Map<Role, String> tokens = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() {
    t = new TestServer();
    for (Role r : Role.values()) {
      // every action the role has, issuing tokens included, so that every route is fuzzed
      tokens.put(
          r,
          t.server
              .services()
              .tokens()
              .issue(
                  t.accounts.get(r).id(),
                  "fuzz",
                  java.util.EnumSet.allOf(org.umbrella.server.access.Permission.class),
                  java.util.Optional.empty()));
    }
    t.candidate("f-fuzz", "special-commission", "RU");
    t.obligation("o-fuzz", TestServer.PARTY);
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  record Bad(String method, String path, Role role, String contentType, byte[] body, String what) {}

  @Test
  void tenThousandBadRequests_get4xxProblems_andChangeNothing() throws Exception {
    String before = snapshot();
    Random random = new Random(SEED);
    List<Bad> bad = new ArrayList<>();
    String reportId =
        t.server.services().operations().fileReport(ReportInputs.valid(), "monitor").id();
    before = snapshot();
    for (int i = 0; i < REQUESTS; i++) {
      bad.add(generate(random, reportId));
    }
    AtomicInteger fourxx = new AtomicInteger();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<?>> futures = new ArrayList<>();
      for (Bad b : bad) {
        futures.add(
            pool.submit(
                () -> {
                  HttpResponse<String> r = send(b);
                  String type = r.headers().firstValue("Content-Type").orElse("");
                  if (r.statusCode() < 400
                      || r.statusCode() >= 500
                      || !type.startsWith("application/problem+json")) {
                    failures.add(
                        b.what()
                            + " "
                            + b.method()
                            + " "
                            + b.path()
                            + " -> "
                            + r.statusCode()
                            + " "
                            + type
                            + " "
                            + r.body().substring(0, Math.min(200, r.body().length())));
                  } else {
                    fourxx.incrementAndGet();
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    }
    assertThat(failures).as("requests not answered with a 4xx problem").isEmpty();
    assertThat(fourxx.get()).isEqualTo(REQUESTS);
    assertThat(snapshot()).as("stored data after the fuzz").isEqualTo(before);
  }

  /**
   * Each input a probe found answered with 500 (issue 10, item 5): a 4xx problem document naming
   * the field, nothing stored, and no database error text (which carries user data) in the log.
   */
  @Test
  void
      outOfRangeTimes_nul_loneSurrogates_malformedChunking_are4xxNamingTheField_withNothingStoredOrLogged()
          throws Exception {
    String reportId =
        t
            .server
            .services()
            .operations()
            .reports(
                new org.umbrella.server.ops.Operations.ReportFilter(null, null, null, null, null),
                1,
                0)
            .stream()
            .findFirst()
            .map(org.umbrella.server.ops.Report::id)
            .orElseGet(
                () ->
                    t.server
                        .services()
                        .operations()
                        .fileReport(ReportInputs.valid(), "monitor")
                        .id());
    org.umbrella.server.Browser monitor = new org.umbrella.server.Browser(t.base());
    monitor.signIn("monitor", TestServer.PASSWORD); // before the snapshot: signing in is a change
    String before = snapshot();
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
        new ch.qos.logback.core.read.ListAppender<>();
    log.start();
    root.addAppender(log);
    record Case(Bad request, String field) {}
    List<Case> cases = new ArrayList<>();
    for (String time : BAD_TIMES) {
      ObjectNode report = (ObjectNode) Json.MAPPER.readTree(TestServer.reportJson("marker-time"));
      report.put("time", time);
      cases.add(
          new Case(
              json("POST", "/api/v1/reports", Role.MONITOR, report.toString(), "time " + time),
              "/time"));
    }
    for (String poison : POISON) {
      ObjectNode report =
          (ObjectNode) Json.MAPPER.readTree(TestServer.reportJson("marker-summary" + poison));
      cases.add(
          new Case(
              json("POST", "/api/v1/reports", Role.MONITOR, report.toString(), "summary"),
              "/summary"));
      ObjectNode target = (ObjectNode) Json.MAPPER.readTree(TestServer.reportJson("marker-target"));
      target.put("target", "school" + poison);
      cases.add(
          new Case(
              json("POST", "/api/v1/reports", Role.MONITOR, target.toString(), "target"),
              "/target"));
      ObjectNode source = (ObjectNode) Json.MAPPER.readTree(TestServer.reportJson("marker-source"));
      ((ObjectNode) source.get("sources").get(1)).put("group", "cameras" + poison);
      cases.add(
          new Case(
              json("POST", "/api/v1/reports", Role.MONITOR, source.toString(), "source group"),
              "/sources/1/group"));
      String text = Json.MAPPER.getNodeFactory().textNode("marker-note" + poison).toString();
      cases.add(
          new Case(
              json(
                  "POST",
                  "/api/v1/reports/" + reportId + "/reviews",
                  Role.VERIFIER,
                  "{\"status\":\"corroborated\",\"note\":" + text + "}",
                  "review note"),
              "/note"));
      cases.add(
          new Case(
              json(
                  "POST",
                  "/api/v1/me/tokens",
                  Role.OBSERVER,
                  "{\"label\":" + text + "}",
                  "token label"),
              "/label"));
      cases.add(
          new Case(
              json(
                  "POST",
                  "/api/v1/accounts",
                  Role.ADMINISTRATOR,
                  "{\"username\":\"marker\",\"role\":\"observer\",\"password\":\"long enough password 1\",\"display-name\":"
                      + text
                      + "}",
                  "display name"),
              "/display-name"));
      cases.add(
          new Case(
              json("POST", "/api/v1/reports", Role.MONITOR, "{" + text + ":1}", "field name"),
              null));
    }
    cases.add(
        new Case(
            new Bad(
                "GET",
                "/api/v1/reports?from=%2B999999-01-01T00:00:00Z",
                Role.MONITOR,
                null,
                null,
                "?from"),
            "?from"));
    cases.add(
        new Case(
            new Bad(
                "GET", "/api/v1/timeline?to=0000-01-01T00:00:00Z", Role.MONITOR, null, null, "?to"),
            "?to"));
    // refused by Jetty before any route runs, so no field can be named; still a problem document
    cases.add(
        new Case(
            new Bad("GET", "/api/v1/reports/marker%00", Role.MONITOR, null, null, "NUL in a path"),
            null));
    cases.add(
        new Case(
            new Bad(
                "GET",
                "/api/v1/reports?kind=shelling%00",
                Role.MONITOR,
                null,
                null,
                "NUL in a query"),
            "?kind"));
    List<String> wrong = new ArrayList<>();
    for (Case c : cases) {
      HttpResponse<String> r = send(c.request());
      String type = r.headers().firstValue("Content-Type").orElse("");
      String field = TestServer.field(r.body(), "field");
      if (r.statusCode() < 400
          || r.statusCode() >= 500
          || !type.startsWith("application/problem+json")
          || (c.field() != null && !c.field().equals(field))) {
        wrong.add(c.request().what() + " -> " + r.statusCode() + " " + r.body());
      }
    }
    // a form post, decoded by Jetty: NUL in the summary
    HttpResponse<String> form =
        monitor.send(
            "POST",
            "/reports",
            "application/x-www-form-urlencoded",
            "time=2026-03-09T04:10:00Z&kind=shelling&lat=48&lon=37.8&sources=patrol-1&summary=marker-form%00",
            "Accept",
            "application/json");
    if (form.statusCode() != 400) {
      wrong.add("NUL in a form field -> " + form.statusCode() + " " + form.body());
    }
    // malformed chunked bodies, written on a raw socket
    for (String chunked :
        List.of(
            "zz\r\n{\"marker\":1}\r\n0\r\n\r\n",
            "5\r\n{\"marker-chunk\":1}\r\n0\r\n\r\n",
            "ffffffffffffffffffff\r\n{}\r\n0\r\n\r\n",
            "4;x=" + "a".repeat(10) + "\r\n{}\r\r\n")) {
      String answer =
          t.raw(
              "POST /api/v1/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + tokens.get(Role.MONITOR)
                  + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                  + chunked);
      int status = Integer.parseInt(answer.substring(9, 12));
      if (status < 400
          || status >= 500
          || !answer
              .toLowerCase(java.util.Locale.ROOT)
              .contains("content-type: application/problem+json")) {
        wrong.add(
            "malformed chunking "
                + chunked.replace("\r\n", "\\r\\n")
                + " -> "
                + answer.replace("\r\n", " | "));
      }
    }
    root.detachAppender(log);
    assertThat(wrong).as("inputs not answered with a 4xx problem naming the field").isEmpty();
    assertThat(snapshot()).as("stored data").isEqualTo(before);
    List<String> logged =
        log.list.stream()
            .map(
                e ->
                    e.getFormattedMessage()
                        + (e.getThrowableProxy() == null
                            ? ""
                            : " "
                                + e.getThrowableProxy().getClassName()
                                + ": "
                                + e.getThrowableProxy().getMessage()))
            .toList();
    assertThat(logged)
        .as("the log")
        .noneMatch(
            l -> l.contains("marker") || l.contains("ERROR:") || l.contains("PSQLException"));
    assertThat(log.list)
        .as("nothing logged as an error")
        .noneMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR);
  }

  static Bad generate(Random r, String reportId) throws Exception {
    int kind = r.nextInt(14);
    ObjectNode report =
        (ObjectNode) Json.MAPPER.readTree(TestServer.reportJson("fuzz " + r.nextInt()));
    String valid = report.toString();
    return switch (kind) {
      case 0 ->
          json(
              "POST",
              "/api/v1/reports",
              Role.MONITOR,
              valid.substring(0, r.nextInt(valid.length() - 1)),
              "truncated JSON");
      case 1 -> {
        String field =
            pick(
                r,
                List.of(
                    "time",
                    "kind",
                    "place",
                    "sources",
                    "time-precision",
                    "fatalities",
                    "actor",
                    "tags",
                    "summary",
                    "target"));
        report.set(field, wrongType(r, field));
        yield json(
            "POST", "/api/v1/reports", Role.MONITOR, report.toString(), "wrong type for " + field);
      }
      case 2 -> {
        ObjectNode place = (ObjectNode) report.get("place");
        switch (r.nextInt(5)) {
          case 0 -> place.put("lat", 90.0001 + r.nextInt(1000));
          case 1 -> place.put("lat", -90.0001 - r.nextInt(1000));
          case 2 -> place.put("lon", 180.0001 + r.nextInt(1000));
          case 3 -> ((ObjectNode) report.get("actor")).put("confidence", 1.0001 + r.nextInt(100));
          default ->
              ((ObjectNode) report.get("fatalities")).put("low", 5 + r.nextInt(100)).put("best", 0);
        }
        yield json("POST", "/api/v1/reports", Role.MONITOR, report.toString(), "out of range");
      }
      case 3 -> {
        report.put("kind", "kind-" + r.nextInt(1_000_000));
        yield json("POST", "/api/v1/reports", Role.MONITOR, report.toString(), "unknown kind");
      }
      case 4 -> {
        report.put("x" + r.nextInt(1_000_000), r.nextInt());
        yield json("POST", "/api/v1/reports", Role.MONITOR, report.toString(), "unknown field");
      }
      case 5 -> {
        report.put("summary", "A".repeat(65 * 1024 + r.nextInt(10_000)));
        yield json("POST", "/api/v1/reports", Role.MONITOR, report.toString(), "oversized body");
      }
      case 6 ->
          new Bad(
              "POST",
              "/api/v1/reports",
              Role.MONITOR,
              pick(
                  r, List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")),
              valid.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              "wrong media type");
      case 7 -> {
        String nested = "[".repeat(40 + r.nextInt(200)) + "]".repeat(40);
        yield json(
            "POST",
            pick(r, List.of("/api/v1/reports", "/api/v1/reports/" + reportId + "/reviews")),
            r.nextBoolean() ? Role.MONITOR : Role.VERIFIER,
            "{\"time\":" + nested + "}",
            "deep nesting");
      }
      case 8 -> {
        String q =
            pick(
                r,
                List.of(
                    "limit=" + (r.nextBoolean() ? "0" : "" + (501 + r.nextInt(1000))),
                    "limit=abc" + r.nextInt(9),
                    "offset=-" + (1 + r.nextInt(9)),
                    "from=yesterday" + r.nextInt(9),
                    "bbox=" + r.nextInt(9) + ",1,2",
                    "bbox=10,10,0,0",
                    "kind=rocket" + r.nextInt(99),
                    "status=lost" + r.nextInt(9),
                    "from=2026-03-10T00:00:00Z&to=2026-03-01T00:00:00Z"));
        String listPath =
            q.startsWith("limit") || q.startsWith("offset")
                ? "/api/v1/reports"
                : pick(r, List.of("/api/v1/reports", "/api/v1/timeline"));
        yield new Bad(
            "GET",
            listPath + "?" + q,
            pick(r, List.of(Role.values())),
            null,
            null,
            "bad query " + q);
      }
      case 9 -> {
        int which = r.nextInt(3);
        String id = "nope-" + r.nextInt(1_000_000);
        yield switch (which) {
          case 0 ->
              json(
                  "POST",
                  "/api/v1/reports/" + id + "/reviews",
                  Role.VERIFIER,
                  "{\"status\":\"verified\"}",
                  "unknown report");
          case 1 ->
              json(
                  "POST",
                  "/api/v1/findings/" + id + "/votes",
                  Role.BODY_MEMBER,
                  "{\"vote\":\"confirm\"}",
                  "unknown finding");
          default ->
              json(
                  "POST",
                  "/api/v1/obligations/" + id + "/answers",
                  Role.GUARANTOR_REPRESENTATIVE,
                  "{\"answer\":\"fulfilled\"}",
                  "unknown obligation");
        };
      }
      case 10 -> {
        int which = r.nextInt(3);
        String v = pick(r, List.of("\"maybe\"", "1", "null", "[]", "{}", "\"CONFIRM\"", "\"\""));
        yield switch (which) {
          case 0 ->
              json(
                  "POST",
                  "/api/v1/reports/" + reportId + "/reviews",
                  Role.VERIFIER,
                  "{\"status\":" + v + "}",
                  "bad review status");
          case 1 ->
              json(
                  "POST",
                  "/api/v1/findings/f-fuzz/votes",
                  Role.BODY_MEMBER,
                  "{\"vote\":" + v + "}",
                  "bad vote");
          default ->
              json(
                  "POST",
                  "/api/v1/obligations/o-fuzz/answers",
                  Role.GUARANTOR_REPRESENTATIVE,
                  "{\"answer\":" + v + "}",
                  "bad answer");
        };
      }
      case 12 -> {
        // item 5 of issue 10: times out of range, NUL and lone surrogates in any string
        String field = pick(r, List.of("time", "summary", "target", "tags", "sources", "kind"));
        String poison = pick(r, POISON);
        switch (field) {
          case "time" -> report.put("time", pick(r, BAD_TIMES));
          case "tags" -> report.putArray("tags").add("ok").add("x" + poison + r.nextInt(99));
          case "sources" ->
              ((ObjectNode) report.get("sources").get(r.nextInt(2)))
                  .put(pick(r, List.of("id", "kind", "group")), "s" + poison);
          default -> report.put(field, field + poison + r.nextInt(99));
        }
        yield json("POST", "/api/v1/reports", Role.MONITOR, report.toString(), "item 5: " + field);
      }
      case 13 -> {
        String poison = pick(r, POISON);
        String text =
            Json.MAPPER.getNodeFactory().textNode("n" + poison + r.nextInt(99)).toString();
        yield switch (r.nextInt(6)) {
          case 0 ->
              json(
                  "POST",
                  "/api/v1/reports/" + reportId + "/reviews",
                  Role.VERIFIER,
                  "{\"status\":\"corroborated\",\"note\":" + text + "}",
                  "item 5: note");
          case 1 ->
              json(
                  "POST",
                  "/api/v1/obligations/o-fuzz/answers",
                  Role.GUARANTOR_REPRESENTATIVE,
                  "{\"answer\":\"waived\",\"note\":" + text + "}",
                  "item 5: answer note");
          case 2 ->
              json(
                  "POST",
                  "/api/v1/accounts",
                  Role.ADMINISTRATOR,
                  "{\"username\":\"u"
                      + r.nextInt(1_000_000)
                      + "\",\"role\":\"observer\",\"password\":\"long enough password 1\",\"display-name\":"
                      + text
                      + "}",
                  "item 5: display name");
          case 3 ->
              json(
                  "POST",
                  "/api/v1/me/tokens",
                  Role.OBSERVER,
                  "{\"label\":" + text + "}",
                  "item 5: token label");
          case 4 ->
              new Bad(
                  "GET",
                  "/api/v1/reports?from="
                      + java.net.URLEncoder.encode(
                          pick(r, BAD_TIMES), java.nio.charset.StandardCharsets.UTF_8),
                  Role.MONITOR,
                  null,
                  null,
                  "item 5: ?from");
          default ->
              new Bad(
                  "GET",
                  "/api/v1/reports/rep-"
                      + pick(r, List.of("%00", "%ED%A0%80", "%C0%80"))
                      + r.nextInt(99),
                  Role.MONITOR,
                  null,
                  null,
                  "item 5: path id");
        };
      }
      default -> {
        byte[] junk = new byte[1 + r.nextInt(300)];
        r.nextBytes(junk);
        junk[0] = (byte) (int) pick(r, List.of((int) '{', (int) '[', (int) '"', 0xff, (int) 'x'));
        yield new Bad(
            "POST",
            pick(
                r,
                List.of(
                    "/api/v1/reports",
                    "/api/v1/reports/" + reportId + "/reviews",
                    "/api/v1/findings/f-fuzz/votes",
                    "/api/v1/obligations/o-fuzz/answers",
                    "/api/v1/accounts",
                    "/api/v1/webhooks",
                    "/api/v1/me/tokens")),
            null,
            "application/json",
            junk,
            "random bytes");
      }
    };
  }

  /** Report times a probe found answered with 500 (years PostgreSQL or RFC 3339 cannot hold). */
  static final List<String> BAD_TIMES =
      List.of(
          "0000-01-01T00:00:00Z",
          "+999999-01-01T00:00:00Z",
          "-4713-11-24T00:00:00Z",
          "-0001-12-31T23:59:59Z",
          "+10000-01-01T00:00:00Z",
          "+294277-01-01T00:00:00Z",
          "-1000000000-01-01T00:00:00Z");

  /** Characters no stored text may hold: NUL, lone high and low surrogates, and a reversed pair. */
  static final List<String> POISON =
      List.of("\u0000", "\ud800", "\udfff", "\udc00\ud800", "a\u0000", "\ud83d");

  static com.fasterxml.jackson.databind.JsonNode wrongType(Random r, String field) {
    var f = Json.MAPPER.getNodeFactory();
    List<com.fasterxml.jackson.databind.JsonNode> options =
        new ArrayList<>(
            List.of(
                f.numberNode(r.nextInt()),
                f.booleanNode(r.nextBoolean()),
                f.arrayNode().add(1),
                f.objectNode().put("a", 1),
                f.textNode("not-a-" + field + r.nextInt(99))));
    if (!List.of("time-precision", "fatalities", "actor", "tags", "summary", "target")
        .contains(field)) {
      options.add(f.nullNode());
    }
    if (List.of("tags", "sources").contains(field)) {
      options.removeIf(n -> n.isArray());
      options.add(f.arrayNode().add(f.numberNode(7)));
    }
    if (field.equals("summary") || field.equals("target")) {
      options.removeIf(n -> n.isTextual());
    }
    return options.get(r.nextInt(options.size()));
  }

  static <T> T pick(Random r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  static Bad json(String method, String path, Role role, String body, String what) {
    return new Bad(
        method,
        path,
        role,
        "application/json",
        escapeSurrogates(body).getBytes(java.nio.charset.StandardCharsets.UTF_8),
        what);
  }

  /**
   * {@code json} with every UTF-16 surrogate written as a JSON escape ({@code \\ud800}): a lone
   * surrogate cannot be encoded as UTF-8, and JSON's escapes are how a client sends one anyway.
   */
  static String escapeSurrogates(String json) {
    StringBuilder sb = new StringBuilder(json.length());
    for (char c : json.toCharArray()) {
      if (Character.isSurrogate(c)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  static HttpResponse<String> send(Bad b) {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(t.base() + b.path()));
    Role role = b.role() == null ? Role.ADMINISTRATOR : b.role();
    if (b.role() != null || b.body() != null) {
      req.header(
          "Authorization", "Bearer " + tokens.get(b.role() == null ? roleFor(b.path()) : role));
    }
    if (b.contentType() != null) {
      req.header("Content-Type", b.contentType());
    }
    if (b.body() != null && b.body().length > t.server.services().options().maxBodyBytes()) {
      // A server that refuses a body by its declared length answers before reading it and closes
      // the connection; a client still writing then sees a reset instead of the answer. HTTP's
      // remedy is Expect: 100-continue, which well-behaved clients use for large bodies.
      req.expectContinue(true);
    }
    req.method(
        b.method(),
        b.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(b.body()));
    try {
      return t.http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(b.what() + ": " + e, e);
    }
  }

  static Role roleFor(String path) {
    if (path.endsWith("/reviews")) {
      return Role.VERIFIER;
    }
    if (path.contains("/votes")) {
      return Role.BODY_MEMBER;
    }
    if (path.contains("/answers")) {
      return Role.GUARANTOR_REPRESENTATIVE;
    }
    if (path.endsWith("/reports")) {
      return Role.MONITOR;
    }
    return Role.ADMINISTRATOR;
  }

  /** A digest of every row of the server's data tables and of the ledger. */
  static String snapshot() {
    return TestDb.jdbi()
        .withHandle(
            h -> {
              StringBuilder sb = new StringBuilder();
              for (String table :
                  List.of(
                      "ops_report",
                      "ops_review",
                      "ops_finding",
                      "ops_vote",
                      "ops_obligation",
                      "ops_status",
                      "account",
                      "api_token",
                      "web_session",
                      "audit_event",
                      "webhook",
                      "webhook_delivery",
                      // and the evidence store's records and ledger, which every accepted change
                      // also writes
                      "incident_versions",
                      "incident_reports",
                      "reviews",
                      "attributions",
                      "votes",
                      "determinations",
                      "guarantor_responses",
                      "provision_reports",
                      "engine_outputs",
                      "accounts",
                      "account_parties",
                      "ledger_leaves",
                      "tree_heads",
                      "ledger_tip",
                      "ledger_subtrees",
                      "ledger_cosignatures")) {
                sb.append(table)
                    .append('=')
                    .append(
                        h.createQuery(
                                "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "
                                    + table
                                    + " t")
                            .mapTo(String.class)
                            .one())
                    .append('\n');
              }
              return sb.toString();
            });
  }

  /** Valid inputs for seeding. */
  static final class ReportInputs {
    static org.umbrella.server.ops.ReportInput.NewReport valid() {
      try {
        return org.umbrella.server.ops.ReportInput.parse(
            Json.MAPPER.readTree(TestServer.reportJson("seed")));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
  }
}
