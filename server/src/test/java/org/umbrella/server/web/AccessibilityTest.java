package org.umbrella.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.umbrella.server.UmbrellaServer;
import org.umbrella.server.access.Role;
import org.umbrella.server.http.Json;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.ReportInput;

/**
 * Every page each role works in, in real headless Chromium at a laptop's size (1366x900) and a
 * phone's (390x844): axe-core finds no serious or critical violation, and no page is wider than the
 * phone's screen. Skips when Debian's chromium and chromium-driver are not installed.
 */
class AccessibilityTest {
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
        "admin", "Ada Admin", Role.ADMINISTRATOR, Optional.empty(), BrowserFlowTest.PASSWORD);
    accounts.create(
        "monitor", "Mona Monitor", Role.MONITOR, Optional.empty(), BrowserFlowTest.PASSWORD);
    accounts.create(
        "verifier", "Vera Verifier", Role.VERIFIER, Optional.empty(), BrowserFlowTest.PASSWORD);
    accounts.create(
        "guarantor-us",
        "US representative",
        Role.GUARANTOR_REPRESENTATIVE,
        Optional.of("US"),
        BrowserFlowTest.PASSWORD);
    Operations ops = server.services().operations();
    for (int h : List.of(30, 20, 10, 3)) {
      var r =
          ops.fileReport(
              ReportInput.parse(
                  Json.MAPPER.readTree(
                      org.umbrella.server.TestServer.reportJson("shelling " + h + " h ago")
                          .replace(
                              "2026-03-09T04:10:00Z", now.minus(Duration.ofHours(h)).toString()))),
              "monitor");
      if (h > 10) {
        ops.review(r.id(), "corroborated", "RU", 0.8, "", "verifier");
        ops.review(r.id(), "verified", "", 0, "", "verifier");
      }
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** Each role's pages. */
  static final Map<String, List<String>> PAGES =
      Map.of(
          "admin",
              List.of("/", "/map", "/timeline", "/findings", "/agreements", "/daily", "/admin"),
          "monitor", List.of("/reports/new"),
          "verifier", List.of("/review"),
          "guarantor-us", List.of("/obligations", "/"));

  @Test
  void everyPage_atLaptopAndPhoneSize_hasNoSeriousViolations_andFitsThePhone() throws Exception {
    String axe = Axe.script().orElse(null);
    Assumptions.assumeTrue(axe != null, "axe-core checks skipped: npm could not fetch axe-core");
    List<String> problems = new ArrayList<>();
    for (int[] size : List.of(new int[] {1366, 900}, new int[] {390, 844})) {
      WebDriver d = BrowserFlowTest.browser(size[0], size[1]);
      try {
        d.get(base + "/login");
        problems.addAll(check(d, axe, "public /login", size));
        d.get(base + "/");
        problems.addAll(check(d, axe, "public /", size));
        for (var e : PAGES.entrySet()) {
          signIn(d, e.getKey());
          for (String page : e.getValue()) {
            d.get(base + page);
            problems.addAll(check(d, axe, e.getKey() + " " + page, size));
            screenshot(
                d,
                e.getKey()
                    + (page.equals("/") ? "-dashboard" : page.replace('/', '-'))
                    + "-"
                    + size[0]);
          }
          d.manage().deleteAllCookies();
        }
      } finally {
        d.quit();
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * Saves the page to {@code target/screenshots}, and to {@code docs/screenshots} when the system
   * property {@code umbrella.docs.screenshots} is set (how the user guide's pictures are made).
   */
  static void screenshot(WebDriver d, String name) throws Exception {
    byte[] png =
        ((org.openqa.selenium.TakesScreenshot) d)
            .getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
    java.nio.file.Path target = java.nio.file.Path.of("target/screenshots");
    Files.createDirectories(target);
    Files.write(target.resolve(name + ".png"), png);
    if (System.getProperty("umbrella.docs.screenshots") != null) {
      java.nio.file.Path docs = java.nio.file.Path.of("../docs/screenshots");
      Files.createDirectories(docs);
      Files.write(docs.resolve(name + ".png"), png);
    }
  }

  static void signIn(WebDriver d, String user) {
    signIn(d, base, user);
  }

  /** Signs {@code user} in on the service at {@code base} (each browser test class has its own). */
  static void signIn(WebDriver d, String base, String user) {
    d.manage().deleteAllCookies();
    d.get(base + "/login");
    d.findElement(org.openqa.selenium.By.id("username")).sendKeys(user);
    d.findElement(org.openqa.selenium.By.id("password")).sendKeys(BrowserFlowTest.PASSWORD);
    d.findElement(org.openqa.selenium.By.cssSelector("#login-form button[type=submit]")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(d, Duration.ofSeconds(20))
        .until(x -> x.getCurrentUrl().contains("done=signed-in"));
  }

  static List<String> check(WebDriver d, String axe, String what, int[] size) {
    List<String> out = new ArrayList<>();
    String where = what + " at " + size[0] + "x" + size[1] + ": ";
    Axe.seriousViolations(d, axe).forEach(v -> out.add(where + v));
    if (size[0] < 500) {
      Object fits =
          ((JavascriptExecutor) d)
              .executeScript(
                  "return document.documentElement.scrollWidth <= window.innerWidth + 1;");
      if (!Boolean.TRUE.equals(fits)) {
        out.add(where + "wider than the screen");
      }
    }
    return out;
  }
}
