package org.umbrella.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.app.DomainError.SignInRefused.Reason;
import org.umbrella.server.app.DomainError.Unavailable.Dependency;

/**
 * Issue 9, item 6: the one mapping from a domain error to a problem, as a table of (rule,
 * situation, expected problem). The statuses and type slugs are the ones the API documents and its
 * tests pin; a change here is a change of the API.
 */
class ProblemMappingTest {

  static Stream<Arguments> table() {
    return Stream.of(
        row(
            "a field is malformed",
            "a report dated in the future",
            new DomainError.Invalid("/time", "time 2027-12-04T00:00:00Z is in the future"),
            400,
            "invalid-input",
            "/time"),
        row(
            "a field is malformed",
            "a rejection without a reason",
            new DomainError.Invalid("/note", "a rejection needs a reason"),
            400,
            "invalid-input",
            "/note"),
        row(
            "a query parameter is malformed",
            "a limit that is not a number",
            new DomainError.Invalid("?limit", "limit must be a whole number"),
            400,
            "invalid-input",
            "?limit"),
        row(
            "the thing does not exist",
            "an unknown report id",
            new DomainError.NotFound("id", "no report 'r-404'"),
            404,
            "not-found",
            "id"),
        row(
            "the caller is anonymous",
            "no session, no token",
            new DomainError.Unauthenticated(),
            401,
            "unauthenticated",
            null),
        row(
            "the caller is anonymous",
            "a revoked API token",
            new DomainError.Unauthenticated(
                "Authorization", "unknown, revoked or expired API token"),
            401,
            "unauthenticated",
            "Authorization"),
        row(
            "the caller may not",
            "a monitor reviewing a report",
            new DomainError.Forbidden("a monitor of UN may not review report here"),
            403,
            "forbidden",
            null),
        row(
            "the state forbids it",
            "answering an obligation already fulfilled",
            new DomainError.Conflict("/answer", "obligation o-1 is already fulfilled"),
            409,
            "conflict",
            "/answer"),
        row(
            "the state forbids it",
            "a verified report reviewed again",
            new DomainError.Conflict("/status", "report r-1: verified is final"),
            409,
            "conflict",
            "/status"),
        row(
            "the engine lags",
            "the engine's queue is full",
            new DomainError.Unavailable(
                Dependency.ENGINE, "the enforcement engine is 5000 changes behind", 7),
            503,
            "engine-lagging",
            null),
        row(
            "sign-in capacity",
            "too many sign-ins under way",
            new DomainError.Unavailable(Dependency.SIGN_IN_CAPACITY, "too many sign-ins", 60),
            503,
            "oidc-busy",
            null),
        row(
            "the identity provider is down",
            "discovery fails",
            new DomainError.Unavailable(Dependency.IDENTITY_PROVIDER, "cannot be reached", 60),
            503,
            "oidc-unavailable",
            null),
        row(
            "the identity provider fails",
            "the token endpoint answers 500",
            new DomainError.Unavailable(
                Dependency.IDENTITY_PROVIDER_FAILED, "token endpoint failed", 60),
            502,
            "oidc-provider",
            null),
        row(
            "a sign-in answer is malformed",
            "no authorization code",
            new DomainError.SignInRefused(Reason.MALFORMED_ANSWER, "code", "no code"),
            400,
            "oidc-callback",
            "code"),
        row(
            "a sign-in answer is foreign",
            "an unknown state",
            new DomainError.SignInRefused(Reason.STATE, "state", "unknown state"),
            400,
            "oidc-state",
            "state"),
        row(
            "the person declined",
            "access_denied",
            new DomainError.SignInRefused(Reason.DENIED, null, "declined"),
            401,
            "oidc-denied",
            null),
        row(
            "another provider answered",
            "a foreign iss",
            new DomainError.SignInRefused(Reason.ISSUER, "iss", "another provider"),
            401,
            "oidc-issuer",
            "iss"),
        row(
            "the ID token is bad",
            "a wrong signature",
            new DomainError.SignInRefused(Reason.ID_TOKEN, null, "rejected"),
            401,
            "oidc-id-token",
            null));
  }

  private static Arguments row(
      String rule, String situation, DomainError e, int status, String type, String field) {
    return Arguments.of(rule, situation, e, status, type, field);
  }

  @ParameterizedTest(name = "{0}: {1} -> {3} {4}")
  @MethodSource("table")
  void eachDomainError_mapsToItsProblem(
      String rule, String situation, DomainError e, int status, String type, String field) {
    HttpProblem p = ProblemMapping.of(e);
    assertThat(p.status()).isEqualTo(status);
    assertThat(p.type()).isEqualTo(type);
    assertThat(p.field()).isEqualTo(field);
    assertThat(p.detail()).isEqualTo(e.getMessage());
    assertThat(ProblemResponses.title(p.status())).isNotBlank();
  }

  @Test
  void theTable_coversEveryKindOfDomainError() {
    List<Class<?>> kinds = new ArrayList<>(List.of(DomainError.class.getPermittedSubclasses()));
    List<Class<?>> covered = table().<Class<?>>map(a -> a.get()[2].getClass()).distinct().toList();
    assertThat(covered).containsExactlyInAnyOrderElementsOf(kinds);
    assertThat(
            table()
                .filter(a -> a.get()[2] instanceof DomainError.SignInRefused)
                .map(a -> ((DomainError.SignInRefused) a.get()[2]).reason())
                .distinct())
        .containsExactlyInAnyOrder(Reason.values());
    assertThat(
            table()
                .filter(a -> a.get()[2] instanceof DomainError.Unavailable)
                .map(a -> ((DomainError.Unavailable) a.get()[2]).dependency())
                .distinct())
        .containsExactlyInAnyOrder(Dependency.values());
  }

  @Test
  void retryAfter_travelsWithTheEngine() {
    assertThat(
            ProblemMapping.of(new DomainError.Unavailable(Dependency.ENGINE, "behind", 7))
                .retryAfterSeconds())
        .isEqualTo(7);
  }
}
