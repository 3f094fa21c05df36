package org.umbrella.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Group commit: callers submit one item each and get a future completed once the item is committed;
 * one writer thread commits whatever queued up while the previous commit was in flight, as one
 * transaction: whatever the batch function writes ({@link GroupCommitter} commits bare incidents
 * with it; the operations server a report with its own row, audit row and leaves).
 *
 * <p>There is no waiting to fill a batch: under light load each item commits alone, under heavy
 * load batches grow and share the commit's cost (the lock on the ledger's tip, the fsync, the tree
 * head's signature). When a batch fails, its items are retried one by one, so one bad item fails
 * alone. Thread-safe.
 *
 * @param <I> what is submitted
 * @param <R> what a commit answers per item
 */
public final class GroupCommit<I, R> implements AutoCloseable {
  private record Pending<I, R>(I item, CompletableFuture<R> done) {}

  private final Function<List<I>, List<R>> commit;
  private final int maxBatch;
  private final BlockingQueue<Pending<I, R>> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closing;

  /**
   * Starts the writer thread.
   *
   * @param commit writes a batch in one transaction and answers one result per item, in order
   * @param maxBatch the most items committed together
   */
  public GroupCommit(String name, Function<List<I>, List<R>> commit, int maxBatch) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be positive, was " + maxBatch);
    }
    this.commit = commit;
    this.maxBatch = maxBatch;
    this.writer = Thread.ofPlatform().name(name).daemon().start(this::run);
  }

  /**
   * Queues one item; the future completes after its commit, or exceptionally with what prevented
   * it.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  public CompletableFuture<R> submit(I item) {
    if (closing) {
      throw new IllegalStateException("the group commit is closed");
    }
    CompletableFuture<R> f = new CompletableFuture<>();
    queue.add(new Pending<>(item, f));
    return f;
  }

  private void run() {
    List<Pending<I, R>> batch = new ArrayList<>(maxBatch);
    while (!closing || !queue.isEmpty()) {
      try {
        Pending<I, R> first = queue.poll(50, TimeUnit.MILLISECONDS);
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

  private void commit(List<Pending<I, R>> batch) {
    try {
      List<R> results = commit.apply(batch.stream().map(Pending::item).toList());
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).done().complete(results.get(i));
      }
    } catch (RuntimeException batchFailed) {
      if (batch.size() == 1) {
        batch.getFirst().done().completeExceptionally(batchFailed);
        return;
      }
      for (Pending<I, R> p : batch) {
        try {
          p.done().complete(commit.apply(List.of(p.item())).getFirst());
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
