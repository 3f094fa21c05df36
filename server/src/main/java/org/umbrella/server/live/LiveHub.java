package org.umbrella.server.live;

import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import org.umbrella.server.access.Principal;

/**
 * Server-Sent Events to open pages: each client hears the events its principal may see (the
 * audience check is given by the caller, from the access policy), as {@code event: <type>} with
 * the summary as data. Clients that went away are dropped.
 */
public final class LiveHub {
  private final Map<SseClient, Principal> clients = new ConcurrentHashMap<>();
  private final BiPredicate<Principal, Event> mayHear;

  public LiveHub(BiPredicate<Principal, Event> mayHear) {
    this.mayHear = mayHear;
  }

  /** Registers a client for {@code principal}; keeps the connection open until it closes. */
  public void join(SseClient client, Principal principal) {
    clients.put(client, principal);
    client.onClose(() -> clients.remove(client));
    client.keepAlive();
    client.sendComment("connected");
  }

  /** Sends {@code event} to every client allowed to hear it. */
  public void broadcast(Event event) {
    for (Map.Entry<SseClient, Principal> e : clients.entrySet()) {
      SseClient c = e.getKey();
      if (c.terminated()) {
        clients.remove(c);
        continue;
      }
      if (mayHear.test(e.getValue(), event)) {
        try {
          c.sendEvent(event.type(), event.summary(), event.subject());
        } catch (RuntimeException gone) {
          clients.remove(c);
        }
      }
    }
  }

  /** How many pages are listening. */
  public int size() {
    return clients.size();
  }

  /** For tests: the principals listening. */
  Set<SseClient> clients() {
    return clients.keySet();
  }
}
