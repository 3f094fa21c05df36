package org.umbrella.server;

import java.time.Duration;
import java.util.List;
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
 * @param loginFailures failed sign-ins allowed per username and per address in {@code loginWindow}
 *     before further attempts are refused with 429
 * @param loginWindow the sliding window of the login throttle
 * @param oidc OpenID Connect sign-in, when the deployment has an identity provider
 * @param engineQueueLimit the most filed reports the engine may lag behind by; beyond it filing
 *     waits for room, then answers 503 (see {@link org.umbrella.server.ops.EngineQueue})
 * @param engineQueueWait how long filing waits for room in the engine's queue before the 503
 * @param webhookAllow networks in CIDR notation and host names webhooks may reach besides public
 *     addresses (none by default: see {@link org.umbrella.server.live.WebhookTargets})
 */
public record ServerOptions(
    String host,
    int port,
    boolean secureCookies,
    int maxBodyBytes,
    int loginFailures,
    Duration loginWindow,
    Optional<OidcConfig> oidc,
    int engineQueueLimit,
    Duration engineQueueWait,
    List<String> webhookAllow) {

  public ServerOptions {
    webhookAllow = List.copyOf(webhookAllow);
  }

  /** Options webhooks may only send to public addresses with. */
  public ServerOptions(
      String host,
      int port,
      boolean secureCookies,
      int maxBodyBytes,
      int loginFailures,
      Duration loginWindow,
      Optional<OidcConfig> oidc,
      int engineQueueLimit,
      Duration engineQueueWait) {
    this(
        host,
        port,
        secureCookies,
        maxBodyBytes,
        loginFailures,
        loginWindow,
        oidc,
        engineQueueLimit,
        engineQueueWait,
        List.of());
  }

  /** The default engine queue limit: 10,000 reports (10 s at the 1,000 reports/s load target). */
  public static final int DEFAULT_ENGINE_QUEUE = 10_000;

  /** The default wait for room in the engine's queue: 5 s. */
  public static final Duration DEFAULT_ENGINE_WAIT = Duration.ofSeconds(5);

  /** Options with the default engine queue. */
  public ServerOptions(
      String host,
      int port,
      boolean secureCookies,
      int maxBodyBytes,
      int loginFailures,
      Duration loginWindow,
      Optional<OidcConfig> oidc) {
    this(
        host,
        port,
        secureCookies,
        maxBodyBytes,
        loginFailures,
        loginWindow,
        oidc,
        DEFAULT_ENGINE_QUEUE,
        DEFAULT_ENGINE_WAIT);
  }

  /** The documented maximum request body: 64 KiB. */
  public static final int DEFAULT_MAX_BODY = 64 * 1024;

  /** Options without OpenID Connect sign-in. */
  public ServerOptions(
      String host,
      int port,
      boolean secureCookies,
      int maxBodyBytes,
      int loginFailures,
      Duration loginWindow) {
    this(host, port, secureCookies, maxBodyBytes, loginFailures, loginWindow, Optional.empty());
  }

  /** Defaults: loopback, the given port, plain HTTP, 64 KiB bodies, 5 failures per 15 minutes. */
  public static ServerOptions defaults(int port) {
    return new ServerOptions(
        "127.0.0.1", port, false, DEFAULT_MAX_BODY, 5, Duration.ofMinutes(15), Optional.empty());
  }

  public ServerOptions withHost(String h) {
    return new ServerOptions(
        h,
        port,
        secureCookies,
        maxBodyBytes,
        loginFailures,
        loginWindow,
        oidc,
        engineQueueLimit,
        engineQueueWait,
        webhookAllow);
  }

  public ServerOptions withOidc(Optional<OidcConfig> o) {
    return new ServerOptions(
        host,
        port,
        secureCookies,
        maxBodyBytes,
        loginFailures,
        loginWindow,
        o,
        engineQueueLimit,
        engineQueueWait,
        webhookAllow);
  }

  public ServerOptions withSecureCookies(boolean s) {
    return new ServerOptions(
        host,
        port,
        s,
        maxBodyBytes,
        loginFailures,
        loginWindow,
        oidc,
        engineQueueLimit,
        engineQueueWait,
        webhookAllow);
  }

  /**
   * These options with the engine's queue bounded at {@code limit} reports, filing waiting {@code
   * wait} for room.
   */
  public ServerOptions withEngineQueue(int limit, Duration wait) {
    return new ServerOptions(
        host,
        port,
        secureCookies,
        maxBodyBytes,
        loginFailures,
        loginWindow,
        oidc,
        limit,
        wait,
        webhookAllow);
  }

  /**
   * These options with webhooks allowed to reach {@code allow} (networks in CIDR notation, host
   * names) besides public addresses: for deployments whose receiver is inside their network.
   */
  public ServerOptions withWebhookAllow(List<String> allow) {
    return new ServerOptions(
        host,
        port,
        secureCookies,
        maxBodyBytes,
        loginFailures,
        loginWindow,
        oidc,
        engineQueueLimit,
        engineQueueWait,
        allow);
  }
}
