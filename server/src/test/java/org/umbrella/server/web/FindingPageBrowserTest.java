package org.umbrella.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.umbrella.engine.output.FindingStatus;
import org.umbrella.server.UmbrellaServer;
import org.umbrella.server.access.Role;
import org.umbrella.server.http.Json;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.ReportInput;

/**
 * The page of one finding, in Chromium at 1366x900 and 390x844 with axe-core: a body member finds
 * the candidate under "awaiting your vote", sees its five reports on the mini-map, the tally
 * against the Special Commission's majority of its five members and quorum of 3, the 48 h countdown
 * and the engine's causal chain, and votes there; once confirmed, the US representative follows an
 * obligation card to the same page and sees what followed (the guarantee triggered, only the US's
 * obligations), and the public reaches it from the dashboard.
 */
class FindingPageBrowserTest {
  static UmbrellaServer server;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    Clock clock = Clock.systemUTC();
    Instant now = clock.instant();
    server = BrowserFixture.startWithCeasefireInForce(clock);
    base = "http://127.0.0.1:" + server.port();
    var accounts = server.services().accounts();
    accounts.create(
        "body-us",
        "US commissioner",
        Role.BODY_MEMBER,
        Optional.of("US"),
        BrowserFlowTest.PASSWORD);
    accounts.create(
        "guarantor-us",
        "US representative",
        Role.GUARANTOR_REPRESENTATIVE,
        Optional.of("US"),
        BrowserFlowTest.PASSWORD);
    // five verified ceasefire violations by RU over three days: the significant-attack candidate
    Operations ops = server.services().operations();
    for (int h : List.of(70, 46, 22, 5, 1)) {
      var r =
          ops.fileReport(
              ReportInput.parse(
                  Json.MAPPER.readTree(
                      org.umbrella.server.TestServer.reportJson("shelling " + h + " h ago")
                          .replace(
                              "2026-03-09T04:10:00Z", now.minus(Duration.ofHours(h)).toString())
                          .replace(
                              "\"lat\":48.0159,\"lon\":37.8029",
                              "\"lat\":"
                                  + (48.3 + h / 1000.0)
                                  + ",\"lon\":"
                                  + (37.3 - h / 500.0)))),
              "monitor");
      ops.review(r.id(), "corroborated", "RU", 0.8, "", "verifier");
      ops.review(r.id(), "verified", "", 0, "", "verifier");
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static Operations.Finding candidate() {
    return server
        .services()
        .operations()
        .findings(java.util.EnumSet.of(FindingStatus.CANDIDATE), 10, 0)
        .stream()
        .filter(f -> f.incidents().size() >= 5)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void bodyMember_votesFromTheFindingPage_thenGuarantorAndPublicFollowTheLinks() throws Exception {
    String axe = Axe.script().orElse(null);
    List<String> problems = new ArrayList<>();
    String id = candidate().id();
    String path = "/findings/" + Urls.id(id);
    int[][] sizes = {{1366, 900}, {390, 844}};

    // Before the vote, at both sizes: awaiting section, mini-map, tally, countdown, chain.
    for (int[] size : sizes) {
      WebDriver d = BrowserFlowTest.browser(size[0], size[1]);
      try {
        AccessibilityTest.signIn(d, base, "body-us");
        d.get(base + "/findings");
        String awaiting = d.findElement(By.id("awaiting")).getText();
        assertThat(awaiting)
            .contains("Awaiting your vote (1)")
            .contains("actor RU")
            .contains("left");
        if (axe != null) {
          problems.addAll(AccessibilityTest.check(d, axe, "body-us /findings", size));
        }
        d.findElement(By.cssSelector("#awaiting a")).click();
        BrowserFlowTest.wait(d)
            .until(x -> "5".equals(x.findElement(By.id("minimap")).getAttribute("data-drawn")));
        assertThat(d.getCurrentUrl()).endsWith(path);
        assertThat(d.findElements(By.cssSelector("#minimap path.leaflet-interactive")))
            .hasSizeGreaterThanOrEqualTo(5);
        assertThat(d.findElement(By.id("rule")).getText())
            .contains("majority of 5 eligible members (US, GB, FR, DE, UA)")
            .doesNotContain("recused")
            .contains("quorum 3");
        assertThat(d.findElement(By.id("tally")).getText()).contains("0 0 0 5");
        assertThat(d.findElement(By.id("standing")).getText())
            .contains("3 more confirm votes would confirm it");
        assertThat(d.findElement(By.id("countdown")).getText())
            .containsPattern("\\d+ h \\d{2} min left|1 d \\d+ h left");
        assertThat(d.findElement(By.id("chain-history")).getText()).contains("candidate");
        assertThat(d.findElements(By.cssSelector("#evidence-table tbody tr"))).hasSize(5);
        if (axe != null) {
          problems.addAll(AccessibilityTest.check(d, axe, "body-us " + path, size));
        }
        AccessibilityTest.screenshot(d, "body-us-finding-candidate-" + size[0]);
      } finally {
        d.quit();
      }
    }

    // The vote, cast on the page; it comes back to the page with the vote counted.
    WebDriver d = BrowserFlowTest.browser(1366, 900);
    try {
      AccessibilityTest.signIn(d, base, "body-us");
      d.get(base + path);
      d.findElement(By.cssSelector("#vote-form input[value=confirm]")).click();
      d.findElement(By.cssSelector("#vote-form button[type=submit]")).click();
      BrowserFlowTest.wait(d).until(x -> x.getCurrentUrl().contains("done=voted"));
      assertThat(d.getCurrentUrl()).contains(path);
      assertThat(d.findElement(By.id("tally")).getText()).contains("1 0 0 4");
      assertThat(d.findElement(By.id("votes")).getText()).contains("US: confirm");
      d.get(base + "/findings");
      assertThat(d.findElement(By.id("awaiting")).getText()).contains("Awaiting your vote (0)");
    } finally {
      d.quit();
    }
    Operations ops = server.services().operations();
    ops.vote(id, "GB", "confirm", "body-gb");
    ops.vote(id, "FR", "confirm", "body-fr");
    for (int i = 0;
        i < 200 && !ops.finding(id).orElseThrow().status().equals(FindingStatus.CONFIRMED);
        i++) {
      Thread.sleep(50);
    }
    assertThat(ops.finding(id).orElseThrow().status()).isEqualTo(FindingStatus.CONFIRMED);

    // Confirmed: the guarantor follows its obligation card, the public the dashboard.
    for (int[] size : sizes) {
      d = BrowserFlowTest.browser(size[0], size[1]);
      try {
        AccessibilityTest.signIn(d, base, "guarantor-us");
        d.get(base + "/obligations");
        BrowserFlowTest.wait(d)
            .until(x -> !x.findElements(By.cssSelector("a[href='" + path + "']")).isEmpty());
        d.findElement(By.cssSelector("a[href='" + path + "']")).click();
        BrowserFlowTest.wait(d)
            .until(x -> "5".equals(x.findElement(By.id("minimap")).getAttribute("data-drawn")));
        assertThat(d.findElement(By.tagName("h1")).getText()).contains("confirmed");
        assertThat(d.findElement(By.id("chain-history")).getText())
            .contains("candidate")
            .contains("confirmed")
            .contains("majority of 5 eligible: 3 confirm, 0 reject, 0 abstain; quorum 3");
        assertThat(d.findElements(By.id("tally")))
            .isEmpty(); // a guarantor is not in the body: no members' votes
        assertThat(d.findElement(By.id("rule")).getText())
            .contains("majority of 5 eligible members");
        String followed = d.findElement(By.id("chain-consequences")).getText();
        assertThat(followed)
            .contains("triggered")
            .contains("US:")
            .doesNotContain("GB:")
            .doesNotContain("FR:");
        if (axe != null) {
          problems.addAll(AccessibilityTest.check(d, axe, "guarantor-us " + path, size));
        }
        AccessibilityTest.screenshot(d, "guarantor-us-finding-confirmed-" + size[0]);

        d.manage().deleteAllCookies();
        d.get(base + "/");
        d.findElement(By.cssSelector("#findings-list a[href='" + path + "']")).click();
        BrowserFlowTest.wait(d).until(x -> x.getCurrentUrl().endsWith(path));
        assertThat(d.findElement(By.id("chain-consequences")).getText())
            .contains("triggered")
            .doesNotContain("US:");
        assertThat(d.findElements(By.id("vote-form"))).isEmpty();
        if (axe != null) {
          problems.addAll(AccessibilityTest.check(d, axe, "public " + path, size));
        }
      } finally {
        d.quit();
      }
    }
    assertThat(problems).isEmpty();
    Assumptions.assumeTrue(axe != null, "axe-core checks skipped: npm could not fetch axe-core");
  }
}
