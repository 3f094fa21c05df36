package org.umbrella.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.umbrella.server.app.DomainError;

/**
 * The rules of a new account, side by side: what an administrator sent, the field the refusal
 * names, and the words of the rule. The API and the administration page build the same {@link
 * NewAccount}, so they refuse the same input the same way.
 */
class NewAccountTest {
  static final String GOOD = "correct horse battery staple";

  static Stream<Arguments> refusals() {
    return Stream.of(
        // situation, username, display name, party, password, field named, words of the rule
        Arguments.of("an upper-case username", "Alice", "Alice", "", GOOD, "/username", "2-64"),
        Arguments.of("a one-letter username", "a", "A", "", GOOD, "/username", "2-64"),
        Arguments.of("a username with a space", "al ice", "Alice", "", GOOD, "/username", "2-64"),
        Arguments.of(
            "a username starting with '-'", "-alice", "Alice", "", GOOD, "/username", "starting"),
        Arguments.of(
            "a username of 65 characters", "a".repeat(65), "A", "", GOOD, "/username", "2-64"),
        Arguments.of("a blank display name", "alice", "  ", "", GOOD, "/display-name", "blank"),
        Arguments.of(
            "a display name of 201 characters",
            "alice",
            "A".repeat(201),
            "",
            GOOD,
            "/display-name",
            "at most 200"),
        Arguments.of(
            "a display name with a NUL", "alice", "Al\u0000ice", "", GOOD, "/display-name", ""),
        Arguments.of("a lower-case party", "alice", "Alice", "gb", GOOD, "/party", "party code"),
        Arguments.of("a party of one letter", "alice", "Alice", "G", GOOD, "/party", "was 'G'"),
        Arguments.of(
            "a password of 11 characters",
            "alice",
            "Alice",
            "",
            "abcdefghijk",
            "/password",
            "at least 12"),
        Arguments.of(
            "a password easy to guess",
            "alice",
            "Alice",
            "",
            "password1234",
            "/password",
            "too easy to guess"),
        Arguments.of(
            "a password built on the username",
            "alicewonder",
            "Alice",
            "",
            "alicewonder1",
            "/password",
            "too easy to guess"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void eachRule_refusesItsInput_namingTheField(
      String situation,
      String username,
      String displayName,
      String party,
      String password,
      String field,
      String words) {
    assertThatThrownBy(
            () ->
                new NewAccount(
                    username,
                    displayName,
                    Role.MONITOR,
                    Optional.of(party).filter(p -> !p.isEmpty()),
                    password))
        .as(situation)
        .isInstanceOfSatisfying(
            DomainError.Invalid.class,
            e -> {
              assertThat(e.field()).contains(field);
              assertThat(e.detail()).contains(words);
            });
  }

  @Test
  void itsText_neverShowsThePassword() {
    NewAccount a = new NewAccount("alice", "Alice", Role.VERIFIER, Optional.of("GB"), GOOD);
    assertThat(a.toString()).contains("alice", "verifier", "GB").doesNotContain(GOOD, "horse");
  }

  @Provide
  Arbitrary<String> usernames() {
    return Arbitraries.strings()
        .withChars("abcdefghijklmnopqrstuvwxyz0123456789._-")
        .ofMinLength(1)
        .ofMaxLength(63)
        .map(s -> "u" + s);
  }

  @Provide
  Arbitrary<String> parties() {
    return Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(2).ofMaxLength(8);
  }

  @Property(tries = 50)
  void anyWellFormedAccount_isMade_andKeepsItsValues(
      @ForAll("usernames") String username, @ForAll("parties") String party, @ForAll Role role) {
    NewAccount a = new NewAccount(username, "Display " + party, role, Optional.of(party), GOOD);
    assertThat(a.username()).isEqualTo(username);
    assertThat(a.party()).contains(party);
    assertThat(a.role()).isEqualTo(role);
  }
}
