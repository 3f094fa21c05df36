package org.umbrella.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.server.TestServer;
import org.umbrella.server.access.Role;
import org.umbrella.server.http.Json;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.Report;
import org.umbrella.server.ops.ReportInput;

/**
 * The pages' work queues and forms over HTTP, as a browser sends them: a review queue of more than
 * a thousand reports that counts them and pages to the oldest, the map's "N of M", forms that keep
 * what was typed and say what is wrong in plain words, sign-in and return, and the small things
 * (icon, timeline text, deadlines by state).
 */
class WorkQueuesTest {
  static TestServer t;
  static final int PENDING = 1_050;
  static final List<String> filedInOrder = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    t = new TestServer();
    Operations ops = t.server.services().operations();
    // filed a minute apart in the server's clock: the first is the one waiting longest
    for (int i = 0; i < PENDING; i++) {
      String json =
          TestServer.reportJson("queued report " + i)
              .replace(
                  "\"lat\":48.0159,\"lon\":37.8029",
                  "\"lat\":" + (47 + (i % 100) * 0.05) + ",\"lon\":" + (36 + (i / 100) * 0.3));
      Report r = ops.fileReport(ReportInput.parse(Json.MAPPER.readTree(json)), "monitor");
      filedInOrder.add(r.id());
      t.clock.advance(Duration.ofMinutes(1));
    }
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  static HttpResponse<String> page(String path, TestServer.Session s) {
    return t.send("GET", path, s, null, null);
  }

  static HttpResponse<String> html(
      String method, String path, TestServer.Session s, String form, String... headers) {
    var b =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(t.base() + path))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "text/html");
    if (s != null) {
      b.header("Cookie", "umbrella_session=" + s.cookie());
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    if (form != null) {
      b.header("Content-Type", "application/x-www-form-urlencoded");
    }
    b.method(
        method,
        form == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(form));
    try {
      return t.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  static List<String> queueIds(String body) {
    Matcher m = Pattern.compile("<article class=\"card\" id=\"q-([^\"]+)\"").matcher(body);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void reviewQueue_ofMoreThanAThousand_countsThemAndStartsWithTheOldest() {
    TestServer.Session verifier = t.signIn(Role.VERIFIER);
    HttpResponse<String> first = page("/review", verifier);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body())
        .contains(
            "Showing 1–50 of <strong>"
                + String.format(java.util.Locale.ENGLISH, "%,d", PENDING)
                + "</strong> reports waiting");
    assertThat(queueIds(first.body())).containsExactlyElementsOf(filedInOrder.subList(0, 50));
    // the last page holds the newest; every page in between is reachable by "Next"
    HttpResponse<String> last = page("/review?offset=" + (PENDING - 1) / 50 * 50, verifier);
    assertThat(queueIds(last.body()))
        .containsExactlyElementsOf(filedInOrder.subList((PENDING - 1) / 50 * 50, PENDING));
    assertThat(first.body()).contains("href=\"/review?offset=50\" rel=\"next\"");
  }

  @Test
  void reviewQueue_filtersByAge_andHintsAtDuplicates() {
    TestServer.Session verifier = t.signIn(Role.VERIFIER);
    // waiting longer than 6 h: all but the last 360 filed a minute apart
    HttpResponse<String> old = page("/review?age=6", verifier);
    assertThat(old.body()).contains("of <strong>" + (PENDING - 360) + "</strong>");
    // the seeded reports are at least 5 km apart: none is hinted as a duplicate
    assertThat(old.body()).doesNotContain("Possible duplicate");
  }

  static long total(String json) {
    Matcher m = Pattern.compile("\"total\":(\\d+)").matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void map_saysHowManyOfHowManyItShows() throws Exception {
    HttpResponse<String> none = page("/map/count", null);
    long verified = total(none.body());
    HttpResponse<String> m = html("GET", "/map", null, null);
    assertThat(m.body()).contains("data-total=\"" + verified + "\"");
    HttpResponse<String> admin = page("/map/count", t.signIn(Role.ADMINISTRATOR));
    assertThat(total(admin.body())).isGreaterThanOrEqualTo(PENDING);
    assertThat(html("GET", "/map", t.signIn(Role.ADMINISTRATOR), null).body())
        .contains("Showing the newest 500 of ");
  }

  @Test
  void reportForm_rejectedOnTheServer_keepsWhatWasTyped_andSaysWhyInPlainWords() {
    TestServer.Session monitor = t.signIn(Role.MONITOR);
    Map<String, String> f = new LinkedHashMap<>();
    f.put("_csrf", monitor.csrf());
    f.put("time", "2026-03-09T04:10Z");
    f.put("time-precision", "exact");
    f.put("kind", "shelling");
    f.put("place-precision", "near");
    f.put("lat", "95");
    f.put("lon", "37.8");
    f.put("actor", "RU");
    f.put("confidence", "0.5");
    f.put("sources", "patrol-1, patrol, team-1");
    f.put("summary", "Impacts seen from the checkpoint <b>north</b>");
    HttpResponse<String> r = html("POST", "/reports", monitor, form(f));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains("id=\"lat-error\"", "Latitude must be a number from -90 to 90")
        .contains(
            "value=\"95\"",
            "value=\"37.8\"",
            "Impacts seen from the checkpoint &lt;b&gt;north&lt;/b&gt;")
        .doesNotContain("/place/lat", "was 95.0");
    assertThat(r.body()).contains("value=\"RU\"");
    f.put("lat", "0");
    f.put("lon", "0");
    assertThat(html("POST", "/reports", monitor, form(f)).body())
        .contains("0, 0 is not a place in the mission");
    f.put("lat", "48");
    f.put("lon", "37.8");
    f.put("confidence", "7");
    assertThat(html("POST", "/reports", monitor, form(f)).body())
        .contains("id=\"confidence-error\"");
  }

  @Test
  void tooLargeAPost_returnsToItsFormWithAnExplanation() {
    TestServer.Session monitor = t.signIn(Role.MONITOR);
    String huge =
        "_csrf="
            + monitor.csrf()
            + "&summary="
            + "x".repeat(t.server.services().options().maxBodyBytes() + 10);
    HttpResponse<String> r =
        html("POST", "/reports", monitor, huge, "Referer", t.base() + "/reports/new");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/reports/new?error=too-large");
    HttpResponse<String> back = html("GET", "/reports/new?error=too-large", monitor, null);
    assertThat(back.body()).contains("larger than the server accepts", "nothing was stored");
  }

  @Test
  void notSignedIn_orExpired_signsInAndReturns() {
    HttpResponse<String> r = html("GET", "/review?kind=shelling", null, null);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location"))
        .hasValue("/login?expired=1&next=%2Freview%3Fkind%3Dshelling");
    HttpResponse<String> login =
        html("GET", "/login?expired=1&next=%2Freview%3Fkind%3Dshelling", null, null);
    assertThat(login.body())
        .contains("name=\"next\" value=\"/review?kind=shelling\"", "id=\"login-expired\"");
    // a post with a session cookie the server no longer knows: back to sign in, then to the form's
    // page
    HttpResponse<String> post =
        html(
            "POST",
            "/reports",
            new TestServer.Session("expired-session-cookie", null),
            "_csrf=x&summary=y",
            "Referer",
            t.base() + "/reports/new");
    assertThat(post.statusCode()).isEqualTo(303);
    assertThat(post.headers().firstValue("Location"))
        .hasValue("/login?expired=1&next=%2Freports%2Fnew");
    // never to another site
    assertThat(org.umbrella.server.http.ProblemResponses.localPath("//evil.example/x")).isNull();
    assertThat(org.umbrella.server.http.ProblemResponses.localPath("/\\evil.example")).isNull();
    assertThat(org.umbrella.server.http.ProblemResponses.localPath("https://evil.example/"))
        .isNull();
  }

  @Test
  void rejection_needsAReason_andTheNoteIsKept() {
    TestServer.Session verifier = t.signIn(Role.VERIFIER);
    String id = filedInOrder.get(3);
    HttpResponse<String> r =
        html(
            "POST",
            "/reports/" + id + "/review",
            verifier,
            form(Map.of("_csrf", verifier.csrf(), "status", "rejected", "note", " ")));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("id=\"review-error-" + id + "\"", "why the report is rejected");
    assertThat(t.server.services().operations().report(id).orElseThrow().status())
        .isEqualTo(ReviewStatus.REPORTED);
  }

  @Test
  void favicon_timeline_andObligationDeadlines_readAsPlainText() {
    HttpResponse<String> icon = html("GET", "/favicon.ico", null, null);
    assertThat(icon.statusCode()).isEqualTo(200);
    assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
    HttpResponse<String> timeline = html("GET", "/timeline", t.signIn(Role.ADMINISTRATOR), null);
    assertThat(timeline.body()).contains("shelling ").doesNotContain("{shelling=");
    // an answered obligation shows when it was answered, not a countdown
    t.obligation("ob-answered", TestServer.PARTY);
    t.obligation("ob-open", TestServer.PARTY);
    t.server.services().operations().answer("ob-answered", "waived", "", "not needed", "guarantor");
    HttpResponse<String> list = html("GET", "/obligations", t.signIn(Role.ADMINISTRATOR), null);
    String answered = list.body().substring(list.body().indexOf("id=\"o-ob-answered\""));
    answered = answered.substring(0, answered.indexOf("</article>"));
    assertThat(answered).contains("waived on").doesNotContain("left", "data-countdown");
    String open = list.body().substring(list.body().indexOf("id=\"o-ob-open\""));
    assertThat(open.substring(0, open.indexOf("</article>"))).contains("data-countdown", "left");
  }

  @Test
  void dailyReport_isAsOfItsCutOff_andNotIssuedAhead() {
    // the clock stands on 11 March, early morning (after 1,050 minutes of filing from 10 March
    // noon)
    assertThat(html("GET", "/daily?date=2099-01-01", null, null).statusCode()).isEqualTo(404);
    assertThat(html("GET", "/daily?date=2026-03-11", null, null).body())
        .contains("id=\"daily-provisional\"");
    t.engineOutput(
        new org.umbrella.engine.output.StatusRecord(
            "st-daily",
            t.clock.instant(),
            "daily-test",
            org.umbrella.engine.output.GuaranteeStatus.TRIGGERED,
            org.umbrella.engine.output.GuaranteeStatus.ACTIVE,
            new org.umbrella.engine.output.Cause(
                "daily-test", "seeded by the test", java.util.List.of(), java.util.List.of())));
    String tenth = html("GET", "/daily?date=2026-03-10", null, null).body();
    assertThat(tenth).contains("Issued 10 Mar 2026, 19:30 UTC").doesNotContain("daily-provisional");
    assertThat(tenth)
        .containsPattern(
            "daily-test</span>: <span class=\"changed-later\">changed after this report(&#39;|')s cut-off");
  }

  @Test
  void language_followsTheBrowser_orTheSwitcher() {
    HttpResponse<String> uk =
        html("GET", "/map", null, null, "Accept-Language", "uk-UA,uk;q=0.9,en;q=0.5");
    assertThat(uk.body())
        .contains("<html lang=\"uk\">", ">Мапа<", "Перейти до змісту", "id=\"lang-en\"");
    HttpResponse<String> other =
        html("GET", "/map", null, null, "Accept-Language", "de-DE,de;q=0.9");
    assertThat(other.body()).contains("<html lang=\"en\">", ">Map<");
    HttpResponse<String> chosen = html("GET", "/map?lang=uk", null, null, "Accept-Language", "en");
    assertThat(chosen.body()).contains("<html lang=\"uk\">");
    assertThat(chosen.headers().allValues("Set-Cookie"))
        .anyMatch(c -> c.startsWith("umbrella_lang=uk;"));
    HttpResponse<String> kept =
        html("GET", "/timeline", null, null, "Accept-Language", "en", "Cookie", "umbrella_lang=uk");
    assertThat(kept.body()).contains("<html lang=\"uk\">");
  }

  @Test
  void exports_holdWhatTheCallerMayRead_asCsvAndGeoJson() throws Exception {
    // the public reads verified reports only: none are verified here
    HttpResponse<String> pub = html("GET", "/export/reports.csv", null, null);
    assertThat(pub.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(pub.body().lines().count()).isEqualTo(1);
    HttpResponse<String> admin =
        html("GET", "/export/reports.csv?kind=shelling", t.signIn(Role.ADMINISTRATOR), null);
    assertThat(admin.body().lines().count()).isGreaterThan(PENDING);
    assertThat(admin.body()).startsWith("id,time,time_precision,kind,lat,lon");
    var geo =
        Json.MAPPER.readTree(
            html("GET", "/export/reports.geojson", t.signIn(Role.ADMINISTRATOR), null).body());
    assertThat(geo.path("type").asText()).isEqualTo("FeatureCollection");
    var first = geo.path("features").get(0);
    assertThat(first.path("geometry").path("coordinates").get(0).asDouble())
        .isBetween(36.0, 40.0); // longitude first
    // a cell a spreadsheet would run as a formula is defused; commas and quotes are quoted
    assertThat(Exports.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(Exports.cell("-12.5")).isEqualTo("-12.5");
    assertThat(Exports.cell("a,b")).isEqualTo("\"a,b\"");
  }
}
