package org.umbrella.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.umbrella.server.UmbrellaServer;
import org.umbrella.server.access.Role;
import org.umbrella.server.http.Json;
import org.umbrella.server.ops.ReportInput;

/**
 * A monitor switches the app to Ukrainian in Chromium (1366x900 and 390x844, axe-core run): the
 * switcher sets {@code <html lang="uk">}, the page and the next pages are Ukrainian (the choice is
 * kept), what the script writes (the map's count, the place picker's settlements and choice) is
 * Ukrainian too, and switching back gives English.
 */
class LanguageSwitchBrowserTest {
  static UmbrellaServer server;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    server = BrowserFixture.startWithCeasefireInForce(Clock.systemUTC());
    base = "http://127.0.0.1:" + server.port();
    server
        .services()
        .accounts()
        .create(
            "monitor", "Mona Monitor", Role.MONITOR, Optional.empty(), BrowserFlowTest.PASSWORD);
    var ops = server.services().operations();
    for (int i = 0; i < 3; i++) {
      var r =
          ops.fileReport(
              ReportInput.parse(
                  Json.MAPPER.readTree(
                      org.umbrella.server.TestServer.reportJson("shelling " + i)
                          .replace(
                              "2026-03-09T04:10:00Z",
                              server
                                  .services()
                                  .clock()
                                  .instant()
                                  .minusSeconds(3600L * (i + 1))
                                  .toString()))),
              "monitor");
      ops.review(r.id(), "corroborated", "RU", 0.9, "", "verifier");
      ops.review(r.id(), "verified", "RU", 0.9, "", "verifier");
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static String lang(WebDriver d) {
    return d.findElement(By.tagName("html")).getAttribute("lang");
  }

  @Test
  void monitorSwitchesToUkrainian_pagesAndScriptFollow_andBack() throws Exception {
    String axe = Axe.script().orElse(null);
    List<String> problems = new ArrayList<>();
    for (int[] size : new int[][] {{1366, 900}, {390, 844}}) {
      WebDriver d = BrowserFlowTest.browser(size[0], size[1]);
      try {
        AccessibilityTest.signIn(d, base, "monitor");
        d.get(base + "/map");
        assertThat(lang(d)).isEqualTo("en");
        BrowserFlowTest.wait(d)
            .until(
                x ->
                    x.findElement(By.id("map-count"))
                        .getText()
                        .startsWith("Showing all 3 reports"));

        d.findElement(By.id("lang-uk")).click();
        BrowserFlowTest.wait(d).until(x -> "uk".equals(lang(x)));
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Мапа");
        assertThat(d.getTitle()).isEqualTo("Мапа · Umbrella");
        // the count the script writes after loading the reports
        BrowserFlowTest.wait(d)
            .until(
                x ->
                    x.findElement(By.id("map-count"))
                        .getText()
                        .equals("Показано всі повідомлення: 3."));
        assertThat(d.findElement(By.cssSelector("nav a[href='/reports/new']")).getText())
            .isEqualTo("Подати повідомлення");
        if (axe != null) {
          problems.addAll(AccessibilityTest.check(d, axe, "map in Ukrainian", size));
        }

        // the next page, reached by the menu, stays Ukrainian: the choice is in a cookie
        d.findElement(By.cssSelector("nav a[href='/reports/new']")).click();
        BrowserFlowTest.wait(d).until(x -> x.getCurrentUrl().endsWith("/reports/new"));
        assertThat(lang(d)).isEqualTo("uk");
        assertThat(d.findElement(By.cssSelector("label[for=lat]")).getText()).isEqualTo("Широта");
        assertThat(d.findElement(By.cssSelector("#kind option[value=armed_clash]")).getText())
            .isEqualTo("збройне зіткнення");
        d.findElement(By.id("place-search")).sendKeys("Horl");
        WebElement horlivka =
            BrowserFlowTest.wait(d)
                .until(
                    x ->
                        x
                            .findElements(By.cssSelector("#place-results button.place-choice"))
                            .stream()
                            .filter(b -> b.getText().startsWith("Горлівка, Донецька область"))
                            .findFirst()
                            .orElse(null));
        assertThat(horlivka.getText())
            .matches("Горлівка, Донецька область \\(населення 239\\h828\\)");
        horlivka.click();
        BrowserFlowTest.wait(d)
            .until(
                x ->
                    x.findElement(By.id("place-picked"))
                        .getText()
                        .startsWith("Вибрано: у н. п. Горлівка"));
        if (axe != null) {
          problems.addAll(AccessibilityTest.check(d, axe, "report form in Ukrainian", size));
        }
        AccessibilityTest.screenshot(d, "monitor-reports-new-uk-" + size[0]);

        // a form refused by the server comes back in Ukrainian with what was typed
        ((org.openqa.selenium.JavascriptExecutor) d)
            .executeScript(
                "document.getElementById('report-form').noValidate = true; document.getElementById('lat').value = '95';");
        d.findElement(By.id("sources")).sendKeys("patrol-12, patrol, team-3");
        d.findElement(By.id("time-now")).click();
        d.findElement(By.cssSelector("#report-form button[type=submit]")).click();
        BrowserFlowTest.wait(d).until(x -> !x.findElements(By.id("lat-error")).isEmpty());
        assertThat(d.findElement(By.id("lat-error")).getText())
            .startsWith("Широта має бути числом від -90 до 90");
        assertThat(d.findElement(By.id("lat")).getAttribute("value")).isEqualTo("95");

        d.findElement(By.id("lang-en")).click();
        BrowserFlowTest.wait(d).until(x -> "en".equals(lang(x)));
        assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("File an incident report");
      } finally {
        d.quit();
      }
    }
    assertThat(problems).isEmpty();
  }
}
