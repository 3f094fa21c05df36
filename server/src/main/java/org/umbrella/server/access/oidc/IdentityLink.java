package org.umbrella.server.access.oidc;

import org.umbrella.server.app.DomainError;

/**
 * An identity at an OpenID Connect provider, as an administrator links it to an account or unlinks
 * it, validated once, when it is made: an {@code IdentityLink} that exists has an http(s) issuer
 * URL and a subject of 1-255 characters without control characters (OpenID Connect Core §2). The
 * API builds one from a JSON body or query and the administration page from its form, so both
 * refuse the same input with the same {@link DomainError.Invalid}, naming the field; {@link
 * OidcAccounts#link} checks only what depends on the state (the account exists, neither side is
 * linked already).
 *
 * @param issuer the provider's issuer URL, exactly as its ID tokens carry it
 * @param subject the provider's identifier of the person (the {@code sub} claim)
 */
public record IdentityLink(String issuer, String subject) {
  /** The longest subject OpenID Connect allows. */
  public static final int MAX_SUBJECT = 255;

  public IdentityLink {
    if (!issuer.matches("https?://[^\\s]{1,500}")) {
      throw new DomainError.Invalid(
          "/issuer", "issuer must be the provider's issuer URL (https://...)");
    }
    if (subject.isEmpty()
        || subject.length() > MAX_SUBJECT
        || subject.chars().anyMatch(Character::isISOControl)) {
      throw new DomainError.Invalid(
          "/subject",
          "subject must be 1-" + MAX_SUBJECT + " characters without control characters");
    }
  }
}
