package org.umbrella.server.access.oidc;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.umbrella.server.access.Secrets;
import org.umbrella.server.app.DomainError;

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): remembers which sessions were
 * started by a sign-in at the provider, with the ID token that started each, and on sign-out
 * answers where to send the browser so that the provider ends its session too, when the provider
 * advertises an {@code end_session_endpoint}.
 *
 * <p>The ID tokens are kept in memory only (at most {@value #MAX_SESSIONS}, the oldest forgotten
 * first) and never written anywhere: after a restart, or for a forgotten session, the logout
 * request carries {@code client_id} without {@code id_token_hint}, which the specification allows
 * (the provider may then ask the user to confirm). Thread-safe.
 */
public final class ProviderLogout {
  static final int MAX_SESSIONS = 10_000;

  private final OidcClient client;
  private final Map<String, String> idTokens =
      new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > MAX_SESSIONS;
        }
      };
  private final Map<String, Boolean> oidcSessions =
      new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > MAX_SESSIONS;
        }
      };

  public ProviderLogout(OidcClient client) {
    this.client = client;
  }

  /**
   * Remembers that session {@code sessionId} was started by a sign-in whose ID token is {@code
   * idToken}.
   */
  public synchronized void signedIn(String sessionId, String idToken) {
    idTokens.put(sessionId, idToken);
    oidcSessions.put(sessionId, Boolean.TRUE);
  }

  /**
   * Forgets session {@code sessionId} and answers where to send its browser to end the provider's
   * session: the provider's {@code end_session_endpoint} with {@code id_token_hint} (when
   * remembered), {@code client_id}, {@code post_logout_redirect_uri} (this server's sign-in page,
   * {@link OidcConfig#postLogoutRedirectUri()}) and a fresh {@code state}. Empty when the session
   * was not started at the provider, or the provider has no such endpoint (or cannot be reached:
   * signing out here must not depend on it).
   */
  public Optional<URI> signedOut(String sessionId) {
    String idToken;
    synchronized (this) {
      idToken = idTokens.remove(sessionId);
      if (oidcSessions.remove(sessionId) == null) {
        return Optional.empty();
      }
    }
    Optional<URI> endpoint;
    try {
      endpoint = client.endSessionEndpoint();
    } catch (DomainError e) {
      return Optional.empty();
    }
    return endpoint.map(
        e -> {
          StringBuilder q =
              new StringBuilder(e.toString()).append(e.getRawQuery() == null ? "?" : "&");
          if (idToken != null) {
            q.append("id_token_hint=").append(enc(idToken)).append('&');
          }
          q.append("client_id=").append(enc(client.config().clientId()));
          q.append("&post_logout_redirect_uri=")
              .append(enc(client.config().postLogoutRedirectUri().toString()));
          q.append("&state=").append(enc(Secrets.random("")));
          return URI.create(q.toString());
        });
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
