package org.umbrella.server.live;

import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.umbrella.server.access.Credential;
import org.umbrella.server.access.Principal;

/**
 * Server-Sent Events to open pages. A stream holds the credential it was opened with (a session, an
 * API token, or none), not a verdict: at every event it asks again whom the credential stands for
 * (the caller's {@code current}, which knows sessions, tokens, expiry and disabled accounts) and
 * whether that principal may hear the event (the caller's audience check, from the access policy).
 * A stream whose credential no longer holds is closed, at its next event, at the next {@link
 * #sweep}, or at once when the credential is revoked here ({@link #revoke}: sign-out, token
 * revocation). Events go out as {@code event: <type>} with the summary as data. Thread-safe.
 */
public final class LiveHub {
  private record Listener(Credential credential, Principal openedAs) {}

  private final Map<SseClient, Listener> clients = new ConcurrentHashMap<>();
  private final BiPredicate<Principal, Event> mayHear;
  private final Function<Credential, Optional<Principal>> current;

  /**
   * @param mayHear whether a principal may hear an event (its audience against the access policy)
   * @param current whom a credential stands for now; empty when it no longer holds
   */
  public LiveHub(
      BiPredicate<Principal, Event> mayHear, Function<Credential, Optional<Principal>> current) {
    this.mayHear = mayHear;
    this.current = current;
  }

  /**
   * Registers a client opened with {@code credential} (as {@code principal}); keeps it open until
   * it or its credential ends.
   */
  public void join(SseClient client, Credential credential, Principal principal) {
    clients.put(client, new Listener(credential, principal));
    client.onClose(() -> clients.remove(client));
    client.keepAlive();
    client.sendComment("connected");
  }

  /**
   * Sends {@code event} to every client whose credential still holds and whose principal may hear
   * it.
   */
  // clients is a ConcurrentHashMap: its iterators are weakly consistent, so removing during the
  // loop is defined
  @SuppressWarnings("ModifyCollectionInEnhancedForLoop")
  public void broadcast(Event event) {
    for (Map.Entry<SseClient, Listener> e : clients.entrySet()) {
      SseClient c = e.getKey();
      if (c.terminated()) {
        clients.remove(c);
        continue;
      }
      Optional<Principal> now;
      try {
        now = current.apply(e.getValue().credential());
      } catch (RuntimeException lookupFailed) {
        continue; // the credential could not be looked up (the database is away): this client
        // misses this event
      }
      if (now.isEmpty()) {
        close(c);
        continue;
      }
      if (mayHear.test(now.get(), event)) {
        try {
          c.sendEvent(event.type(), event.summary(), event.subject());
        } catch (RuntimeException gone) {
          clients.remove(c);
        }
      }
    }
  }

  /** Closes every stream opened with the credential whose {@link Credential#key} is {@code key}. */
  public void revoke(String key) {
    clients.forEach(
        (c, l) -> {
          if (l.credential().key().equals(key)) {
            close(c);
          }
        });
  }

  /**
   * Closes the streams whose credential no longer holds (expired, ended elsewhere); run
   * periodically.
   */
  public void sweep() {
    clients.forEach(
        (c, l) -> {
          try {
            if (c.terminated() || current.apply(l.credential()).isEmpty()) {
              close(c);
            }
          } catch (RuntimeException lookupFailed) {
            // looked up again at the next event or sweep
          }
        });
  }

  private void close(SseClient c) {
    clients.remove(c);
    try {
      c.close();
    } catch (RuntimeException alreadyGone) {
      // the client went away first
    }
  }

  /** How many pages are listening. */
  public int size() {
    return clients.size();
  }

  /** For tests: the clients listening. */
  Set<SseClient> clients() {
    return clients.keySet();
  }
}
