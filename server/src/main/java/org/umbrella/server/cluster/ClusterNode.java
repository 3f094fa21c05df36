package org.umbrella.server.cluster;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umbrella.engine.input.InputRecord;

/**
 * Cluster mode of one service instance for one agreement: every instance serves and journals
 * accepted changes; the one holding the agreement's {@link LeaderLock} (a PostgreSQL advisory lock)
 * runs the {@link ClusterBridge}, shipping the journal to the input topic and writing the committed
 * output topic to the ledger and the projections: one shipper, one ledger writer, in the order of
 * the output topic. The others try for the lock every {@value #FOLLOWER_RETRY_MS} ms and take over
 * when the leader's database session ends (it died, or lost its database); the new leader resumes
 * where the topics say (ClusterBridge). A leader checks every second that its lock session still
 * answers and stops writing at once when it does not.
 *
 * <p>Journal entries written by any instance reach the topic through the leader's loop, which reads
 * the journal every {@value #SHIP_POLL_MS} ms, or at once when this instance accepted the change
 * ({@link #nudge()}).
 */
public final class ClusterNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
  static final long SHIP_POLL_MS = 200;
  static final long FOLLOWER_RETRY_MS = 2_000;
  private static final long LOCK_CHECK_MS = 1_000;

  private final ClusterSettings settings;
  private final String agreementId;
  private final JournalFeed journal;
  private final Predicate<InputRecord> feeds;
  private final OutputSink sink;
  private final LeaderLock lock;
  private final Semaphore wake = new Semaphore(0);
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicInteger leaderships = new AtomicInteger();
  private final Thread loop;
  private volatile @Nullable ClusterBridge bridge;
  private volatile @Nullable String lastFailure;
  private volatile @Nullable ClusterEvents events;

  private ClusterNode(
      ClusterSettings settings,
      DataSource dataSource,
      String agreementId,
      JournalFeed journal,
      Predicate<InputRecord> feeds,
      OutputSink sink) {
    this.settings = settings;
    this.agreementId = agreementId;
    this.journal = journal;
    this.feeds = feeds;
    this.sink = sink;
    this.lock = new LeaderLock(dataSource, agreementId);
    this.loop = new Thread(this::run, "cluster-node-" + agreementId);
    this.loop.setDaemon(true);
  }

  /** Starts the node: it tries for the leader lock at once. */
  public static ClusterNode start(
      ClusterSettings settings,
      DataSource dataSource,
      String agreementId,
      JournalFeed journal,
      Predicate<InputRecord> feeds,
      OutputSink sink) {
    ClusterNode n = new ClusterNode(settings, dataSource, agreementId, journal, feeds, sink);
    n.loop.start();
    return n;
  }

  /**
   * Keeps {@code relay} (this instance's share of the live events across the cluster) to close with
   * this node; answers it.
   */
  public ClusterEvents relayEvents(ClusterEvents relay) {
    this.events = relay;
    return relay;
  }

  /**
   * An accepted change was journaled here: the leader ships it now rather than at its next poll.
   */
  public void nudge() {
    wake.release();
  }

  /** Whether this instance is the agreement's leader now. */
  public boolean leader() {
    return bridge != null;
  }

  /** What health and metrics show. */
  public ClusterHealth health() {
    ClusterBridge b = bridge;
    return new ClusterHealth(
        b != null,
        leaderships.get(),
        Optional.ofNullable(b).map(ClusterBridge::status),
        settings.streams().get());
  }

  /** Why the last leadership ended, if one did on an error. */
  public Optional<String> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  private void run() {
    long lockCheckedAt = 0;
    while (!stop.get()) {
      try {
        if (bridge == null) {
          if (lock.tryAcquire()) {
            bridge =
                ClusterBridge.start(
                    settings.client(),
                    settings.inputTopic(),
                    settings.outputTopic(),
                    agreementId,
                    journal,
                    feeds,
                    sink);
            leaderships.incrementAndGet();
            lockCheckedAt = System.nanoTime();
            LOG.info(
                "this instance leads {} in cluster mode: it ships the journal from entry {} and records the outputs",
                agreementId,
                bridge.status().shippedThrough() + 1);
          } else {
            wake.tryAcquire(FOLLOWER_RETRY_MS, TimeUnit.MILLISECONDS);
            continue;
          }
        }
        if (System.nanoTime() - lockCheckedAt > TimeUnit.MILLISECONDS.toNanos(LOCK_CHECK_MS)) {
          if (!lock.stillHeld()) {
            stepDown("the leader lock's database session ended");
            continue;
          }
          lockCheckedAt = System.nanoTime();
        }
        Optional<String> failed = bridge.status().ingestFailure();
        if (failed.isPresent()) {
          stepDown("the output ingest stopped: " + failed.get());
          wake.tryAcquire(FOLLOWER_RETRY_MS, TimeUnit.MILLISECONDS);
          continue;
        }
        bridge.ship();
        wake.tryAcquire(SHIP_POLL_MS, TimeUnit.MILLISECONDS);
        wake.drainPermits();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // brokers unreachable, a database error: give the lead up so that another instance can try
        stepDown(e.toString());
        try {
          Thread.sleep(FOLLOWER_RETRY_MS);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void stepDown(String why) {
    lastFailure = why;
    LOG.warn("this instance stops leading {}: {}", agreementId, why);
    ClusterBridge b = bridge;
    bridge = null;
    if (b != null) {
      try {
        b.close();
      } catch (RuntimeException e) {
        LOG.warn("closing the bridge of {}: {}", agreementId, e.toString());
      }
    }
    lock.release();
  }

  @Override
  public void close() {
    stop.set(true);
    wake.release();
    try {
      loop.join(15_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ClusterBridge b = bridge;
    bridge = null;
    if (b != null) {
      b.close();
    }
    lock.close();
    ClusterEvents e = events;
    if (e != null) {
      e.close();
    }
  }

  /** The settings this node runs with (for the service's startup lines, without client values). */
  public List<String> clientSettingNames() {
    return settings.client().keySet().stream().sorted().toList();
  }
}
