package org.umbrella.server.ops;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.umbrella.server.app.DomainError;

/**
 * The engine's thread and the bounded queue in front of it: accepted changes run on it one at a
 * time, in commit order.
 *
 * <p>Filing a report does not wait for the engine, so reports are admitted through {@link #admit}:
 * at most {@code limit} admitted changes may be waiting for (or in) the engine. When the engine
 * falls that far behind, admission waits up to {@code wait} for room and then refuses with 503 and
 * {@code Retry-After}, <em>before</em> anything is stored, so a client that retries files no
 * duplicate. Changes that wait for the engine anyway (reviews, votes, answers) are slowed by that
 * wait and need no permit. {@link #depth()} and {@link #oldestAge()} make the lag visible ({@code
 * /metrics}, {@code /health}). Thread-safe.
 */
public final class EngineQueue implements AutoCloseable {
  private record Queued(long since, Runnable task) {}

  private final int limit;
  private final Duration wait;
  private final Duration lagThreshold;
  private final LongSupplier nanos;
  private final Semaphore room;

  /** Enqueue times of the tasks not yet finished, oldest first (only the head is ever read). */
  private final LinkedBlockingDeque<Long> pendingSince = new LinkedBlockingDeque<>();

  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "umbrella-engine");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param limit the most admitted changes the engine may lag behind by (at least 1)
   * @param wait how long admission waits for room before refusing with 503
   * @param lagThreshold the oldest queued change's age beyond which the engine counts as lagging
   * @param nanos a monotonic clock in nanoseconds (for the age)
   */
  public EngineQueue(int limit, Duration wait, Duration lagThreshold, LongSupplier nanos) {
    if (limit < 1) {
      throw new IllegalArgumentException("the engine queue limit must be at least 1, was " + limit);
    }
    this.limit = limit;
    this.wait = wait;
    this.lagThreshold = lagThreshold;
    this.nanos = nanos;
    this.room = new Semaphore(limit, true);
  }

  /**
   * Reserves room for one change the engine will see later; release it with the task given to
   * {@link #later(Admission, Runnable)}, or with {@link Admission#cancel()} when the change is not
   * stored after all.
   *
   * @throws DomainError 503 {@code engine-lagging} when no room frees up within the wait
   */
  public Admission admit() {
    boolean got;
    try {
      got = room.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      got = false;
    }
    if (!got) {
      long retry = Math.max(1, Math.min(60, oldestAge().toSeconds()));
      throw new DomainError.Unavailable(
          DomainError.Unavailable.Dependency.ENGINE,
          "the enforcement engine is "
              + depth()
              + " changes behind (limit "
              + limit
              + "); nothing was stored, try again in "
              + retry
              + " s",
          retry);
    }
    return new Admission(this);
  }

  /** Room for one change, held until the engine has seen it. */
  public static final class Admission {
    private final EngineQueue queue;
    private boolean released;

    private Admission(EngineQueue queue) {
      this.queue = queue;
    }

    /** Gives the room back (the change was not stored). */
    public synchronized void cancel() {
      if (!released) {
        released = true;
        queue.room.release();
      }
    }
  }

  /**
   * Runs {@code task} after what is queued, without waiting; then frees {@code admission}'s room.
   */
  public void later(Admission admission, Runnable task) {
    var unused =
        submit(
            () -> { // without waiting: the task's own failures are handled inside it
              try {
                task.run();
              } finally {
                admission.cancel();
              }
            });
  }

  /** Runs {@code task} after what is queued and waits for it; its failure is rethrown. */
  public void await(Runnable task) {
    Future<?> f = submit(task);
    try {
      f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the engine ran", e);
    }
  }

  private Future<?> submit(Runnable task) {
    Queued q = new Queued(nanos.getAsLong(), task);
    pendingSince.addLast(q.since());
    return thread.submit(
        () -> {
          try {
            q.task().run();
          } finally {
            pendingSince.removeFirstOccurrence(q.since());
          }
        });
  }

  /** Changes queued for the engine or running in it. */
  public int depth() {
    return pendingSince.size();
  }

  /** Filing requests waiting for room right now (for tests and diagnostics). */
  public int waitingForRoom() {
    return room.getQueueLength();
  }

  /** The most changes the engine may lag behind by before report filing is slowed and refused. */
  public int limit() {
    return limit;
  }

  /** How long the oldest change not yet seen by the engine has waited; zero when none waits. */
  public Duration oldestAge() {
    Long since = pendingSince.peekFirst();
    return since == null ? Duration.ZERO : Duration.ofNanos(Math.max(0, nanos.getAsLong() - since));
  }

  /**
   * Whether the engine lags: its queue is full, or its oldest change is older than the threshold.
   */
  public boolean lagging() {
    return depth() >= limit || oldestAge().compareTo(lagThreshold) > 0;
  }

  /** Lets the engine finish what it was given (up to 30 s), then stops its thread. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      thread.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
