package org.umbrella.stream;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * Kafka's own in-process KRaft cluster (the {@code kafka-test-common-runtime} test kit from Maven
 * Central): brokers in this JVM on loopback ports, one of them also the KRaft controller. Kept lean
 * for a 2-core machine: few internal partitions, two I/O threads.
 */
final class KraftCluster implements AutoCloseable {
  /** The broker that is also the controller; restart another one. */
  static final int CONTROLLER_NODE = 0;

  private final KafkaClusterTestKit kit;

  private KraftCluster(KafkaClusterTestKit kit) {
    this.kit = kit;
  }

  static KraftCluster start(int brokers) throws Exception {
    TestKitNodes nodes =
        new TestKitNodes.Builder()
            .setCombined(true)
            .setNumBrokerNodes(brokers)
            .setNumControllerNodes(1)
            .build();
    KafkaClusterTestKit kit =
        new KafkaClusterTestKit.Builder(nodes)
            .setConfigProp("offsets.topic.num.partitions", "4")
            .setConfigProp("transaction.state.log.num.partitions", "4")
            .setConfigProp("offsets.topic.replication.factor", String.valueOf(Math.min(3, brokers)))
            .setConfigProp(
                "transaction.state.log.replication.factor", String.valueOf(Math.min(3, brokers)))
            .setConfigProp("transaction.state.log.min.isr", String.valueOf(Math.min(2, brokers)))
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .setConfigProp("num.io.threads", "2")
            .setConfigProp("num.network.threads", "2")
            .setConfigProp("num.replica.fetchers", "1")
            .setConfigProp("log.cleaner.threads", "1")
            .build();
    kit.format();
    kit.startup();
    kit.waitForReadyBrokers();
    return new KraftCluster(kit);
  }

  String bootstrap() {
    return kit.bootstrapServers();
  }

  Admin admin() {
    return kit.admin();
  }

  /**
   * Creates the deployment's three topics with this many partitions, replicated on up to 3 brokers,
   * 2 in sync for a write.
   */
  void createTopics(Topics topics, int partitions, int brokers) throws Exception {
    short rf = (short) Math.min(3, brokers);
    // the journal and the engine's outputs are the record: kept forever, never deleted by age
    Map<String, String> cfg =
        Map.of("min.insync.replicas", String.valueOf(Math.min(2, brokers)), "retention.ms", "-1");
    try (Admin admin = kit.admin()) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(topics.input(), partitions, rf).configs(cfg),
                  new NewTopic(topics.output(), partitions, rf).configs(cfg),
                  new NewTopic(topics.rejects(), 1, rf).configs(cfg)))
          .all()
          .get(60, TimeUnit.SECONDS);
    }
  }

  /** Stops broker {@code id} and starts it again on its own log directories. */
  void restartBroker(int id) {
    kit.restartBroker(id, Map.of());
  }

  @Override
  public void close() {
    try {
      kit.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("closing the cluster", e);
    }
  }
}
