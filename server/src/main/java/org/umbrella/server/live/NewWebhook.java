package org.umbrella.server.live;

import org.umbrella.server.app.DomainError;

/**
 * A request to register a webhook, validated once, when it is made: a {@code NewWebhook} that
 * exists has a URL of the right form (absolute http or https, a host, no user information, a port
 * in range, at most 2,000 characters), a secret of 16 to 200 characters, and an event filter that
 * is {@code *} or a comma-separated list of event types. Whether the URL's host reaches an address
 * deliveries may go to depends on DNS and the server's allow-list at the time, so {@link
 * Webhooks#add(NewWebhook, String)} checks that, not this record.
 *
 * <p>It lives beside {@link Webhooks} rather than among {@code org.umbrella.server.app.Command}'s
 * records because the URL's form is {@link WebhookTargets}'s rule, and {@code live} depends on
 * {@code app}'s errors. Its {@link #toString} never shows the secret.
 *
 * @param url where deliveries are posted
 * @param secret the HMAC key the receiver checks signatures with
 * @param events {@code *} or the event types delivered, comma-separated
 */
public record NewWebhook(String url, String secret, String events) {
  public NewWebhook {
    try {
      WebhookTargets.parse(url);
    } catch (WebhookTargets.Refused e) {
      throw new DomainError.Invalid("/url", "url " + e.getMessage());
    }
    if (secret.length() < 16 || secret.length() > 200) {
      throw new DomainError.Invalid(
          "/secret",
          "secret must have 16 to 200 characters (the HMAC key the receiver checks signatures with)");
    }
    if (!events.matches("\\*|[a-z.]+(,[a-z.]+)*")) {
      throw new DomainError.Invalid(
          "/events",
          "events must be '*' or comma-separated event types such as finding.candidate,obligation.pending");
    }
  }

  /** Never the secret: a command may be logged. */
  @Override
  public String toString() {
    return "NewWebhook[url=" + url + ", events=" + events + ", secret=(hidden)]";
  }
}
