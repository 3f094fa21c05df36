package org.umbrella.server.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Limits password checks per client address and per account, in a sliding window, counting the
 * checks under way as well as the failures so that parallel attempts cannot slip past the limit.
 *
 * <p>The policy (docs/server.md, "Login throttling"): a sign-in is admitted only while, in the last
 * {@code window}, fewer than {@code maxFailures} failures plus checks under way are counted against
 * each of its keys; otherwise it is refused (429) without checking the password, until the oldest
 * failure leaves the window. The keys of a sign-in are its address and its account, where the
 * account is counted apart for each browser that has signed into it before (a <em>trusted
 * device</em>, {@link TrustedDevices}) and once for all other browsers together. So strangers who
 * fail at an account lock out new browsers for at most the window after their last failure, and
 * never the browsers its owner has used; and one browser gets no more than the limit, wherever it
 * comes from. A success clears the failures counted against the account key it used (not the
 * address: an attacker must not reset its own counter by signing into its own account).
 *
 * <p>One lock guards all the counters (a check and its reservation are one atomic step); they are
 * in memory, so the limit holds per server process and is forgotten at a restart. Memory is bounded
 * by dropping keys whose window is empty once there are many.
 */
public final class LoginThrottle {
  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Counter> counters = new HashMap<>();

  /** The failures and checks under way counted against one key. */
  private static final class Counter {
    final Deque<Instant> failures = new ArrayDeque<>();
    int checking;
  }

  /** The answer to asking for a password check. */
  public sealed interface Admission {}

  /** The password may be checked; report the outcome with {@link #failed} or {@link #succeeded}. */
  public record Admitted(List<String> keys, String accountKey) implements Admission {}

  /** The password may not be checked now; try again after {@code retryAfter}. */
  public record Refused(Duration retryAfter) implements Admission {}

  public LoginThrottle(int maxFailures, Duration window, Clock clock) {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be positive, was " + maxFailures);
    }
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
  }

  /**
   * Asks to check a password for {@code username} from {@code address}, by a browser that signed
   * into this account before ({@code trustedDevice}: its device id) or not. An admission reserves a
   * place under every key until its outcome is reported.
   */
  public synchronized Admission admit(
      String username, String address, Optional<String> trustedDevice) {
    String account = trustedDevice.map(d -> "d:" + username + ":" + d).orElse("u:" + username);
    List<String> keys = List.of("a:" + address, account);
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    for (String key : keys) {
      Counter c = counters.get(key);
      if (c == null) {
        continue;
      }
      prune(c, now);
      if (c.failures.size() + c.checking >= maxFailures) {
        Duration d =
            c.failures.size() >= maxFailures
                ? Duration.between(now, c.failures.peekFirst().plus(window))
                : Duration.ofSeconds(
                    1); // full only with checks under way: they finish within moments
        wait = d.compareTo(wait) > 0 ? d : wait;
      }
    }
    if (wait.isPositive()) {
      return new Refused(wait);
    }
    for (String key : keys) {
      counters.computeIfAbsent(key, k -> new Counter()).checking++;
    }
    if (counters.size() > 100_000) {
      counters
          .values()
          .removeIf(
              c -> {
                prune(c, now);
                return c.failures.isEmpty() && c.checking == 0;
              });
    }
    return new Admitted(keys, account);
  }

  /** The password of an admitted sign-in was wrong: the failure counts against each of its keys. */
  public synchronized void failed(Admitted a) {
    Instant now = clock.instant();
    for (String key : a.keys()) {
      Counter c = counters.computeIfAbsent(key, k -> new Counter());
      c.checking = Math.max(0, c.checking - 1);
      c.failures.addLast(now);
      while (c.failures.size() > maxFailures) {
        c.failures.removeFirst();
      }
    }
  }

  /** The password of an admitted sign-in was right: its account key starts afresh. */
  public synchronized void succeeded(Admitted a) {
    release(a);
    Counter c = counters.get(a.accountKey());
    if (c != null) {
      c.failures.clear();
    }
  }

  /** The check of an admitted sign-in did not happen (an error): its reservation is returned. */
  public synchronized void release(Admitted a) {
    for (String key : a.keys()) {
      Counter c = counters.get(key);
      if (c != null) {
        c.checking = Math.max(0, c.checking - 1);
      }
    }
  }

  private void prune(Counter c, Instant now) {
    Instant horizon = now.minus(window);
    while (!c.failures.isEmpty() && !c.failures.peekFirst().isAfter(horizon)) {
      c.failures.removeFirst();
    }
  }
}
