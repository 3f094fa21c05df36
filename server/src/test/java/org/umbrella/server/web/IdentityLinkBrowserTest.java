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
import org.umbrella.server.UmbrellaServer;
import org.umbrella.server.access.Account;
import org.umbrella.server.access.Role;

/**
 * An administrator links an OpenID Connect identity (issuer and subject) to an account in the admin
 * page, in Chromium at 1366x900 and 390x844 with axe-core: the identity shows on the account with
 * an Unlink button, the database holds the link, a second identity of the same issuer for that
 * account is refused next to the account with what went wrong (not a bare error page), and Unlink
 * removes it; the audit trail says "identity linked" and "identity unlinked".
 */
class IdentityLinkBrowserTest {
  static UmbrellaServer server;
  static String base;
  static final String ISSUER = "https://id.example.org/realms/umbrella";

  @BeforeAll
  static void start() throws Exception {
    server = BrowserFixture.startWithCeasefireInForce(Clock.systemUTC());
    base = "http://127.0.0.1:" + server.port();
    server
        .services()
        .accounts()
        .create(
            "admin", "Ada Admin", Role.ADMINISTRATOR, Optional.empty(), BrowserFlowTest.PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static long links(long accountId) {
    return server
        .services()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select count(*) from account_oidc_identity where account_id = :a")
                    .bind("a", accountId)
                    .mapTo(Long.class)
                    .one());
  }

  @Test
  void administratorLinksAndUnlinksAnIdentity_inTheAdminPage() throws Exception {
    String axe = Axe.script().orElse(null);
    List<String> problems = new ArrayList<>();
    for (int[] size : new int[][] {{1366, 900}, {390, 844}}) {
      String user = "guarantor" + size[0];
      Account a =
          server
              .services()
              .accounts()
              .create(
                  user,
                  "Gus " + size[0],
                  Role.GUARANTOR_REPRESENTATIVE,
                  Optional.of("US"),
                  BrowserFlowTest.PASSWORD);
      String subject = "sub-" + size[0] + "-4f2a";
      WebDriver d = BrowserFlowTest.browser(size[0], size[1]);
      try {
        AccessibilityTest.signIn(d, base, "admin");
        d.get(base + "/admin");
        var row = d.findElement(By.id("acct-" + user));
        row.findElement(By.xpath(".//summary[contains(., 'Link an identity')]")).click();
        d.findElement(By.id("issuer-" + a.id())).clear();
        d.findElement(By.id("issuer-" + a.id())).sendKeys(ISSUER);
        d.findElement(By.id("subject-" + a.id())).sendKeys(subject);
        d.findElement(By.id("subject-" + a.id())).submit();
        BrowserFlowTest.wait(d).until(x -> x.getCurrentUrl().contains("done=linked"));
        assertThat(d.findElement(By.cssSelector(".notice")).getText()).contains("Identity linked");
        assertThat(d.findElement(By.id("acct-" + user)).getText())
            .contains(subject + " at " + ISSUER)
            .contains("Unlink");
        assertThat(links(a.id())).isEqualTo(1);
        if (axe != null) {
          problems.addAll(AccessibilityTest.check(d, axe, "admin with a linked identity", size));
        }
        AccessibilityTest.screenshot(d, "admin-identity-linked-" + size[0]);

        // a second identity of the same provider for this account: refused beside the account
        d.findElement(By.id("acct-" + user))
            .findElement(By.xpath(".//summary[contains(., 'Link an identity')]"))
            .click();
        d.findElement(By.id("issuer-" + a.id())).clear();
        d.findElement(By.id("issuer-" + a.id())).sendKeys(ISSUER);
        d.findElement(By.id("subject-" + a.id())).sendKeys("another-subject");
        d.findElement(By.id("subject-" + a.id())).submit();
        BrowserFlowTest.wait(d)
            .until(
                x -> !x.findElements(By.cssSelector("#acct-" + user + " .field-error")).isEmpty());
        assertThat(d.findElement(By.cssSelector("#acct-" + user + " .field-error")).getText())
            .startsWith("The identity was not linked:")
            .contains("already linked");
        assertThat(links(a.id())).isEqualTo(1);

        d.get(base + "/admin");
        d.findElement(By.cssSelector("#acct-" + user + " button[aria-label^='Unlink']")).click();
        BrowserFlowTest.wait(d).until(x -> x.getCurrentUrl().contains("done=unlinked"));
        assertThat(d.findElement(By.id("acct-" + user)).getText()).doesNotContain(subject);
        assertThat(links(a.id())).isZero();
        String audit = d.findElement(By.id("audit-table")).getText();
        assertThat(audit).contains("identity linked " + user).contains("identity unlinked " + user);
      } finally {
        d.quit();
      }
    }
    assertThat(problems).isEmpty();
  }
}
