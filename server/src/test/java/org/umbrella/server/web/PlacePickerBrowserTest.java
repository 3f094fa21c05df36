package org.umbrella.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.umbrella.server.UmbrellaServer;
import org.umbrella.server.access.Role;
import org.umbrella.server.ops.Report;

/**
 * The report form's location picker in Chromium at 1366x900 and 390x844 with axe-core: a monitor
 * searches "Horl" (and "Горлів"), picks Horlivka, which fills latitude and longitude and says "in
 * Horlivka"; clicks the map elsewhere, which moves the point and describes it from the nearest
 * settlement; files the report, whose page says where it is in words.
 */
class PlacePickerBrowserTest {
  static UmbrellaServer server;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    Clock clock = Clock.systemUTC();
    server = BrowserFixture.startWithCeasefireInForce(clock);
    base = "http://127.0.0.1:" + server.port();
    server
        .services()
        .accounts()
        .create(
            "monitor", "Mona Monitor", Role.MONITOR, Optional.empty(), BrowserFlowTest.PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void monitor_picksAPlaceBySearchOrClick_andTheReportSaysWhereInWords() throws Exception {
    String axe = Axe.script().orElse(null);
    List<String> problems = new ArrayList<>();
    for (int[] size : new int[][] {{1366, 900}, {390, 844}}) {
      WebDriver d = BrowserFlowTest.browser(size[0], size[1]);
      try {
        AccessibilityTest.signIn(d, base, "monitor");
        d.get(base + "/reports/new");
        d.findElement(By.id("place-search")).sendKeys("Горлів");
        WebElement first =
            BrowserFlowTest.wait(d)
                .until(
                    x ->
                        x
                            .findElements(By.cssSelector("#place-results button.place-choice"))
                            .stream()
                            .findFirst()
                            .orElse(null));
        assertThat(first.getText()).startsWith("Horlivka, Donetsk Oblast");
        d.findElement(By.id("place-search")).clear();
        d.findElement(By.id("place-search")).sendKeys("Horl");
        BrowserFlowTest.wait(d)
            .until(
                x ->
                    x.findElements(By.cssSelector("#place-results button.place-choice")).stream()
                        .anyMatch(
                            b ->
                                b.getText().startsWith("Horlivka, Donetsk Oblast (pop. 239,828)")));
        if (axe != null) {
          problems.addAll(AccessibilityTest.check(d, axe, "monitor /reports/new picker", size));
        }
        // the list is drawn again on each keystroke's answer, so a button found may be replaced
        // before it is clicked: the click is inside the wait, which looks it up again when stale
        BrowserFlowTest.wait(d)
            .until(
                x -> {
                  x.findElements(By.cssSelector("#place-results button.place-choice")).stream()
                      .filter(b -> b.getText().startsWith("Horlivka, Donetsk"))
                      .findFirst()
                      .orElseThrow(() -> new NoSuchElementException("Horlivka is not listed yet"))
                      .click();
                  return true;
                });
        BrowserFlowTest.wait(d)
            .until(
                x ->
                    "in Horlivka"
                        .equals(x.findElement(By.id("pick-map")).getAttribute("data-picked")));
        assertThat(d.findElement(By.id("lat")).getAttribute("value")).isEqualTo("48.29986");
        assertThat(d.findElement(By.id("lon")).getAttribute("value")).isEqualTo("38.01709");
        assertThat(d.findElement(By.id("place-picked")).getText())
            .isEqualTo("Chosen: in Horlivka (48.29986, 38.01709).");
        AccessibilityTest.screenshot(d, "monitor-place-picker-" + size[0]);

        // a click beside the marker (at zoom 11, a few km away at most), described from the nearest
        // settlement
        WebElement map = d.findElement(By.id("pick-map"));
        new Actions(d).moveToElement(map, 40, 0).click().perform();
        BrowserFlowTest.wait(d)
            .until(
                x ->
                    !"in Horlivka"
                        .equals(x.findElement(By.id("pick-map")).getAttribute("data-picked")));
        double lat = Double.parseDouble(d.findElement(By.id("lat")).getAttribute("value"));
        double lon = Double.parseDouble(d.findElement(By.id("lon")).getAttribute("value"));
        assertThat(lat).isCloseTo(48.29986, org.assertj.core.data.Offset.offset(0.1));
        assertThat(lon).isCloseTo(38.01709, org.assertj.core.data.Offset.offset(0.2));
        assertThat(lat != 48.29986 || lon != 38.01709).isTrue();
        String expected = Gazetteer.shipped().describe(lat, lon);
        assertThat(d.findElement(By.id("pick-map")).getAttribute("data-picked"))
            .isEqualTo(expected);

        // filed: the report's page describes the place
        d.findElement(By.id("time-now")).click();
        d.findElement(By.id("sources")).sendKeys("patrol-12, patrol, team-3");
        d.findElement(By.cssSelector("#report-form button[type=submit]")).click();
        BrowserFlowTest.wait(d).until(x -> x.getCurrentUrl().contains("done=filed"));
        assertThat(d.findElement(By.id("place-described")).getText()).isEqualTo(expected);
        if (axe != null) {
          problems.addAll(AccessibilityTest.check(d, axe, "monitor report page", size));
        }
      } finally {
        d.quit();
      }
    }
    List<Report> filed =
        server
            .services()
            .operations()
            .reports(
                new org.umbrella.server.ops.Operations.ReportFilter(
                    null, null, null, java.util.Set.of("reported"), null),
                10,
                0);
    assertThat(filed).hasSize(2);
    assertThat(problems).isEmpty();
    Assumptions.assumeTrue(axe != null, "axe-core checks skipped: npm could not fetch axe-core");
  }
}
