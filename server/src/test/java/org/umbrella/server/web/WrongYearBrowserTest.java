package org.umbrella.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.umbrella.server.TestServer;
import org.umbrella.server.access.Role;

/**
 * Issue 9, acceptance 1: a monitor types next year instead of this one in the report form, in real
 * headless Chromium; the form comes back with the reason, naming the time field, and nothing is
 * stored. Corrected, the same report is filed. Skips without Debian's chromium and chromium-driver.
 */
class WrongYearBrowserTest {
  @Test
  void aReportTypedWithNextYear_isRefusedOnTheForm_thenFiledOnceCorrected() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(BrowserFlowTest.DRIVER) && Files.isExecutable(BrowserFlowTest.BROWSER),
        "browser test skipped: install Debian's chromium and chromium-driver (/usr/bin/chromedriver) to run it");
    Files.createDirectories(BrowserFlowTest.SHOTS);
    try (TestServer t = new TestServer()) {
      WebDriver d = BrowserFlowTest.browser(1280, 900);
      try {
        d.get(t.base() + "/login");
        d.findElement(By.id("username")).sendKeys(t.accounts.get(Role.MONITOR).username());
        d.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
        d.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        BrowserFlowTest.wait(d).until(x -> x.getCurrentUrl().contains("done=signed-in"));

        Instant meant =
            t.clock.instant().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        String typo = meant.toString().replaceFirst("^2026", "2027");
        fill(d, t.base(), typo);
        d.findElement(By.cssSelector("#report-form button[type=submit]")).click();
        BrowserFlowTest.wait(d)
            .until(x -> !x.findElements(By.cssSelector("[role=alert]")).isEmpty());
        String alert = d.findElement(By.cssSelector("[role=alert]")).getText();
        BrowserFlowTest.screenshot(d, "report-form-wrong-year");
        assertThat(alert).contains("in the future").contains("2027").contains("check the year");
        assertThat(d.findElement(By.id("time")).findElement(By.xpath("..")).getAttribute("class"))
            .contains("bad");
        assertThat(
                t.server
                    .services()
                    .operations()
                    .reports(
                        new org.umbrella.server.ops.Operations.ReportFilter(
                            null, null, null, null, null),
                        10,
                        0))
            .isEmpty();

        fill(d, t.base(), meant.toString());
        d.findElement(By.cssSelector("#report-form button[type=submit]")).click();
        BrowserFlowTest.wait(d).until(x -> x.getCurrentUrl().contains("done=filed"));
        assertThat(d.findElement(By.id("report-status")).getText()).isEqualTo("reported");
      } finally {
        d.quit();
      }
    }
  }

  private static void fill(WebDriver d, String base, String time) {
    d.get(base + "/reports/new");
    d.findElement(By.id("time")).sendKeys(time);
    new Select(d.findElement(By.id("kind"))).selectByVisibleText("shelling");
    d.findElement(By.id("lat")).sendKeys("47.9");
    d.findElement(By.id("lon")).sendKeys("36.95");
    d.findElement(By.id("sources")).sendKeys("patrol-7, patrol, team-7\ncam-12, sensor, cameras");
    d.findElement(By.id("summary")).sendKeys("Shelling on the outskirts, observed by patrol 7.");
  }
}
