package org.umbrella.stream;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One real Kafka broker (KRaft, combined broker and controller) in this JVM, on a loopback port,
 * its logs in a directory of its own that {@link #close()} deletes: Kafka's own test kit ({@code
 * kafka-test-common-runtime}), so that no Docker and no separate installation is needed. What
 * {@code umbrella replay --engine kafka-streams} and the service's cluster tests run on.
 *
 * <p>Single-broker settings: internal topics with one replica, and no limit on how old or how far
 * ahead a record's timestamp may be (the inputs of a replay are history).
 */
public final class EmbeddedBroker implements AutoCloseable {
  private final KafkaClusterTestKit kit;
  private final Path dir;

  private EmbeddedBroker(KafkaClusterTestKit kit, Path dir) {
    this.kit = kit;
    this.dir = dir;
  }

  /** Starts a broker with its logs under a fresh temporary directory. */
  public static EmbeddedBroker start() {
    Path dir;
    try {
      dir = Files.createTempDirectory("umbrella-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TestKitNodes nodes =
        new TestKitNodes.Builder()
            .setCombined(true)
            .setNumBrokerNodes(1)
            .setNumControllerNodes(1)
            .setBaseDirectory(dir)
            .build();
    KafkaClusterTestKit kit = null;
    try {
      kit =
          new KafkaClusterTestKit.Builder(nodes)
              .setConfigProp("offsets.topic.num.partitions", "1")
              .setConfigProp("offsets.topic.replication.factor", "1")
              .setConfigProp("transaction.state.log.num.partitions", "1")
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("transaction.state.log.min.isr", "1")
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              .setConfigProp("log.message.timestamp.before.max.ms", String.valueOf(Long.MAX_VALUE))
              .setConfigProp("log.message.timestamp.after.max.ms", String.valueOf(Long.MAX_VALUE))
              .setConfigProp("log.retention.ms", "-1")
              .setConfigProp("num.io.threads", "2")
              .setConfigProp("num.network.threads", "2")
              .build();
      // the formatter prints two lines to standard output, where a replay may be writing its
      // records
      PrintStream stdout = System.out;
      System.setOut(System.err);
      try {
        kit.format();
      } finally {
        System.setOut(stdout);
      }
      kit.startup();
      kit.waitForReadyBrokers();
      return new EmbeddedBroker(kit, dir);
    } catch (Exception e) {
      if (kit != null) {
        closeQuietly(kit);
      }
      delete(dir);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException(
          "the in-process Kafka broker did not start: " + e.getMessage(), e);
    }
  }

  /** The broker's address for {@code bootstrap.servers}. */
  public String bootstrap() {
    return kit.bootstrapServers();
  }

  /**
   * Creates the deployment's three topics with {@code partitions} partitions each (rejects: one),
   * kept forever.
   */
  public void createTopics(Topics topics, int partitions) {
    Map<String, String> keep = Map.of("retention.ms", "-1");
    List<NewTopic> all =
        new ArrayList<>(
            List.of(
                new NewTopic(topics.input(), partitions, (short) 1).configs(keep),
                new NewTopic(topics.output(), partitions, (short) 1).configs(keep),
                new NewTopic(topics.rejects(), 1, (short) 1).configs(keep)));
    try (Admin admin = kit.admin()) {
      admin.createTopics(all).all().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("creating the topics " + topics + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the topics", e);
    }
  }

  @Override
  public void close() {
    try {
      closeQuietly(kit);
    } finally {
      delete(dir);
    }
  }

  private static void closeQuietly(KafkaClusterTestKit kit) {
    try {
      kit.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // the broker is going away with its directory; nothing of the caller's result depends on a
      // clean stop
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
