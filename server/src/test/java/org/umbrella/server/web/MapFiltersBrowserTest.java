package org.umbrella.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.umbrella.server.UmbrellaServer;
import org.umbrella.server.access.Role;
import org.umbrella.server.http.Json;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.ReportInput;

/**
 * The map's filters by kind, status and actor live in the URL, in Chromium with axe-core: a link
 * with {@code ?kind=shelling&status=verified&actor=RU} opens the map with those filters chosen and
 * says how many reports it shows; choosing another actor (unattributed) rewrites the URL and the
 * count; a reload keeps both; the export links carry the same filters.
 */
class MapFiltersBrowserTest {
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
            "admin", "Ada Admin", Role.ADMINISTRATOR, Optional.empty(), BrowserFlowTest.PASSWORD);
    Operations ops = server.services().operations();
    // verified shelling: 3 by RU, 2 by UA, 2 unattributed; 2 by RU still waiting for review; 1
    // verified mine by RU
    String[][] plan = {
      {"RU", "verified", "shelling"},
      {"RU", "verified", "shelling"},
      {"RU", "verified", "shelling"},
      {"UA", "verified", "shelling"},
      {"UA", "verified", "shelling"},
      {"", "verified", "shelling"},
      {"", "verified", "shelling"},
      {"RU", "reported", "shelling"},
      {"RU", "reported", "shelling"},
      {"RU", "verified", "mine"}
    };
    for (int i = 0; i < plan.length; i++) {
      String json =
          org.umbrella.server.TestServer.reportJson("report " + i)
              .replace(
                  "2026-03-09T04:10:00Z",
                  server.services().clock().instant().minusSeconds(3600L * (i + 1)).toString())
              .replace("\"kind\":\"shelling\"", "\"kind\":\"" + plan[i][2] + "\"")
              // the report as filed names the plan's actor, or none (unattributed)
              .replace(
                  "\"actor\":{\"party\":\"RU\",\"confidence\":0.7},",
                  plan[i][0].isEmpty()
                      ? ""
                      : "\"actor\":{\"party\":\"" + plan[i][0] + "\",\"confidence\":0.7},");
      var r = ops.fileReport(ReportInput.parse(Json.MAPPER.readTree(json)), "monitor");
      if (plan[i][1].equals("verified")) {
        ops.review(r.id(), "corroborated", plan[i][0], 0.9, "", "verifier");
        ops.review(r.id(), "verified", plan[i][0], 0.9, "", "verifier");
      }
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static String count(WebDriver d) {
    return d.findElement(By.id("map-count")).getText();
  }

  @Test
  void filtersByKindStatusAndActor_roundTripThroughTheUrl() throws Exception {
    String axe = Axe.script().orElse(null);
    WebDriver d = BrowserFlowTest.browser(1366, 900);
    try {
      AccessibilityTest.signIn(d, base, "admin");
      d.get(base + "/map?kind=shelling&status=verified&actor=RU");
      BrowserFlowTest.wait(d)
          .until(x -> "3".equals(x.findElement(By.id("map")).getAttribute("data-count")));
      assertThat(
              new Select(d.findElement(By.id("m-kind")))
                  .getFirstSelectedOption()
                  .getAttribute("value"))
          .isEqualTo("shelling");
      assertThat(
              new Select(d.findElement(By.id("m-status")))
                  .getFirstSelectedOption()
                  .getAttribute("value"))
          .isEqualTo("verified");
      assertThat(
              new Select(d.findElement(By.id("m-actor")))
                  .getFirstSelectedOption()
                  .getAttribute("value"))
          .isEqualTo("RU");
      assertThat(count(d)).isEqualTo("Showing all 3 reports.");
      assertThat(d.findElement(By.id("map-count")).getAttribute("data-total")).isEqualTo("3");
      assertThat(d.findElement(By.id("export-csv")).getAttribute("href"))
          .contains("kind=shelling")
          .contains("status=verified")
          .contains("actor=RU");
      if (axe != null) {
        assertThat(AccessibilityTest.check(d, axe, "map with filters", new int[] {1366, 900}))
            .isEmpty();
      }

      new Select(d.findElement(By.id("m-actor"))).selectByValue("none");
      d.findElement(By.cssSelector("#map-filters button[type=submit]")).click();
      BrowserFlowTest.wait(d)
          .until(x -> x.getCurrentUrl().endsWith("/map?kind=shelling&status=verified&actor=none"));
      BrowserFlowTest.wait(d).until(x -> count(x).equals("Showing all 2 reports."));
      assertThat(d.findElement(By.id("lang-uk")).getAttribute("href"))
          .endsWith("/map?kind=shelling&status=verified&actor=none&lang=uk");

      d.navigate().refresh();
      BrowserFlowTest.wait(d).until(x -> count(x).equals("Showing all 2 reports."));
      assertThat(
              new Select(d.findElement(By.id("m-actor")))
                  .getFirstSelectedOption()
                  .getAttribute("value"))
          .isEqualTo("none");

      // all statuses and actors: the 9 shelling reports the administrator may see
      new Select(d.findElement(By.id("m-actor"))).selectByValue("");
      new Select(d.findElement(By.id("m-status"))).selectByValue("");
      d.findElement(By.cssSelector("#map-filters button[type=submit]")).click();
      BrowserFlowTest.wait(d).until(x -> x.getCurrentUrl().endsWith("/map?kind=shelling"));
      BrowserFlowTest.wait(d).until(x -> count(x).equals("Showing all 9 reports."));
      AccessibilityTest.screenshot(d, "admin-map-filters-1366");
    } finally {
      d.quit();
    }
  }
}
