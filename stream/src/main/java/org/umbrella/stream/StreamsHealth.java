package org.umbrella.stream;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.ThreadMetadata;

/**
 * What health and metrics show of one Streams instance: its state, how many rebalances it has been
 * through since it started, which tasks it runs as active and which it keeps as warm standbys, and
 * how far its local stores are behind their changelogs (records still to restore or replicate).
 */
public final class StreamsHealth {
  private final AtomicInteger rebalances = new AtomicInteger();

  /** One reading. */
  public record Snapshot(
      KafkaStreams.State state,
      int rebalances,
      List<String> activeTasks,
      List<String> standbyTasks,
      long storeLag) {
    /** One line for a log or a health endpoint. */
    public String line() {
      return "health state="
          + state
          + " rebalances="
          + rebalances
          + " active="
          + activeTasks
          + " standby="
          + standbyTasks
          + " store-lag="
          + storeLag;
    }
  }

  /** To be called from the client's state listener: counts each entry into REBALANCING. */
  public void onChange(KafkaStreams.State now) {
    if (now == KafkaStreams.State.REBALANCING) {
      rebalances.incrementAndGet();
    }
  }

  /** Reads {@code streams} now (store lag is what the client last learned from the brokers). */
  public Snapshot read(KafkaStreams streams) {
    TreeSet<String> active = new TreeSet<>();
    TreeSet<String> standby = new TreeSet<>();
    long lag = 0;
    KafkaStreams.State state = streams.state();
    if (state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING) {
      for (ThreadMetadata t : streams.metadataForLocalThreads()) {
        t.activeTasks().forEach(x -> active.add(x.taskId().toString()));
        t.standbyTasks().forEach(x -> standby.add(x.taskId().toString()));
      }
      try {
        for (Map<Integer, LagInfo> byPartition : streams.allLocalStorePartitionLags().values()) {
          for (LagInfo l : byPartition.values()) {
            lag += Math.max(0, l.offsetLag());
          }
        }
      } catch (RuntimeException e) {
        lag = -1; // not known during a rebalance
      }
    }
    return new Snapshot(state, rebalances.get(), List.copyOf(active), List.copyOf(standby), lag);
  }
}
