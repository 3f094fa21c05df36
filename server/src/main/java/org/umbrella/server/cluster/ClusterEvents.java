package org.umbrella.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umbrella.server.live.Event;

/**
 * Live events across the service instances of a cluster, through the one PostgreSQL they share:
 * every event an instance publishes (a report filed on it; a finding, obligation, status or alert
 * its leader recorded from the topology) is sent with {@code pg_notify} on channel {@value
 * #CHANNEL}, and every other instance hands it to its own live streams. So a browser connected to a
 * follower hears the leader's alerts as they are recorded.
 *
 * <p>Only live streams hear relayed events, never webhooks: each event's webhooks are enqueued by
 * the instance that published it, once. Like the live streams themselves, the relay is best effort:
 * an instance whose listening connection is down (it reconnects within a second) misses what was
 * sent meanwhile, and sees it on its next page load, which reads the database. A payload is at most
 * PostgreSQL's 8,000 bytes: the one-line summary is clipped to {@value #MAX_SUMMARY} characters.
 */
public final class ClusterEvents implements AutoCloseable {
  /** The PostgreSQL notification channel. */
  public static final String CHANNEL = "umbrella_events";

  static final int MAX_SUMMARY = 2_000;
  private static final Logger LOG = LoggerFactory.getLogger(ClusterEvents.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long WAIT_MS = 500;

  private final DataSource dataSource;
  private final Consumer<Event> deliver;
  private final String origin = UUID.randomUUID().toString();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Thread listener;

  private ClusterEvents(DataSource dataSource, Consumer<Event> deliver) {
    this.dataSource = dataSource;
    this.deliver = deliver;
    this.listener = new Thread(this::listen, "cluster-events");
    this.listener.setDaemon(true);
  }

  /**
   * Starts listening: events other instances send are handed to {@code deliver} (this instance's
   * live streams) on the listening thread, in the order PostgreSQL delivers them.
   */
  public static ClusterEvents start(DataSource dataSource, Consumer<Event> deliver) {
    ClusterEvents e = new ClusterEvents(dataSource, deliver);
    e.listener.start();
    return e;
  }

  /**
   * Sends an event this instance published to the other instances (a subscriber of its event bus).
   */
  public void publish(Event e) {
    String payload = encode(origin, e);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("select pg_notify(?, ?)")) {
      s.setString(1, CHANNEL);
      s.setString(2, payload);
      s.execute();
    } catch (SQLException ex) {
      // the others miss one live event; the record in the database is unaffected
      LOG.warn("relaying event {} to the other instances failed: {}", e.type(), ex.getMessage());
    }
  }

  private void listen() {
    while (!stop.get()) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          s.execute("listen " + CHANNEL);
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        while (!stop.get()) {
          PGNotification[] got = pg.getNotifications((int) WAIT_MS);
          if (got == null) {
            continue;
          }
          for (PGNotification n : got) {
            Event e = decode(origin, n.getParameter());
            if (e != null) {
              deliver.accept(e);
            }
          }
        }
      } catch (SQLException | RuntimeException ex) {
        if (stop.get()) {
          return;
        }
        LOG.warn("listening for the other instances' events: {}; again in 1 s", ex.getMessage());
        try {
          Thread.sleep(1_000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** The notification payload: the event and the sending instance. */
  static String encode(String origin, Event e) {
    ObjectNode n = JSON.createObjectNode();
    n.put("origin", origin);
    n.put("type", e.type());
    n.put("subject", e.subject());
    String summary = e.summary();
    n.put(
        "summary",
        summary != null && summary.length() > MAX_SUMMARY
            ? summary.substring(0, MAX_SUMMARY - 1) + "…"
            : summary);
    n.put("audience", e.audience());
    n.put("at", e.at().toString());
    return n.toString();
  }

  /**
   * The event in {@code payload}, or null when this instance sent it (or it is not an event of
   * ours).
   */
  static @Nullable Event decode(String self, String payload) {
    try {
      JsonNode n = JSON.readTree(payload);
      if (self.equals(n.path("origin").asText())
          || !n.hasNonNull("type")
          || !n.hasNonNull("audience")) {
        return null;
      }
      return new Event(
          n.get("type").asText(),
          n.path("subject").asText(null),
          n.path("summary").asText(null),
          n.get("audience").asText(),
          Instant.parse(n.path("at").asText()));
    } catch (IOException | DateTimeException e) {
      LOG.warn("an event notification that does not decode was ignored: {}", e.getMessage());
      return null;
    }
  }

  @Override
  public void close() {
    stop.set(true);
    listener.interrupt();
    try {
      listener.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
