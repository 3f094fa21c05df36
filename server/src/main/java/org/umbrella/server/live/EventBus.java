package org.umbrella.server.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umbrella.server.Redaction;

/**
 * Fans events out to listeners (the SSE hub, webhooks); a failing listener does not stop others.
 */
public final class EventBus {
  private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);
  private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();

  public void subscribe(Consumer<Event> listener) {
    listeners.add(listener);
  }

  public void publish(Event event) {
    for (Consumer<Event> l : listeners) {
      try {
        l.accept(event);
      } catch (RuntimeException e) {
        LOG.warn("event listener failed on {}: {}", event.type(), Redaction.describe(e));
      }
    }
  }
}
