package org.umbrella.store;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.umbrella.engine.input.Incident;
import org.umbrella.store.internal.PreparedIncidents;

/**
 * A pipelined bulk import: {@link #add} prepares a batch on the caller's thread (canonical JSON,
 * content hashes, the incident's parts of each ledger leaf and COPY row) while one writer thread
 * stores the previous batch in its own transaction.
 *
 * <p>At most one batch is being written while the next is prepared, so memory stays bounded by two
 * batches. Batches are written strictly in the order they were added, and leaves are appended in
 * each batch's order, so the same input always gives the same leaves in the same order (importing a
 * file twice leaves the tree, and its root, unchanged the second time).
 *
 * <p>Not thread-safe: one caller thread adds batches. A batch that fails rolls back alone; the
 * batches before it stay committed, and the failure is thrown (as a {@link StoreException} or the
 * store's own exception) from the next {@link #add} or {@link #finish}, after which nothing more is
 * written.
 */
public final class BulkImport implements AutoCloseable {
  private final PostgresEvidenceStore store;
  private final String recordedBy;
  private final ExecutorService writer;
  private @Nullable Future<ImportResult> inFlight;
  private ImportResult total = new ImportResult(0, 0, 0);
  private @Nullable RuntimeException failure;

  BulkImport(PostgresEvidenceStore store, String recordedBy) {
    this.store = store;
    this.recordedBy = recordedBy;
    this.writer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "umbrella-bulk-import");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Prepares {@code batch} now and queues it for writing after the batch before it; returns once
   * the previous batch is committed. The caller may reuse {@code batch} as soon as this returns.
   *
   * @throws StoreException if an earlier batch failed
   */
  public void add(List<Incident> batch) {
    if (failure != null) {
      throw failure;
    }
    if (batch.isEmpty()) {
      return;
    }
    PreparedIncidents prepared = PreparedIncidents.of(batch);
    awaitInFlight();
    inFlight = writer.submit(() -> store.importPrepared(prepared, recordedBy));
  }

  /**
   * Waits for the last batch and returns the totals (added, unchanged, and the ledger's size after
   * the last batch written; 0 when no batch was added).
   *
   * @throws StoreException if a batch failed
   */
  public ImportResult finish() {
    if (failure != null) {
      throw failure;
    }
    awaitInFlight();
    return total;
  }

  /** The totals of the batches committed so far. */
  public ImportResult committed() {
    return total;
  }

  private void awaitInFlight() {
    if (inFlight == null) {
      return;
    }
    Future<ImportResult> f = inFlight;
    inFlight = null;
    try {
      total = total.plus(f.get());
    } catch (ExecutionException e) {
      RuntimeException failed =
          e.getCause() instanceof RuntimeException r
              ? r
              : new StoreException("bulk import failed: " + e.getCause(), e.getCause());
      failure = failed;
      throw failed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      RuntimeException failed =
          new StoreException(
              "bulk import interrupted; the batch in flight may or may not be committed", e);
      failure = failed;
      throw failed;
    }
  }

  /**
   * Waits for the batch in flight (a transaction is never abandoned half-way) and stops the writer.
   */
  @Override
  public void close() {
    try {
      if (failure == null) {
        awaitInFlight();
      }
    } finally {
      writer.shutdown();
    }
  }
}
