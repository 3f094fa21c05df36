/**
 * OpenID Connect sign-in (authorization code flow with PKCE S256, state and nonce) for deployments
 * with an identity provider: provider discovery, the authentication request, the token exchange, ID
 * token validation (signature against the provider's JWKS, issuer, audience, expiry, nonce), and
 * mapping the verified identity to an existing Umbrella account. Accounts are never created here.
 *
 * <p>Uses the Nimbus OAuth 2.0 / OpenID Connect SDK and JDBI (for the identity links); knows
 * nothing of HTTP frameworks: {@code org.umbrella.server.http.Logins} is the glue.
 */
@NullMarked
package org.umbrella.server.access.oidc;

import org.jspecify.annotations.NullMarked;
