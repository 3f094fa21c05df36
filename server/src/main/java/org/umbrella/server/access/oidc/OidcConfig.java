package org.umbrella.server.access.oidc;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach the identity provider.
 *
 * @param issuer the provider's issuer identifier (its discovery document is at {@code
 *     issuer/.well-known/openid-configuration}, and ID tokens must carry exactly this {@code iss})
 * @param clientId this server's client id at the provider (ID tokens must name it in {@code aud})
 * @param clientSecret the client secret (sent with HTTP Basic to the token endpoint; never logged,
 *     left out of {@link #toString()})
 * @param redirectUri where the provider sends the browser back: this server's {@code
 *     /auth/oidc/callback} as the browser sees it, registered at the provider
 * @param providerName shown on the sign-in page ("Sign in with ...")
 */
public record OidcConfig(
    URI issuer, String clientId, String clientSecret, URI redirectUri, String providerName) {
  /** The path of the callback on this server. */
  public static final String CALLBACK_PATH = "/auth/oidc/callback";

  /** The path that starts a sign-in. */
  public static final String LOGIN_PATH = "/auth/oidc/login";

  public OidcConfig {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(redirectUri, "redirectUri");
    if (!"https".equals(issuer.getScheme()) && !isLoopback(issuer)) {
      throw new IllegalArgumentException(
          "the OIDC issuer must be an https URL (http only on loopback), was " + issuer);
    }
    if (issuer.getQuery() != null || issuer.getFragment() != null) {
      throw new IllegalArgumentException(
          "the OIDC issuer must have no query or fragment, was " + issuer);
    }
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("the OIDC client id must not be empty");
    }
    if (clientSecret == null || clientSecret.isBlank()) {
      throw new IllegalArgumentException("the OIDC client secret must not be empty");
    }
    if (!redirectUri.isAbsolute() || !redirectUri.getPath().endsWith(CALLBACK_PATH)) {
      throw new IllegalArgumentException(
          "the OIDC redirect URI must be an absolute URL ending in "
              + CALLBACK_PATH
              + ", was "
              + redirectUri);
    }
    providerName = providerName == null || providerName.isBlank() ? issuer.getHost() : providerName;
  }

  /**
   * Reads the client secret from {@code secretFile} (its first line; the file should be readable by
   * the server's user only).
   *
   * @throws IllegalArgumentException if the file is missing, unreadable or empty
   */
  public static OidcConfig withSecretFile(
      URI issuer, String clientId, Path secretFile, URI redirectUri, String providerName) {
    String secret;
    try {
      secret =
          Files.readString(secretFile, StandardCharsets.UTF_8)
              .lines()
              .findFirst()
              .orElse("")
              .strip();
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "OIDC client secret file " + secretFile + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "OIDC client secret file " + secretFile + ": cannot read: " + e.getMessage());
    }
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("OIDC client secret file " + secretFile + " is empty");
    }
    return new OidcConfig(issuer, clientId, secret, redirectUri, providerName);
  }

  /**
   * Where the provider sends the browser after RP-initiated logout: this server's sign-in page,
   * {@code /login?done=signed-out}, on the redirect URI's origin (register it at the provider as a
   * post-logout redirect URI).
   */
  public URI postLogoutRedirectUri() {
    return redirectUri.resolve("/login?done=signed-out");
  }

  private static boolean isLoopback(URI u) {
    String h = u.getHost();
    return "http".equals(u.getScheme())
        && h != null
        && (h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]"));
  }

  @Override
  public String toString() {
    return "OidcConfig[issuer="
        + issuer
        + ", clientId="
        + clientId
        + ", clientSecret=(hidden), redirectUri="
        + redirectUri
        + ", providerName="
        + providerName
        + "]";
  }
}
