package org.umbrella.server;

import java.time.Duration;
import java.util.Optional;
import org.umbrella.server.access.oidc.OidcConfig;

/**
 * How the server runs.
 *
 * @param host interface to listen on ({@code 127.0.0.1} by default: put a TLS proxy in front for
 *     other machines)
 * @param port TCP port; 0 picks a free one
 * @param secureCookies mark cookies {@code Secure} (set when served behind TLS)
 * @param maxBodyBytes largest request body accepted; larger ones get 413
 * @param loginFailures failed sign-ins allowed per username and per address in {@code
 *     loginWindow} before further attempts are refused with 429
 * @param loginWindow the sliding window of the login throttle
 * @param oidc OpenID Connect sign-in, when the deployment has an identity provider
 */
public record ServerOptions(String host, int port, boolean secureCookies, int maxBodyBytes, int loginFailures, Duration loginWindow,
    Optional<OidcConfig> oidc) {

  /** The documented maximum request body: 64 KiB. */
  public static final int DEFAULT_MAX_BODY = 64 * 1024;

  /** Options without OpenID Connect sign-in. */
  public ServerOptions(String host, int port, boolean secureCookies, int maxBodyBytes, int loginFailures, Duration loginWindow) {
    this(host, port, secureCookies, maxBodyBytes, loginFailures, loginWindow, Optional.empty());
  }

  /** Defaults: loopback, the given port, plain HTTP, 64 KiB bodies, 5 failures per 15 minutes. */
  public static ServerOptions defaults(int port) {
    return new ServerOptions("127.0.0.1", port, false, DEFAULT_MAX_BODY, 5, Duration.ofMinutes(15), Optional.empty());
  }

  public ServerOptions withHost(String h) {
    return new ServerOptions(h, port, secureCookies, maxBodyBytes, loginFailures, loginWindow, oidc);
  }

  public ServerOptions withOidc(Optional<OidcConfig> o) {
    return new ServerOptions(host, port, secureCookies, maxBodyBytes, loginFailures, loginWindow, o);
  }

  public ServerOptions withSecureCookies(boolean s) {
    return new ServerOptions(host, port, s, maxBodyBytes, loginFailures, loginWindow, oidc);
  }
}
