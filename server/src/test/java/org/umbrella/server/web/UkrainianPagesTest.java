package org.umbrella.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.umbrella.engine.output.FindingStatus;
import org.umbrella.server.ServerOptions;
import org.umbrella.server.TestAgreement;
import org.umbrella.server.TestDb;
import org.umbrella.server.TestServer;
import org.umbrella.server.UmbrellaServer;
import org.umbrella.server.demo.Demo;
import org.umbrella.server.demo.SeedableClock;
import org.umbrella.server.ops.Operations;

/**
 * Every page every role uses, on the demo's data (a triggered guarantee, obligations answered and
 * pending, a confirmed and a candidate finding, verified and waiting reports), asked for with
 * {@code Accept-Language: uk}: the page says {@code <html lang="uk">} and its visible text and
 * accessible names hold no English word of the interface. What the users and the agreement wrote
 * (summaries, titles, the engine's records) is marked {@code translate="no"} and left out; so is
 * what is marked as English ({@code lang="en"}: the switcher's "English").
 */
class UkrainianPagesTest {
  static UmbrellaServer server;
  static String base;
  static final Map<String, String> passwords = new LinkedHashMap<>();
  static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  /** Words of the English interface; none may be left on a Ukrainian page. */
  static final Set<String> ENGLISH =
      Set.copyOf(
          List.of(
              "the",
              "and",
              "of",
              "to",
              "with",
              "from",
              "for",
              "is",
              "are",
              "not",
              "no",
              "by",
              "at",
              "on",
              "in",
              "or",
              "your",
              "you",
              "all",
              "more",
              "none",
              "yet",
              "report",
              "reports",
              "status",
              "kind",
              "time",
              "showing",
              "sign",
              "choose",
              "dashboard",
              "map",
              "guarantee",
              "guarantees",
              "obligation",
              "obligations",
              "finding",
              "findings",
              "evidence",
              "decision",
              "review",
              "verified",
              "reported",
              "corroborated",
              "rejected",
              "candidate",
              "confirmed",
              "pending",
              "fulfilled",
              "waived",
              "breached",
              "triggered",
              "active",
              "unattributed",
              "shelling",
              "left",
              "overdue",
              "provision",
              "provisions",
              "agreement",
              "agreements",
              "incidents",
              "incident",
              "summary",
              "region",
              "regions",
              "filed",
              "ledger",
              "sources",
              "source",
              "note",
              "answer",
              "apply",
              "kinds",
              "print",
              "show",
              "date",
              "previous",
              "next",
              "oldest",
              "newest",
              "latitude",
              "longitude",
              "account",
              "accounts",
              "password",
              "username",
              "link",
              "disable",
              "audit",
              "action",
              "detail",
              "who",
              "vote",
              "votes",
              "confirm",
              "reject",
              "abstain",
              "quorum",
              "rule",
              "majority",
              "level",
              "minimal",
              "full",
              "intermediate",
              "begun",
              "timeline",
              "daily",
              "queue",
              "waiting",
              "due",
              "party",
              "actor",
              "target",
              "fatalities",
              "low",
              "best",
              "high",
              "where",
              "when",
              "what",
              "why",
              "since",
              "cause",
              "duty",
              "name",
              "role",
              "create",
              "new",
              "admin",
              "administration",
              "legend",
              "colour",
              "ring",
              "line",
              "zones",
              "download",
              "proof",
              "leaf",
              "issued",
              "change",
              "skip",
              "content",
              "language",
              "main",
              "live",
              "decided",
              "raised",
              "deadline",
              "body",
              "members",
              "recused",
              "monitor",
              "verifier",
              "administrator",
              "observer",
              "mechanism",
              "d",
              "h",
              "min",
              "km",
              "now",
              "search"));

  @BeforeAll
  static void start() {
    TestDb.reset();
    Instant now = Instant.parse("2026-03-20T12:00:00Z");
    SeedableClock clock = new SeedableClock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
    server =
        UmbrellaServer.start(
            TestDb.dataSource(),
            TestDb.ledgerKey(),
            clock,
            ServerOptions.defaults(0),
            Optional.of(
                Demo.withCeasefireInForce(
                    org.umbrella.agreement.io.AgreementFiles.load(TestAgreement.file()).agreement(),
                    now.minus(Demo.CEASEFIRE_BEFORE))),
            TestAgreement.library());
    Demo.createAccounts(server.services().accounts())
        .forEach(c -> passwords.put(c.username(), c.password()));
    Demo.seed(server.services().operations(), clock, now);
    USERNAME = Pattern.compile("\\b(" + String.join("|", passwords.keySet()) + ")\\b");
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  record Session(String cookie, String csrf) {}

  static Session signIn(String username) throws Exception {
    HttpResponse<String> pre = send("GET", "/api/v1/session", null, null, Map.of());
    Session p =
        new Session(
            TestServer.cookie(pre).orElseThrow(), TestServer.field(pre.body(), "csrf-token"));
    HttpResponse<String> r =
        send(
            "POST",
            "/api/v1/session",
            p,
            "{\"username\":\"" + username + "\",\"password\":\"" + passwords.get(username) + "\"}",
            Map.of("Content-Type", "application/json", "X-CSRF-Token", p.csrf()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new Session(
        TestServer.cookie(r).orElseThrow(), TestServer.field(r.body(), "csrf-token"));
  }

  static HttpResponse<String> send(
      String method, String path, Session s, String body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (s != null) {
      b.header("Cookie", "umbrella_session=" + s.cookie());
    }
    headers.forEach(b::header);
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> page(
      String method, String path, Session s, String form, String language) throws Exception {
    Map<String, String> h =
        new LinkedHashMap<>(Map.of("Accept", "text/html", "Accept-Language", language));
    if (form != null) {
      h.put("Content-Type", "application/x-www-form-urlencoded");
    }
    return send(method, path, s, form, h);
  }

  static Pattern USERNAME = Pattern.compile("$^");
  static final Pattern WORD = Pattern.compile("\\b[A-Za-z]+\\b");

  /**
   * The English interface words in {@code html}'s visible text and accessible names, outside data.
   */
  static List<String> englishIn(Document doc) {
    doc.select("[translate=no], [lang=en], code, pre, script, style").remove();
    // the <title> of a finding's page is the finding's (the agreement's) title: data, checked apart
    StringBuilder text = new StringBuilder(doc.body().text());
    for (Element e : doc.select("[aria-label], [title], [placeholder], [alt]")) {
      for (String a : List.of("aria-label", "title", "placeholder", "alt")) {
        // an accessible name may name an account ("Disable monitor"): usernames are data
        text.append(' ').append(USERNAME.matcher(e.attr(a)).replaceAll(" "));
      }
    }
    List<String> found = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String w = m.group();
      // acronyms are names in any language: UTC, API, CSV, the licence "CC BY 4.0"
      if (w.length() <= 4 && w.equals(w.toUpperCase(java.util.Locale.ROOT))) {
        continue;
      }
      if (ENGLISH.contains(w.toLowerCase(java.util.Locale.ROOT))) {
        found.add(m.group());
      }
    }
    return found;
  }

  @Test
  void everyPageOfEveryRole_inUkrainian_hasNoEnglishInterfaceWordsAndSaysLangUk() throws Exception {
    Operations ops = server.services().operations();
    String confirmed = ops.findings(EnumSet.of(FindingStatus.CONFIRMED), 10, 0).get(0).id();
    String candidate = ops.findings(EnumSet.of(FindingStatus.CANDIDATE), 10, 0).get(0).id();
    String verified =
        ops.reports(new Operations.ReportFilter(null, null, null, Set.of("verified"), null), 1, 0)
            .get(0)
            .id();
    String waiting =
        ops.reports(
                new Operations.ReportFilter(
                    null, null, null, Set.of("reported", "corroborated"), null),
                1,
                0)
            .get(0)
            .id();
    Map<String, List<String>> pages = new LinkedHashMap<>();
    pages.put(
        "",
        List.of(
            "/",
            "/map",
            "/timeline",
            "/findings",
            "/findings/" + Urls.id(confirmed),
            "/reports/" + verified,
            "/agreements",
            "/provisions",
            "/daily?date=2026-03-19",
            "/daily",
            "/login",
            "/login?expired=1&next=/review",
            "/?done=filed",
            "/no-such-page"));
    pages.put("monitor", List.of("/reports/new", "/reports/new?error=too-large", "/map"));
    pages.put(
        "verifier",
        List.of("/review", "/review?age=24&kind=shelling", "/reports/" + waiting, "/provisions"));
    pages.put("body-us", List.of("/findings", "/findings/" + Urls.id(candidate), "/"));
    pages.put("guarantor-us", List.of("/obligations", "/", "/fragments/dashboard"));
    pages.put("admin", List.of("/admin", "/", "/timeline"));
    pages.put("observer", List.of("/"));
    Map<String, List<String>> problems = new LinkedHashMap<>();
    int checked = 0;
    for (var e : pages.entrySet()) {
      Session s = e.getKey().isEmpty() ? null : signIn(e.getKey());
      for (String path : e.getValue()) {
        HttpResponse<String> r = page("GET", path, s, null, "uk-UA,uk;q=0.9,en;q=0.5");
        assertThat(r.statusCode()).as(path).isIn(200, 404, 413);
        Document doc = Jsoup.parse(r.body());
        if (!path.equals("/fragments/dashboard")) {
          assertThat(doc.selectFirst("html").attr("lang")).as(path).isEqualTo("uk");
        }
        Document copy = doc.clone();
        List<String> english = englishIn(doc);
        if (!english.isEmpty() && Boolean.getBoolean("umbrella.debug.uk")) {
          java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/uk-pages"));
          java.nio.file.Files.writeString(
              java.nio.file.Path.of(
                  "target/uk-pages/" + (e.getKey() + path).replaceAll("[^a-z0-9-]", "_") + ".html"),
              copy.outerHtml());
        }
        if (!english.isEmpty()) {
          problems.put((e.getKey().isEmpty() ? "public" : e.getKey()) + " " + path, english);
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(25);
    assertThat(problems).as("English words left on Ukrainian pages").isEmpty();
  }

  @Test
  void formsRefusedOnTheServer_sayWhatIsWrongInUkrainian() throws Exception {
    Session monitor = signIn("monitor");
    String form =
        Map.of(
                "_csrf",
                monitor.csrf(),
                "time",
                "2026-03-19T04:10Z",
                "time-precision",
                "exact",
                "kind",
                "shelling",
                "lat",
                "95",
                "lon",
                "37.8",
                "place-precision",
                "exact",
                "confidence",
                "7",
                "sources",
                "patrol-1, patrol, team-1",
                "summary",
                "x")
            .entrySet()
            .stream()
            .map(x -> x.getKey() + "=" + URLEncoder.encode(x.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpResponse<String> r = page("POST", "/reports", monitor, form, "uk");
    assertThat(r.statusCode()).isEqualTo(400);
    Document doc = Jsoup.parse(r.body());
    assertThat(doc.selectFirst("#lat-error").text()).startsWith("Широта має бути числом");
    assertThat(doc.selectFirst("#lat").attr("value")).isEqualTo("95");
    assertThat(englishIn(doc)).isEmpty();

    Session verifier = signIn("verifier");
    String waiting =
        server
            .services()
            .operations()
            .reports(
                new Operations.ReportFilter(
                    null, null, null, Set.of("reported", "corroborated"), null),
                1,
                0)
            .get(0)
            .id();
    HttpResponse<String> rejected =
        page(
            "POST",
            "/reports/" + waiting + "/review",
            verifier,
            "_csrf="
                + URLEncoder.encode(verifier.csrf(), StandardCharsets.UTF_8)
                + "&status=rejected&note=+",
            "uk");
    assertThat(rejected.statusCode()).isEqualTo(400);
    Document d2 = Jsoup.parse(rejected.body());
    assertThat(d2.selectFirst("#review-error-" + waiting).text()).startsWith("Поясніть у примітці");
    assertThat(englishIn(d2)).isEmpty();
  }

  @Test
  void theSameRequests_inEnglish_areInEnglish_andTheSwitcherIsRemembered() throws Exception {
    HttpResponse<String> en = page("GET", "/", null, null, "en-GB,en;q=0.9");
    assertThat(Jsoup.parse(en.body()).selectFirst("html").attr("lang")).isEqualTo("en");
    assertThat(Jsoup.parse(en.body()).selectFirst("h1").text()).isEqualTo("Dashboard");
    // the switcher's choice beats the browser's language and is kept in a cookie
    HttpResponse<String> chosen = page("GET", "/map?lang=uk", null, null, "en");
    assertThat(Jsoup.parse(chosen.body()).selectFirst("h1").text()).isEqualTo("Мапа");
    assertThat(Jsoup.parse(chosen.body()).title()).isEqualTo("Мапа · Umbrella");
    String cookie =
        chosen.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("umbrella_lang=uk"))
            .findFirst()
            .orElseThrow();
    HttpResponse<String> later =
        send(
            "GET",
            "/timeline",
            null,
            null,
            Map.of(
                "Accept",
                "text/html",
                "Accept-Language",
                "en",
                "Cookie",
                cookie.substring(0, cookie.indexOf(';'))));
    Document d = Jsoup.parse(later.body());
    assertThat(d.selectFirst("html").attr("lang")).isEqualTo("uk");
    assertThat(d.selectFirst("h1").text()).isEqualTo("Хронологія");
    assertThat(d.selectFirst("#lang-en").attr("href")).isEqualTo("/timeline?lang=en");
  }
}
