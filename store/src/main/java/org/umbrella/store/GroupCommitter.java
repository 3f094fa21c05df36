package org.umbrella.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.umbrella.engine.input.Incident;

/**
 * Group commit for single reports: callers submit one incident each and get a future that
 * completes once it is committed (durable and in the ledger); one writer thread commits whatever
 * has queued up while the previous commit was in flight, in one transaction.
 *
 * <p>There is no waiting to fill a batch: under light load each report commits alone; under heavy
 * load batches grow, so the cost of a commit (fsync, tree head signature) is shared. If a batch
 * fails, its reports are retried one by one, so one bad report fails alone. Thread-safe.
 */
public final class GroupCommitter implements AutoCloseable {
  private record Pending(Incident incident, CompletableFuture<Receipt> done) {}

  private final PostgresEvidenceStore store;
  private final String recordedBy;
  private final int maxBatch;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closing;

  /**
   * Starts the writer thread.
   *
   * @param maxBatch the most reports committed in one transaction
   */
  public GroupCommitter(PostgresEvidenceStore store, String recordedBy, int maxBatch) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be positive, was " + maxBatch);
    }
    this.store = store;
    this.recordedBy = recordedBy;
    this.maxBatch = maxBatch;
    this.writer = Thread.ofPlatform().name("umbrella-group-commit").daemon().start(this::run);
  }

  /**
   * Queues one report; the future completes with its receipt after the commit, or exceptionally
   * with the {@link StoreException} that prevented it.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  public CompletableFuture<Receipt> submit(Incident incident) {
    if (closing) {
      throw new IllegalStateException("the group committer is closed");
    }
    CompletableFuture<Receipt> f = new CompletableFuture<>();
    queue.add(new Pending(incident, f));
    return f;
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(maxBatch);
    while (!closing || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void commit(List<Pending> batch) {
    try {
      List<Receipt> receipts = store.recordIncidents(batch.stream().map(Pending::incident).toList(), recordedBy);
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).done().complete(receipts.get(i));
      }
    } catch (RuntimeException batchFailed) {
      for (Pending p : batch) {
        try {
          p.done().complete(store.recordIncident(p.incident(), recordedBy));
        } catch (RuntimeException e) {
          p.done().completeExceptionally(e);
        }
      }
    }
  }

  /** Commits what is queued, then stops the writer. */
  @Override
  public void close() {
    closing = true;
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
