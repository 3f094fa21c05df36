package org.umbrella.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.server.ServerOptions;
import org.umbrella.server.TestAgreement;
import org.umbrella.server.TestDb;
import org.umbrella.server.UmbrellaServer;
import org.umbrella.server.access.Role;
import org.umbrella.server.demo.Demo;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.ReportInput;

/**
 * The main flow in real headless Chromium, against a server enforcing the Ukraine example: a
 * monitor files a report, a verifier verifies it, the engine raises a candidate finding, three
 * members of the Special Commission vote, the guarantee triggers, the US representative sees the
 * obligation and answers it, and an administrator's open dashboard shows each step live, without
 * reloading. Screenshots of every screen go to {@code target/screenshots}.
 *
 * <p>Skips when Debian's {@code chromium} and {@code chromium-driver} are not installed.
 */
class BrowserFlowTest {
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path SHOTS = Path.of("target/screenshots");
  static final String PASSWORD = "correct horse battery staple";

  static UmbrellaServer server;
  static String base;
  static int shot;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(DRIVER) && Files.isExecutable(BROWSER),
        "browser tests skipped: install Debian's chromium and chromium-driver (/usr/bin/chromedriver) to run them");
    Files.createDirectories(SHOTS);
    TestDb.reset();
    Clock clock = Clock.systemUTC();
    Instant now = clock.instant();
    var ukraine = TestAgreement.ukraine();
    server =
        UmbrellaServer.start(
            TestDb.dataSource(),
            TestDb.ledgerKey(),
            clock,
            ServerOptions.defaults(0),
            Optional.of(Demo.withCeasefireInForce(ukraine, now.minus(Duration.ofDays(8)))),
            TestAgreement.library());
    base = "http://127.0.0.1:" + server.port();
    var accounts = server.services().accounts();
    accounts.create("admin", "Ada Admin", Role.ADMINISTRATOR, Optional.empty(), PASSWORD);
    accounts.create("monitor", "Mona Monitor", Role.MONITOR, Optional.empty(), PASSWORD);
    accounts.create("verifier", "Vera Verifier", Role.VERIFIER, Optional.empty(), PASSWORD);
    accounts.create("body-us", "US commissioner", Role.BODY_MEMBER, Optional.of("US"), PASSWORD);
    accounts.create("body-gb", "UK commissioner", Role.BODY_MEMBER, Optional.of("GB"), PASSWORD);
    accounts.create(
        "body-fr", "French commissioner", Role.BODY_MEMBER, Optional.of("FR"), PASSWORD);
    accounts.create(
        "guarantor-us",
        "US representative",
        Role.GUARANTOR_REPRESENTATIVE,
        Optional.of("US"),
        PASSWORD);
    // Four earlier verified ceasefire violations by RU over three days: the fifth, filed in the
    // browser below, makes the significant-attack finding (5 in 72 h over 3 distinct days).
    Operations ops = server.services().operations();
    for (int h : List.of(70, 46, 22, 5)) {
      var r =
          ops.fileReport(
              ReportInput.parse(
                  org.umbrella.server.http.Json.MAPPER.readTree(
                      org.umbrella.server.TestServer.reportJson("earlier shelling " + h + " h ago")
                          .replace(
                              "2026-03-09T04:10:00Z", now.minus(Duration.ofHours(h)).toString())
                          .replace(
                              "\"lat\":48.0159,\"lon\":37.8029", "\"lat\":48.35,\"lon\":37.3"))),
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

  static WebDriver browser(int width, int height) throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    Path profile = Files.createTempDirectory("umbrella-chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(width, height));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  static void screenshot(WebDriver d, String name) throws Exception {
    File f = ((TakesScreenshot) d).getScreenshotAs(OutputType.FILE);
    Files.copy(
        f.toPath(),
        SHOTS.resolve(String.format("%02d-%s.png", ++shot, name)),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  static void signIn(WebDriver d, String user) {
    d.get(base + "/login");
    d.findElement(By.id("username")).sendKeys(user);
    d.findElement(By.id("password")).sendKeys(PASSWORD);
    d.findElement(By.cssSelector("#login-form button[type=submit]")).click();
    wait(d).until(x -> x.getCurrentUrl().contains("done=signed-in"));
  }

  static void signOut(WebDriver d) {
    d.findElement(By.cssSelector("form[action='/logout'] button")).click();
    wait(d).until(x -> x.getCurrentUrl().contains("/login"));
  }

  /**
   * Waits up to 20 s; the live region is swapped by htmx at any moment, so stale and missing
   * elements are retried.
   */
  static org.openqa.selenium.support.ui.FluentWait<WebDriver> wait(WebDriver d) {
    return new WebDriverWait(d, Duration.ofSeconds(20))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.NoSuchElementException.class);
  }

  @Test
  void mainFlow_reportToAnsweredObligation_withTheDashboardUpdatingLive() throws Exception {
    WebDriver watcher = browser(1280, 900);
    WebDriver actor = browser(1280, 900);
    try {
      // An administrator keeps the dashboard open the whole time; a marker shows it never reloads.
      signIn(watcher, "admin");
      watcher.get(base + "/");
      wait(watcher)
          .until(x -> "open".equals(x.findElement(By.tagName("body")).getAttribute("data-live")));
      ((JavascriptExecutor) watcher).executeScript("window.__notReloaded = true;");
      screenshot(watcher, "dashboard-before");

      // 1. The monitor files a report.
      signIn(actor, "monitor");
      actor.get(base + "/reports/new");
      actor
          .findElement(By.id("time"))
          .sendKeys(
              Instant.now()
                  .minus(Duration.ofMinutes(30))
                  .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                  .toString());
      new Select(actor.findElement(By.id("kind"))).selectByVisibleText("shelling");
      actor.findElement(By.id("lat")).sendKeys("47.9");
      actor.findElement(By.id("lon")).sendKeys("36.95");
      new Select(actor.findElement(By.id("actor"))).selectByValue("RU");
      actor.findElement(By.id("confidence")).clear();
      actor.findElement(By.id("confidence")).sendKeys("0.8");
      actor
          .findElement(By.id("sources"))
          .sendKeys("patrol-7, patrol, team-7\ncam-12, sensor, cameras");
      actor
          .findElement(By.id("summary"))
          .sendKeys("Twelve impacts of 152 mm artillery on the outskirts, observed by patrol 7.");
      screenshot(actor, "report-form");
      actor.findElement(By.cssSelector("#report-form button[type=submit]")).click();
      wait(actor).until(x -> x.getCurrentUrl().contains("done=filed"));
      assertThat(actor.findElement(By.id("report-status")).getText()).isEqualTo("reported");
      String reportUrl = actor.getCurrentUrl();
      String reportId = reportUrl.replaceAll(".*/reports/([^?]+).*", "$1");
      screenshot(actor, "report-filed");
      wait(watcher)
          .until(x -> x.findElement(By.id("reports-table")).getText().contains("Twelve impacts"));
      screenshot(watcher, "dashboard-report-live");
      signOut(actor);

      // 2. The verifier corroborates, then verifies it from the review queue.
      signIn(actor, "verifier");
      actor.get(base + "/review");
      WebElement item = actor.findElement(By.id("q-" + reportId));
      screenshot(actor, "review-queue");
      // the review rules: corroborated (two independent groups) first, then verified
      item.findElement(By.cssSelector("input[value=corroborated]")).click();
      item.findElement(By.cssSelector("button[type=submit]")).click();
      wait(actor).until(x -> x.getCurrentUrl().contains("done=reviewed"));
      actor.get(base + "/review");
      item = actor.findElement(By.id("q-" + reportId));
      item.findElement(By.cssSelector("input[value=verified]")).click();
      item.findElement(By.cssSelector("button[type=submit]")).click();
      wait(actor).until(x -> x.getCurrentUrl().contains("done=reviewed"));
      assertThat(server.services().operations().report(reportId).orElseThrow().status())
          .isEqualTo(ReviewStatus.VERIFIED);
      signOut(actor);

      // 3. The engine raised a candidate finding; 4. three members of the Special Commission vote.
      for (String member : List.of("body-us", "body-gb", "body-fr")) {
        signIn(actor, member);
        actor.get(base + "/findings");
        WebElement candidate =
            wait(actor)
                .until(
                    x ->
                        x.findElements(By.cssSelector("article")).stream()
                            .filter(
                                a ->
                                    a.getText().contains("candidate")
                                        && !a.findElements(By.cssSelector("input[value=confirm]"))
                                            .isEmpty())
                            .findFirst()
                            .orElse(null));
        if (member.equals("body-us")) {
          screenshot(actor, "candidate-finding");
        }
        candidate.findElement(By.cssSelector("input[value=confirm]")).click();
        candidate.findElement(By.cssSelector("button[type=submit]")).click();
        wait(actor).until(x -> x.getCurrentUrl().contains("done=voted"));
        screenshot(actor, "voted-" + member);
        signOut(actor);
      }

      // 5. The guarantee triggered: the open dashboard shows it and the obligations, live.
      wait(watcher).until(x -> x.findElement(By.id("live")).getText().contains("triggered"));
      wait(watcher)
          .until(
              x ->
                  !x.findElements(By.id("obligations-table")).isEmpty()
                      && x.findElement(By.id("obligations-table")).getText().contains("consult"));
      assertThat(
              ((JavascriptExecutor) watcher).executeScript("return window.__notReloaded === true;"))
          .isEqualTo(true);
      screenshot(watcher, "dashboard-triggered-live");

      // 6. The US representative sees its obligations (and only its own) and answers one.
      signIn(actor, "guarantor-us");
      actor.get(base + "/obligations");
      List<WebElement> cards = actor.findElements(By.cssSelector("article"));
      assertThat(cards).isNotEmpty().allMatch(c -> c.getText().startsWith("US:"));
      WebElement consult =
          cards.stream().filter(c -> c.getText().contains("consult")).findFirst().orElseThrow();
      screenshot(actor, "obligations-us");
      consult.findElement(By.cssSelector("input[value=fulfilled]")).click();
      consult
          .findElement(By.cssSelector("textarea"))
          .sendKeys("Consultations held with Ukraine and the other guarantors.");
      consult.findElement(By.cssSelector("button[type=submit]")).click();
      wait(actor).until(x -> x.getCurrentUrl().contains("done=answered"));
      screenshot(actor, "obligation-answered");

      // 7. The administrator's dashboard drops the answered obligation from the open ones, live.
      wait(watcher)
          .until(
              x -> {
                String t = x.findElement(By.id("obligations-table")).getText();
                return t.lines().noneMatch(l -> l.startsWith("US consult"));
              });
      assertThat(
              ((JavascriptExecutor) watcher).executeScript("return window.__notReloaded === true;"))
          .isEqualTo(true);
      screenshot(watcher, "dashboard-after-answer-live");

      // The other screens, for the record.
      for (String page : List.of("map", "timeline", "findings", "agreements", "daily", "admin")) {
        watcher.get(base + "/" + page);
        if (page.equals("map")) {
          wait(watcher).until(x -> x.findElement(By.id("map")).getAttribute("data-count") != null);
        }
        screenshot(watcher, page);
      }
    } finally {
      watcher.quit();
      actor.quit();
    }
  }

  @Test
  void dashboard_onAPhone_fitsTheScreenWidth() throws Exception {
    WebDriver phone = browser(390, 844);
    try {
      signIn(phone, "admin");
      phone.get(base + "/");
      Object overflow =
          ((JavascriptExecutor) phone)
              .executeScript(
                  "return document.documentElement.scrollWidth <= window.innerWidth + 1;");
      screenshot(phone, "dashboard-phone");
      assertThat(overflow).isEqualTo(true);
      // keyboard users reach the content first: the skip link is the first focusable element
      Object first =
          ((JavascriptExecutor) phone)
              .executeScript(
                  "return document.querySelector('a, button, input, select, textarea').className;");
      assertThat(first).isEqualTo("skip");
    } finally {
      phone.quit();
    }
  }
}
