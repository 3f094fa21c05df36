package org.umbrella.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.umbrella.server.app.DomainError;

/**
 * The rules of a new webhook that the values alone decide, side by side: what an administrator
 * sent, the field the refusal names, and the words of the rule. (Where the host's addresses may go
 * is the workflow's, at registration time: {@code WebhookTargetTest}.)
 */
class NewWebhookTest {
  static final String SECRET = "sixteen-chars-ok";

  static Stream<Arguments> refusals() {
    return Stream.of(
        // situation, url, secret, events, field named, words of the rule
        Arguments.of("an empty url", "", SECRET, "*", "/url", "absolute http or https"),
        Arguments.of(
            "an ftp url", "ftp://hooks.example.org/x", SECRET, "*", "/url", "http or https"),
        Arguments.of(
            "a url with a password",
            "https://user:pw@hooks.example.org/x",
            SECRET,
            "*",
            "/url",
            "must not carry a user name or password"),
        Arguments.of("a url without a host", "https:///x", SECRET, "*", "/url", "host"),
        Arguments.of(
            "a url of 2001 characters",
            "https://hooks.example.org/" + "x".repeat(1975),
            SECRET,
            "*",
            "/url",
            "at most 2000"),
        Arguments.of(
            "a secret of 15 characters",
            "https://hooks.example.org/x",
            "fifteen-chars-x",
            "*",
            "/secret",
            "16 to 200"),
        Arguments.of(
            "a secret of 201 characters",
            "https://hooks.example.org/x",
            "s".repeat(201),
            "*",
            "/secret",
            "16 to 200"),
        Arguments.of(
            "events with a space",
            "https://hooks.example.org/x",
            SECRET,
            "finding.candidate, obligation.pending",
            "/events",
            "comma-separated"),
        Arguments.of("no events", "https://hooks.example.org/x", SECRET, "", "/events", "'*' or"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void eachRule_refusesItsInput_namingTheField(
      String situation, String url, String secret, String events, String field, String words) {
    assertThatThrownBy(() -> new NewWebhook(url, secret, events))
        .as(situation)
        .isInstanceOfSatisfying(
            DomainError.Invalid.class,
            e -> {
              assertThat(e.field()).contains(field);
              assertThat(e.detail()).contains(words);
            });
  }

  @Test
  void aWellFormedWebhook_isMade_andItsTextHidesTheSecret() {
    NewWebhook w =
        new NewWebhook(
            "https://hooks.example.org:8443/umbrella",
            SECRET,
            "finding.candidate,obligation.pending");
    assertThat(w.events()).isEqualTo("finding.candidate,obligation.pending");
    assertThat(w.toString()).contains("hooks.example.org").doesNotContain(SECRET);
  }
}
