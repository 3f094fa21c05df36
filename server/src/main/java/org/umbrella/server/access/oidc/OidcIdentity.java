package org.umbrella.server.access.oidc;

import java.util.Objects;
import java.util.Optional;

/**
 * Who the identity provider says signed in, from a validated ID token.
 *
 * @param issuer the provider ({@code iss})
 * @param subject the provider's stable id for the user ({@code sub})
 * @param email the {@code email} claim, if any
 * @param emailVerified whether the provider vouches for {@code email} ({@code email_verified})
 */
public record OidcIdentity(
    String issuer, String subject, Optional<String> email, boolean emailVerified) {
  public OidcIdentity {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(email, "email");
  }
}
