package org.umbrella.server.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed sign-ins per username and per client address in a sliding window.
 *
 * <p>After {@code maxFailures} failures within {@code window}, further attempts for that key are
 * refused (without checking the password) until the oldest failure leaves the window. A success
 * clears the username's record. Thread-safe; memory is bounded by pruning keys whose window is
 * empty.
 */
public final class LoginThrottle {
  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public LoginThrottle(int maxFailures, Duration window, Clock clock) {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be positive, was " + maxFailures);
    }
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
  }

  /** How long until a sign-in for this username from this address may be tried; zero if now. */
  public Duration retryAfter(String username, String address) {
    Duration a = wait("u:" + username);
    Duration b = wait("a:" + address);
    return a.compareTo(b) >= 0 ? a : b;
  }

  public void failed(String username, String address) {
    record("u:" + username);
    record("a:" + address);
  }

  public void succeeded(String username) {
    failures.remove("u:" + username);
  }

  private Duration wait(String key) {
    Deque<Instant> q = failures.get(key);
    if (q == null) {
      return Duration.ZERO;
    }
    synchronized (q) {
      prune(q);
      if (q.size() < maxFailures) {
        return Duration.ZERO;
      }
      Duration d = Duration.between(clock.instant(), q.peekFirst().plus(window));
      return d.isNegative() ? Duration.ZERO : d;
    }
  }

  private void record(String key) {
    Deque<Instant> q = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (q) {
      prune(q);
      q.addLast(clock.instant());
      while (q.size() > maxFailures) {
        q.removeFirst();
      }
    }
    if (failures.size() > 100_000) {
      failures.entrySet().removeIf(e -> {
        synchronized (e.getValue()) {
          prune(e.getValue());
          return e.getValue().isEmpty();
        }
      });
    }
  }

  private void prune(Deque<Instant> q) {
    Instant horizon = clock.instant().minus(window);
    while (!q.isEmpty() && !q.peekFirst().isAfter(horizon)) {
      q.removeFirst();
    }
  }
}
