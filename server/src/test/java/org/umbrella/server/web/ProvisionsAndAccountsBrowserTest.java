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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.umbrella.server.TestAgreement;
import org.umbrella.server.UmbrellaServer;
import org.umbrella.server.access.Role;

/**
 * The provisions page and account administration in Chromium at 1366x900 and 390x844 with axe-core:
 * a verifier records a provision's level and the 0-3 matrix moves to it; an administrator creates
 * an account (a weak password is refused with what was typed kept), sets a new password (the old
 * one stops working, the new one signs in), and disables it (it can no longer sign in); each change
 * is in the audit trail.
 */
class ProvisionsAndAccountsBrowserTest {
  static UmbrellaServer server;
  static String base;
  static final String NEW_PASSWORD = "plum orchard lighthouse 42";

  @BeforeAll
  static void start() throws Exception {
    Clock clock = Clock.systemUTC();
    server = BrowserFixture.startWithCeasefireInForce(clock);
    base = "http://127.0.0.1:" + server.port();
    server
        .services()
        .accounts()
        .create(
            "admin", "Ada Admin", Role.ADMINISTRATOR, Optional.empty(), BrowserFlowTest.PASSWORD);
    server
        .services()
        .accounts()
        .create(
            "verifier", "Vera Verifier", Role.VERIFIER, Optional.empty(), BrowserFlowTest.PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static boolean signsIn(WebDriver d, String user, String password) {
    d.manage().deleteAllCookies();
    d.get(base + "/login");
    d.findElement(By.id("username")).sendKeys(user);
    d.findElement(By.id("password")).sendKeys(password);
    d.findElement(By.cssSelector("#login-form button[type=submit]")).click();
    BrowserFlowTest.wait(d)
        .until(
            x ->
                x.getCurrentUrl().contains("done=signed-in")
                    || !x.findElements(By.cssSelector("#login-form .error, .error")).isEmpty());
    return d.getCurrentUrl().contains("done=signed-in");
  }

  @Test
  void verifierRecordsALevel_andAdminCreatesResetsAndDisablesAnAccount() throws Exception {
    String axe = Axe.script().orElse(null);
    List<String> problems = new ArrayList<>();
    int[][] sizes = {{1366, 900}, {390, 844}};
    for (int[] size : sizes) {
      WebDriver d = BrowserFlowTest.browser(size[0], size[1]);
      try {
        // the public sees the matrix, and no form
        d.get(base + "/provisions");
        List<WebElement> rows = d.findElements(By.cssSelector("#provision-matrix tbody tr"));
        assertThat(rows).hasSize(TestAgreement.ukraine().provisions().size()).isNotEmpty();
        assertThat(d.findElements(By.cssSelector("form.provision-form"))).isEmpty();

        AccessibilityTest.signIn(d, base, "verifier");
        d.get(base + "/provisions");
        String first = TestAgreement.ukraine().provisions().keySet().iterator().next();
        int level = size[0] > 1000 ? 2 : 3;
        WebElement form = d.findElement(By.id("report-" + first));
        form.findElement(By.cssSelector("input[name=level][value='" + level + "']")).click();
        form.findElement(By.tagName("textarea")).sendKeys("Verified on site by team 3.");
        if (axe != null) {
          problems.addAll(AccessibilityTest.check(d, axe, "verifier /provisions", size));
        }
        form.findElement(By.cssSelector("button[type=submit]")).click();
        BrowserFlowTest.wait(d).until(x -> x.getCurrentUrl().contains("done=reported"));
        for (int i = 0;
            i < 100 && !d.findElement(By.id("p-" + first)).getText().contains("level " + level);
            i++) {
          Thread.sleep(100);
          d.navigate().refresh();
        }
        WebElement row = d.findElement(By.id("p-" + first));
        assertThat(row.getText())
            .contains("level " + level + ", " + ProvisionRows.LEVELS.get(level));
        assertThat(row.findElements(By.cssSelector("td.on"))).hasSize(1);
        assertThat(row.findElements(By.tagName("td")).get(2 + level).getAttribute("class"))
            .isEqualTo("on");
        AccessibilityTest.screenshot(d, "verifier-provisions-" + size[0]);

        AccessibilityTest.signIn(d, base, "admin");
        d.get(base + "/admin");
        if (axe != null) {
          problems.addAll(AccessibilityTest.check(d, axe, "admin /admin", size));
        }
        String user = "observer" + size[0];
        d.findElement(By.cssSelector("#create-account summary")).click();
        d.findElement(By.id("new-username")).sendKeys(user);
        d.findElement(By.id("new-name")).sendKeys("Olga Observer");
        new Select(d.findElement(By.id("new-role"))).selectByValue("observer");
        d.findElement(By.id("new-password")).sendKeys("password1234");
        d.findElement(By.cssSelector("#create-form button[type=submit]")).click();
        BrowserFlowTest.wait(d).until(x -> !x.findElements(By.id("create-error")).isEmpty());
        assertThat(d.findElement(By.id("create-error")).getText())
            .startsWith("The account was not created:");
        assertThat(d.findElement(By.id("new-username")).getAttribute("value")).isEqualTo(user);
        assertThat(server.services().accounts().byUsername(user)).isEmpty();
        d.findElement(By.id("new-password")).sendKeys(BrowserFlowTest.PASSWORD);
        d.findElement(By.cssSelector("#create-form button[type=submit]")).click();
        BrowserFlowTest.wait(d).until(x -> x.getCurrentUrl().contains("done=created"));
        assertThat(d.findElement(By.id("acct-" + user)).getText())
            .contains("Olga Observer")
            .contains("observer");

        WebElement acct = d.findElement(By.id("acct-" + user));
        acct.findElement(By.cssSelector("details summary")).click();
        acct = d.findElement(By.id("acct-" + user));
        acct.findElements(By.cssSelector("details summary")).stream()
            .filter(s -> s.getText().equals("New password"))
            .findFirst()
            .orElseThrow()
            .click();
        acct.findElement(By.cssSelector(".password-form input[type=password]"))
            .sendKeys(NEW_PASSWORD);
        acct.findElement(By.cssSelector(".password-form button[type=submit]")).click();
        BrowserFlowTest.wait(d).until(x -> x.getCurrentUrl().contains("done=password-set"));
        AccessibilityTest.screenshot(d, "admin-accounts-" + size[0]);

        assertThat(signsIn(d, user, BrowserFlowTest.PASSWORD)).isFalse();
        assertThat(signsIn(d, user, NEW_PASSWORD)).isTrue();

        AccessibilityTest.signIn(d, base, "admin");
        d.get(base + "/admin");
        d.findElement(By.cssSelector("#acct-" + user + " .disable-form button")).click();
        BrowserFlowTest.wait(d).until(x -> x.getCurrentUrl().contains("done=disabled"));
        assertThat(d.findElement(By.id("acct-" + user)).getText()).contains("disabled");
        String audit = d.findElement(By.id("audit-table")).getText();
        assertThat(audit)
            .contains("account disabled " + user)
            .contains("password reset " + user)
            .contains("account created " + user);
        assertThat(signsIn(d, user, NEW_PASSWORD)).isFalse();
      } finally {
        d.quit();
      }
    }
    assertThat(problems).isEmpty();
    Assumptions.assumeTrue(axe != null, "axe-core checks skipped: npm could not fetch axe-core");
  }
}
