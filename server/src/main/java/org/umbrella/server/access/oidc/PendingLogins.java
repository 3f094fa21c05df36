package org.umbrella.server.access.oidc;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.umbrella.server.access.Secrets;

/**
 * Sign-ins under way: for each {@code state} sent to the provider, the nonce and PKCE verifier to
 * check the answer with, and the hash of a random value given to the browser that started it.
 *
 * <p>Each entry is used at most once (taken on the callback, whatever the outcome) and lives {@link
 * #LIFETIME}; at most {@link #CAPACITY} are held, so a flood of started sign-ins cannot exhaust
 * memory. Thread-safe.
 */
final class PendingLogins {
  /** How long a user has to sign in at the provider. */
  static final Duration LIFETIME = Duration.ofMinutes(10);

  /** Sign-ins held at once. */
  static final int CAPACITY = 10_000;

  /** One sign-in under way. */
  record Pending(String nonce, String codeVerifier, byte[] browserHash, Instant expires) {}

  private final ConcurrentHashMap<String, Pending> byState = new ConcurrentHashMap<>();
  private final Clock clock;

  PendingLogins(Clock clock) {
    this.clock = clock;
  }

  /**
   * Remembers a sign-in.
   *
   * @return false when {@link #CAPACITY} sign-ins are already under way
   */
  boolean put(String state, String nonce, String codeVerifier, String browserBinding) {
    Instant now = clock.instant();
    if (byState.size() >= CAPACITY) {
      byState.values().removeIf(p -> !p.expires().isAfter(now));
      if (byState.size() >= CAPACITY) {
        return false;
      }
    }
    byState.put(
        state, new Pending(nonce, codeVerifier, Secrets.hash(browserBinding), now.plus(LIFETIME)));
    return true;
  }

  /**
   * Takes (removes) the sign-in started with {@code state}, if it exists, has not expired, and was
   * started by the browser holding {@code browserBinding}.
   */
  Optional<Pending> take(@Nullable String state, @Nullable String browserBinding) {
    if (state == null || browserBinding == null) {
      return Optional.empty();
    }
    Pending p = byState.remove(state);
    if (p == null
        || !p.expires().isAfter(clock.instant())
        || !MessageDigest.isEqual(p.browserHash(), Secrets.hash(browserBinding))) {
      return Optional.empty();
    }
    return Optional.of(p);
  }
}
