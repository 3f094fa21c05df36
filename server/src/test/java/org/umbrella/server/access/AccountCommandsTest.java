package org.umbrella.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.umbrella.server.TestServer;
import org.umbrella.server.access.oidc.IdentityLink;
import org.umbrella.server.access.oidc.OidcAccounts;
import org.umbrella.server.app.DomainError;

/**
 * An administrator's commands on existing accounts, each validated once when it is made: a {@link
 * PasswordReset} and an {@link IdentityLink}. The rule, the input, the field the refusal names,
 * side by side; then what only the stored account can decide, checked in its transaction, with
 * nothing changed by a refusal.
 */
class AccountCommandsTest {
  static final String ISSUER = "https://login.example.org/realms/umbrella";

  static Stream<Arguments> identityRefusals() {
    return Stream.of(
        // situation, issuer, subject, field named, words of the rule
        Arguments.of("an empty issuer", "", "abc", "/issuer", "issuer URL"),
        Arguments.of("an issuer without scheme", "login.example.org", "abc", "/issuer", "https"),
        Arguments.of("an ftp issuer", "ftp://login.example.org", "abc", "/issuer", "https"),
        Arguments.of("an issuer with a space", "https://a b", "abc", "/issuer", "https"),
        Arguments.of("an empty subject", ISSUER, "", "/subject", "1-255"),
        Arguments.of("a subject of 256 characters", ISSUER, "s".repeat(256), "/subject", "1-255"),
        Arguments.of("a subject with a newline", ISSUER, "ab\ncd", "/subject", "control"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identityRefusals")
  void identityLink_refusesMalformedInput_namingTheField(
      String situation, String issuer, String subject, String field, String words) {
    assertThatThrownBy(() -> new IdentityLink(issuer, subject))
        .isInstanceOfSatisfying(
            DomainError.Invalid.class, e -> assertThat(e.field()).contains(field))
        .hasMessageContaining(words);
  }

  @Test
  void identityLink_acceptsTheLongestSubjectAndAPlainHttpIssuer() {
    assertThat(new IdentityLink("http://localhost:8081/realms/x", "s".repeat(255)).subject())
        .hasSize(255);
  }

  @Test
  void passwordReset_refusesWhatThePasswordAloneFails_andNeverShowsIt() {
    assertThatThrownBy(() -> new PasswordReset(7, "short"))
        .isInstanceOfSatisfying(
            DomainError.Invalid.class, e -> assertThat(e.field()).contains("/password"))
        .hasMessageContaining("at least 12");
    assertThatThrownBy(() -> new PasswordReset(7, "password1234"))
        .isInstanceOfSatisfying(
            DomainError.Invalid.class, e -> assertThat(e.field()).contains("/password"))
        .hasMessageContaining("too easy to guess");
    assertThatThrownBy(() -> new PasswordReset(0, NewAccountTest.GOOD))
        .isInstanceOf(DomainError.NotFound.class);
    PasswordReset reset = new PasswordReset(7, NewAccountTest.GOOD);
    assertThat(reset.toString()).contains("accountId=7").doesNotContain(NewAccountTest.GOOD);
  }

  @Test
  void passwordReset_closeToTheAccountsOwnName_isRefusedInTheTransaction_andNothingChanges() {
    try (TestServer t = new TestServer()) {
      Accounts accounts = t.server.services().accounts();
      Account a =
          accounts.create(
              new NewAccount(
                  "oksana.kovalenko",
                  "Oksana Kovalenko",
                  Role.MONITOR,
                  java.util.Optional.of("UA"),
                  NewAccountTest.GOOD),
              "admin");
      AccountChanges changes = new AccountChanges(t.server.services().jdbi(), t.clock);
      // strong enough alone, weak once the account's own names are words an attacker tries first
      String ownName = "oksana.kovalenko2026";
      PasswordReset reset = new PasswordReset(a.id(), ownName);
      assertThatThrownBy(() -> changes.resetPassword(reset, "admin"))
          .isInstanceOfSatisfying(
              DomainError.Invalid.class, e -> assertThat(e.field()).contains("/password"));
      assertThat(accounts.authenticate("oksana.kovalenko", NewAccountTest.GOOD)).isPresent();
      assertThat(accounts.authenticate("oksana.kovalenko", ownName)).isEmpty();

      String fresh = "violet anchor meadow trumpet";
      changes.resetPassword(new PasswordReset(a.id(), fresh), "admin");
      assertThat(accounts.authenticate("oksana.kovalenko", fresh)).isPresent();
      assertThat(accounts.authenticate("oksana.kovalenko", NewAccountTest.GOOD)).isEmpty();
    }
  }

  @Test
  void identityLink_twiceForOneAccount_isAConflict_andTheFirstStays() {
    try (TestServer t = new TestServer()) {
      Account a = t.accounts.get(Role.MONITOR);
      OidcAccounts oidc =
          new OidcAccounts(t.server.services().jdbi(), t.server.services().accounts(), t.clock);
      oidc.link(a.id(), new IdentityLink(ISSUER, "first"), "admin");
      assertThatThrownBy(() -> oidc.link(a.id(), new IdentityLink(ISSUER, "second"), "admin"))
          .isInstanceOf(DomainError.Conflict.class);
      assertThat(oidc.links(a.id()))
          .extracting(OidcAccounts.Link::subject)
          .containsExactly("first");
      assertThatThrownBy(() -> oidc.unlink(a.id(), new IdentityLink(ISSUER, "second"), "admin"))
          .isInstanceOf(DomainError.NotFound.class);
      oidc.unlink(a.id(), new IdentityLink(ISSUER, "first"), "admin");
      assertThat(oidc.links(a.id())).isEmpty();
    }
  }
}
