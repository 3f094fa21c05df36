package org.umbrella.server.ledger;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umbrella.ledger.AddCheckpointRequest;
import org.umbrella.ledger.LedgerException;

/**
 * Submits the ledger's newest checkpoint to each configured witness ({@code tlog-witness}
 * add-checkpoint, with the consistency proof from the size the witness last cosigned) and keeps the
 * cosignatures it returns. Runs on its own thread, every {@code interval}: a witness sees the
 * latest checkpoint of each round, and before it every key-handover head it has not seen, so it
 * follows a key rotation. A witness that answers 409 is told its own size next round; one that
 * refuses is logged (a 422 from a witness that saw another tree is the alarm the witnesses exist
 * for) and retried.
 */
public final class WitnessSubmitter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WitnessSubmitter.class);

  private final ServerLedger ledger;
  private final List<WitnessEndpoint> witnesses;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<WitnessEndpoint, Long> sizes = new HashMap<>();
  private final ScheduledExecutorService thread;

  private WitnessSubmitter(ServerLedger ledger, List<WitnessEndpoint> witnesses) {
    this.ledger = ledger;
    this.witnesses = List.copyOf(witnesses);
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "umbrella-witness-submitter");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts submitting to {@code witnesses} every {@code interval}. */
  public static WitnessSubmitter start(
      ServerLedger ledger, List<WitnessEndpoint> witnesses, Duration interval) {
    WitnessSubmitter s = new WitnessSubmitter(ledger, witnesses);
    // round() catches and logs its own failures, so the future has nothing to report
    var unused =
        s.thread.scheduleWithFixedDelay(s::round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return s;
  }

  /** One round: bring every witness up to the latest checkpoint. */
  void round() {
    long latest = ledger.latestSize();
    if (latest == 0) {
      return;
    }
    for (WitnessEndpoint w : witnesses) {
      try {
        advance(w, latest);
      } catch (IOException | RuntimeException e) {
        LOG.warn("witness {}: {}", w.url(), e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void advance(WitnessEndpoint w, long latest) throws IOException, InterruptedException {
    long known = sizes.getOrDefault(w, 0L);
    if (known >= latest) {
      return;
    }
    List<Long> targets = new ArrayList<>(ledger.cosignatures().handoversAfter(known));
    targets.removeIf(t -> t <= known || t >= latest);
    targets.add(latest);
    for (long target : targets) {
      long old = sizes.getOrDefault(w, 0L);
      String note = ledger.cosignatures().head(target).orElseThrow();
      List<byte[]> proof =
          old == 0 || old == target ? List.of() : ledger.consistencyProof(old, target);
      String body = new AddCheckpointRequest(old, proof, note).body();
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(w.addCheckpoint())
                  .timeout(Duration.ofSeconds(10))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      switch (r.statusCode()) {
        case 200 -> {
          List<String> lines =
              Arrays.stream(r.body().split("\n"))
                  .filter(l -> !l.isEmpty())
                  .map(l -> l + "\n")
                  .toList();
          try {
            ledger
                .cosignatures()
                .add(
                    target,
                    w.key(),
                    lines.stream()
                        .filter(l -> l.startsWith("\u2014 " + w.key().name() + " "))
                        .toList());
          } catch (LedgerException e) {
            LOG.warn(
                "witness {} returned a cosignature that does not verify under its key: {}",
                w.url(),
                e.getMessage());
            return;
          }
          sizes.put(w, target);
        }
        case 409 -> {
          sizes.put(w, Long.parseLong(r.body().strip()));
          return; // next round starts from the size the witness holds
        }
        default -> {
          LOG.warn(
              "witness {} refused the checkpoint of size {} ({}): {}",
              w.url(),
              target,
              r.statusCode(),
              r.body().strip());
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
