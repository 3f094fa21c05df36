package org.umbrella.server.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser that
 * signed into an account receives a signed cookie naming that account, and its later sign-ins are
 * throttled apart from everyone else's ({@link LoginThrottle}), so that strangers failing at the
 * account cannot lock its owner out. The cookie is {@code <account id>.<device id>.<issued epoch
 * second>.<HMAC>}; it carries no secret of the account and grants nothing but a separate counter.
 * Valid for {@link #LIFETIME}; one account per browser (the latest sign-in's).
 */
public final class TrustedDevices {
  /** How long a browser stays trusted for an account after signing into it. */
  public static final Duration LIFETIME = Duration.ofDays(180);

  private final SigningKey key;
  private final Clock clock;

  public TrustedDevices(SigningKey key, Clock clock) {
    this.key = key.forPurpose("trusted-device");
    this.clock = clock;
  }

  /** A new cookie value for a browser that just signed into {@code accountId}. */
  public String issue(long accountId) {
    String value =
        accountId
            + "."
            + Secrets.random("").substring(0, 22)
            + "."
            + clock.instant().getEpochSecond();
    return value + "." + key.sign(value);
  }

  /**
   * The device id of a cookie this server issued for {@code accountId}, unexpired; empty for any
   * other value (another account's cookie, a forged or an old one).
   */
  public Optional<String> deviceFor(@Nullable String cookie, long accountId) {
    if (cookie == null || cookie.length() > 200) {
      return Optional.empty();
    }
    String[] parts =
        cookie.split("\\.", -1); // -1: a trailing empty part counts, and fails the length check
    if (parts.length != 4 || !parts[0].equals(Long.toString(accountId))) {
      return Optional.empty();
    }
    String value = parts[0] + "." + parts[1] + "." + parts[2];
    if (!key.verifies(value, parts[3])) {
      return Optional.empty();
    }
    try {
      Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[2]));
      if (!clock.instant().isBefore(issued.plus(LIFETIME))) {
        return Optional.empty();
      }
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.of(parts[1]);
  }
}
