package org.umbrella.server.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Pre-sessions: what protects the sign-in form against login CSRF without a database row per
 * visitor. A visitor who opens the form gets a cookie {@code pre.<random>.<issued epoch second>}
 * and a CSRF token that is the HMAC of that cookie value under the server's key; the sign-in must
 * send both. Another site can neither read the cookie (HttpOnly, SameSite=Strict: the browser does
 * not even send it with a cross-site post) nor compute the token. Valid for {@link #LIFETIME}.
 */
public final class PreSessions {
  /** The prefix that tells a pre-session cookie from a session id. */
  public static final String PREFIX = "pre.";

  /** How long a sign-in form may be left open. */
  public static final Duration LIFETIME = Duration.ofHours(2);

  /** A pre-session: the cookie value and the token the form carries. */
  public record PreSession(String cookie, String csrfToken) {
    @Override
    public String toString() {
      return "PreSession[hidden]";
    }
  }

  private final SigningKey key;
  private final Clock clock;

  public PreSessions(SigningKey key, Clock clock) {
    this.key = key.forPurpose("pre-session");
    this.clock = clock;
  }

  /** A fresh pre-session. */
  public PreSession start() {
    String cookie = PREFIX + Secrets.random("") + "." + clock.instant().getEpochSecond();
    return new PreSession(cookie, key.sign(cookie));
  }

  /** The pre-session of a cookie value this server issued and that has not expired. */
  public Optional<PreSession> find(String cookie) {
    if (cookie == null || !cookie.startsWith(PREFIX) || cookie.length() > 120) {
      return Optional.empty();
    }
    int dot = cookie.lastIndexOf('.');
    long issued;
    try {
      issued = Long.parseLong(cookie.substring(dot + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Instant at = Instant.ofEpochSecond(issued);
    if (at.isAfter(now.plusSeconds(60)) || !now.isBefore(at.plus(LIFETIME))) {
      return Optional.empty();
    }
    return Optional.of(new PreSession(cookie, key.sign(cookie)));
  }
}
