package org.umbrella.store;

import java.util.concurrent.CompletableFuture;
import org.umbrella.engine.input.Incident;

/**
 * Group commit for single reports: callers submit one incident each and get a future that completes
 * once it is committed (durable and in the ledger); one writer thread commits whatever has queued
 * up while the previous commit was in flight, in one transaction (see {@link GroupCommit}).
 *
 * <p>There is no waiting to fill a batch: under light load each report commits alone; under heavy
 * load batches grow, so the cost of a commit (fsync, tree head signature) is shared. If a batch
 * fails, its reports are retried one by one, so one bad report fails alone. Thread-safe.
 */
public final class GroupCommitter implements AutoCloseable {
  private final GroupCommit<Incident, Receipt> commits;

  /**
   * Starts the writer thread.
   *
   * @param maxBatch the most reports committed in one transaction
   */
  public GroupCommitter(PostgresEvidenceStore store, String recordedBy, int maxBatch) {
    this.commits =
        new GroupCommit<>(
            "umbrella-group-commit", batch -> store.recordIncidents(batch, recordedBy), maxBatch);
  }

  /**
   * Queues one report; the future completes with its receipt after the commit, or exceptionally
   * with the {@link StoreException} that prevented it.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  public CompletableFuture<Receipt> submit(Incident incident) {
    return commits.submit(incident);
  }

  /** Commits what is queued, then stops the writer. */
  @Override
  public void close() {
    commits.close();
  }
}
