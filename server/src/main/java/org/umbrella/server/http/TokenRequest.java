package org.umbrella.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.umbrella.server.InputRules;
import org.umbrella.server.access.AccessPolicy;
import org.umbrella.server.access.ApiTokens;
import org.umbrella.server.access.Permission;
import org.umbrella.server.access.Principal;
import org.umbrella.server.app.DomainError;
import org.umbrella.server.ops.ReportInput;

/**
 * The scope and expiry asked for in {@code POST /api/v1/me/tokens}, checked against who asks.
 *
 * <p>{@code scope} is an array of action slugs ({@code read-reports}, {@code file-report}, ...) or
 * the shorthand {@code read-only}; absent, the token may do whatever the account may except issue
 * tokens. Each action must be one the account's role may perform at all. A token that mints a token
 * (its scope has {@code issue-tokens}) gives no more than it has: no action outside its own scope,
 * and no expiry later than its own. {@code expires-at} is an ISO-8601 instant in the future.
 *
 * @param scope the actions the new token may be used for
 * @param expiresAt when it stops working, if ever
 */
record TokenRequest(Set<Permission> scope, Optional<Instant> expiresAt) {

  /**
   * @throws DomainError 400 naming {@code /scope/i} or {@code /expires-at}; 403 when a token asks
   *     for more than it has
   */
  static TokenRequest parse(JsonNode body, Principal caller, Instant now) {
    Principal.Authenticated who = (Principal.Authenticated) caller;
    Principal.Authenticated asSession = new Principal.Authenticated(who.value(), false);
    Set<Permission> scope = EnumSet.noneOf(Permission.class);
    JsonNode s = body.get("scope");
    if (s == null || s.isNull()) {
      scope.addAll(ApiTokens.DEFAULT_SCOPE);
      scope.removeIf(a -> !AccessPolicy.mayEverPerform(asSession, a) || !who.granted(a));
    } else {
      if (!s.isArray() || s.isEmpty() || s.size() > Permission.values().length) {
        throw new DomainError.Invalid(
            "/scope",
            "scope must be a non-empty array of action names such as [\"read-reports\", \"file-report\"], or [\"read-only\"]");
      }
      for (int i = 0; i < s.size(); i++) {
        String slug = s.get(i).isTextual() ? s.get(i).asText() : "";
        String at = "/scope/" + i;
        if (slug.equals("read-only")) {
          ApiTokens.READ_ONLY.stream()
              .filter(a -> AccessPolicy.mayEverPerform(asSession, a))
              .forEach(scope::add);
          continue;
        }
        Permission action =
            Permission.fromSlug(slug)
                .orElseThrow(
                    () ->
                        new DomainError.Invalid(
                            at,
                            "unknown action '"
                                + ReportInput.clip(slug)
                                + "'; use read-only or one of "
                                + Arrays.stream(Permission.values())
                                    .map(Permission::slug)
                                    .toList()));
        if (!AccessPolicy.mayEverPerform(asSession, action)) {
          throw new DomainError.Invalid(
              at,
              "a "
                  + who.value().role().slug()
                  + " may not "
                  + slug
                  + ", so no token of this account may");
        }
        scope.add(action);
      }
      if (who.viaToken() && !who.grants().containsAll(scope)) {
        throw new DomainError.Forbidden(
            "a token may only issue tokens with no more than its own scope "
                + who.grants().stream().map(Permission::slug).sorted().toList());
      }
    }
    Optional<Instant> expires = Optional.empty();
    JsonNode e = body.get("expires-at");
    if (e != null && !e.isNull()) {
      if (!e.isTextual()) {
        throw new DomainError.Invalid(
            "/expires-at",
            "expires-at must be an ISO-8601 UTC instant such as 2026-12-31T00:00:00Z");
      }
      Instant at = InputRules.instant("/expires-at", e.asText());
      if (!at.isAfter(now)) {
        throw new DomainError.Invalid("/expires-at", "expires-at must be in the future, was " + at);
      }
      expires = Optional.of(at);
    }
    if (who.until().isPresent()) {
      Instant parent = who.until().get();
      if (expires.isPresent() && expires.get().isAfter(parent)) {
        throw new DomainError.Forbidden(
            "a token may only issue tokens that expire no later than itself (" + parent + ")");
      }
      expires = Optional.of(expires.orElse(parent));
    }
    return new TokenRequest(Set.copyOf(scope), expires);
  }
}
