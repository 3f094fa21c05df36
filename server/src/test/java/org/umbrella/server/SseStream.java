package org.umbrella.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Server-Sent Events client over a real HTTP connection: it parses the {@code text/event-stream}
 * wire format as the WHATWG HTML standard's event-stream interpretation does (fields {@code event},
 * {@code data}, {@code id}; comment lines; an empty line dispatches the event) and records every
 * event it is sent, and whether and when the server ended the stream.
 */
public final class SseStream implements AutoCloseable {
  /** One dispatched event. */
  public record Received(String type, String data, String id) {}

  private final List<Received> events = new CopyOnWriteArrayList<>();
  private final List<String> comments = new CopyOnWriteArrayList<>();
  private final CountDownLatch ended = new CountDownLatch(1);
  private final CountDownLatch connected = new CountDownLatch(1);
  private volatile int status;
  private volatile InputStream body;

  private SseStream() {}

  /**
   * Opens {@code url} with the given extra headers ({@code "Cookie", "..."}, {@code
   * "Authorization", "Bearer ..."}), reading on a thread of its own.
   */
  public static SseStream open(HttpClient http, String url, String... headers) {
    SseStream s = new SseStream();
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofInputStream())
        .whenComplete(
            (r, e) -> {
              if (e != null) {
                s.connected.countDown();
                s.ended.countDown();
                return;
              }
              s.status = r.statusCode();
              s.body = r.body();
              Thread.ofVirtual().start(() -> s.read(r.body()));
            });
    return s;
  }

  private void read(InputStream in) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String type = "";
      StringBuilder data = new StringBuilder();
      String id = "";
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            events.add(
                new Received(
                    type.isEmpty() ? "message" : type, data.substring(0, data.length() - 1), id));
          }
          type = "";
          data.setLength(0);
          continue;
        }
        if (line.startsWith(":")) {
          comments.add(line.substring(1).trim());
          connected.countDown();
          continue;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
          value = value.substring(1);
        }
        switch (field) {
          case "event" -> type = value;
          case "data" -> data.append(value).append('\n');
          case "id" -> id = value;
          default -> {} // retry and unknown fields are ignored
        }
      }
    } catch (IOException closed) {
      // the connection was closed: the stream has ended
    } finally {
      connected.countDown();
      ended.countDown();
    }
  }

  /** Waits until the server's first comment arrived (the stream is registered), or it ended. */
  public SseStream awaitConnected(Duration timeout) throws InterruptedException {
    if (!connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the event stream did not open within " + timeout);
    }
    return this;
  }

  /** Whether the server ended the stream within {@code timeout}. */
  public boolean awaitEnd(Duration timeout) throws InterruptedException {
    return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether the stream has ended. */
  public boolean ended() {
    return ended.getCount() == 0;
  }

  /**
   * Waits until an event matching {@code p} arrived; false when none did within {@code timeout}.
   */
  public boolean awaitEvent(Predicate<Received> p, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (events.stream().anyMatch(p)) {
        return true;
      }
      Thread.sleep(20);
    }
    return events.stream().anyMatch(p);
  }

  public List<Received> events() {
    return List.copyOf(events);
  }

  public int status() {
    return status;
  }

  @Override
  public void close() {
    InputStream in = body;
    if (in != null) {
      try {
        in.close();
      } catch (IOException ignored) {
        // closing a stream the server already closed
      }
    }
  }
}
