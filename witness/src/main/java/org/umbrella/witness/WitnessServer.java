package org.umbrella.witness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.umbrella.ledger.AddCheckpointRequest;
import org.umbrella.ledger.MalformedInputException;
import org.umbrella.ledger.Witness;
import org.umbrella.ledger.WitnessedLog;

/**
 * The witness's HTTP endpoint (C2SP {@code tlog-witness}): {@code POST /add-checkpoint} cosigns a
 * checkpoint that extends what the witness last cosigned for its log, or refuses it with the
 * specification's status; {@code GET /} says who the witness is and what it last cosigned. Requests
 * are decided one at a time (check, persist, answer), which is the atomicity the specification
 * requires. A validly signed checkpoint that contradicts the record (a split view) is kept in
 * {@code evidence.log} of the state directory.
 */
public final class WitnessServer implements AutoCloseable {
  /** Request bodies above this are refused (413): a checkpoint and 63 hashes are far smaller. */
  static final int MAX_BODY = 64 * 1024;

  private final HttpServer http;
  private final Witness witness;
  private final WitnessState state;
  private final Path evidence;
  private final Clock clock;
  private final Object lock = new Object();

  private WitnessServer(
      HttpServer http, Witness witness, WitnessState state, Path stateDir, Clock clock) {
    this.http = http;
    this.witness = witness;
    this.state = state;
    this.evidence = stateDir.resolve("evidence.log");
    this.clock = clock;
  }

  /**
   * Starts a witness on {@code address} (port 0: any free port).
   *
   * @throws WitnessException if the address cannot be bound
   */
  public static WitnessServer start(
      InetSocketAddress address, Witness witness, WitnessState state, Path stateDir, Clock clock) {
    HttpServer http;
    try {
      http = HttpServer.create(address, 64);
    } catch (IOException e) {
      throw new WitnessException("cannot listen on " + address + ": " + e.getMessage(), e);
    }
    WitnessServer s = new WitnessServer(http, witness, state, stateDir, clock);
    http.createContext("/add-checkpoint", s::addCheckpoint);
    http.createContext("/", s::info);
    http.setExecutor(Executors.newFixedThreadPool(4));
    http.start();
    return s;
  }

  /** The port listened on. */
  public int port() {
    return http.getAddress().getPort();
  }

  private void addCheckpoint(HttpExchange ex) throws IOException {
    try (ex) {
      if (!"POST".equals(ex.getRequestMethod())) {
        ex.getResponseHeaders().add("Allow", "POST");
        send(ex, 405, "text/plain", "add-checkpoint takes POST\n");
        return;
      }
      byte[] body = readBounded(ex.getRequestBody());
      if (body == null) {
        send(ex, 413, "text/plain", "request body over " + MAX_BODY + " bytes\n");
        return;
      }
      AddCheckpointRequest req;
      try {
        req = AddCheckpointRequest.parse(body);
      } catch (MalformedInputException e) {
        send(ex, 400, "text/plain", e.getMessage() + "\n");
        return;
      }
      Witness.Outcome outcome;
      synchronized (lock) {
        outcome =
            witness.addCheckpoint(
                req, state.log(req.claimedOrigin()), Instant.now(clock).getEpochSecond());
        if (outcome instanceof Witness.Cosigned c) {
          state.update(c.next()); // persisted before the cosignature leaves the witness
        }
      }
      switch (outcome) {
        case Witness.Cosigned c -> send(ex, 200, "text/plain; charset=utf-8", c.signatureLines());
        case Witness.Refused r when r.status() == 409 ->
            send(ex, 409, "text/x.tlog.size", r.knownSize() + "\n");
        case Witness.Refused r -> {
          if (r.misbehaviour()) {
            keepEvidence(req, r);
          }
          send(ex, r.status(), "text/plain; charset=utf-8", r.reason() + "\n");
        }
      }
    } catch (WitnessException e) {
      send(
          ex, 500, "text/plain", "the witness could not persist its state; nothing was cosigned\n");
    }
  }

  private void info(HttpExchange ex) throws IOException {
    try (ex) {
      if (!"GET".equals(ex.getRequestMethod()) || !"/".equals(ex.getRequestURI().getPath())) {
        send(ex, 404, "text/plain", "not found\n");
        return;
      }
      StringBuilder b =
          new StringBuilder(
              "witness "
                  + witness.verifier().name()
                  + "\nkey "
                  + witness.verifier().encoded()
                  + "\n");
      synchronized (lock) {
        for (WitnessedLog l : state.logs()) {
          b.append("log ").append(l.origin()).append(" size ").append(l.size()).append('\n');
        }
      }
      send(ex, 200, "text/plain; charset=utf-8", b.toString());
    }
  }

  private void keepEvidence(AddCheckpointRequest req, Witness.Refused r) {
    String entry =
        "=== "
            + Instant.now(clock)
            + " refused ("
            + r.status()
            + "): "
            + r.reason()
            + "\n"
            + req.body()
            + "\n";
    try {
      Files.writeString(
          evidence,
          entry,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.err.println("witness: cannot append to " + evidence + ": " + e.getMessage());
    }
  }

  /** The body, or null when it is longer than {@code MAX_BODY} (the caller answers 413). */
  private static byte @Nullable [] readBounded(InputStream in) throws IOException {
    byte[] b = in.readNBytes(MAX_BODY + 1);
    return b.length > MAX_BODY ? null : b;
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    http.stop(1);
    if (http.getExecutor() instanceof ExecutorService es) {
      es.shutdownNow();
    }
  }
}
