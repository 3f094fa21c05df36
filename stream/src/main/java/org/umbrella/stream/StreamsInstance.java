package org.umbrella.stream;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.umbrella.agreement.model.Agreement;

/**
 * One Streams instance of the engine topology inside another process ({@code umbrella serve
 * --kafka} runs one beside each service instance; {@link StreamsNode} is the stand-alone form).
 * Creates the deployment's topics when they are missing (replication 3, or the number of brokers if
 * fewer; {@code min.insync.replicas} one less, at least 1; kept forever), then starts the client
 * with {@link StreamSettings} (exactly-once v2, one standby) and the caller's client settings (TLS,
 * SASL) passed through.
 */
public final class StreamsInstance implements AutoCloseable {
  /**
   * The Streams application id of the service's engine (its consumer group, its internal topics'
   * prefix).
   */
  public static final String APPLICATION_ID = "umbrella-engine";

  private final KafkaStreams streams;
  private final StreamsHealth health = new StreamsHealth();

  private StreamsInstance(KafkaStreams streams) {
    this.streams = streams;
  }

  /**
   * Starts an instance for {@code agreements} on the cluster {@code client} names.
   *
   * @param client Kafka client settings ({@code bootstrap.servers} and the rest), given to the
   *     admin client and to Streams unchanged
   * @param partitions the partitions of the input and output topics, when this creates them
   * @throws IllegalStateException if the cluster cannot be reached or refuses the topics
   */
  public static StreamsInstance start(
      Map<String, Object> client,
      Map<String, Agreement> agreements,
      Topics topics,
      Path stateDir,
      int partitions) {
    int replication = ensureTopics(client, topics, partitions);
    Map<String, String> passThrough = new HashMap<>();
    client.forEach((k, v) -> passThrough.put(k, String.valueOf(v)));
    Properties p =
        StreamSettings.properties(
            APPLICATION_ID,
            String.valueOf(client.get("bootstrap.servers")),
            replication,
            passThrough);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    KafkaStreams streams = new KafkaStreams(EngineTopology.build(agreements, topics), p);
    StreamsInstance s = new StreamsInstance(streams);
    streams.setStateListener((now, before) -> s.health.onChange(now));
    // a stream thread that dies is replaced: the task is re-initialised from its store
    // (EngineProcessor.init)
    streams.setUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.REPLACE_THREAD);
    streams.start();
    return s;
  }

  /** The instance's state, rebalances, tasks and store lag now. */
  public StreamsHealth.Snapshot health() {
    return health.read(streams);
  }

  /** Creates the missing topics; answers the replication factor for the internal topics. */
  static int ensureTopics(Map<String, Object> client, Topics topics, int partitions) {
    try (Admin admin = Admin.create(client)) {
      int brokers = admin.describeCluster().nodes().get(60, TimeUnit.SECONDS).size();
      short rf = (short) Math.max(1, Math.min(3, brokers));
      Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
      Map<String, String> cfg =
          Map.of("retention.ms", "-1", "min.insync.replicas", String.valueOf(Math.max(1, rf - 1)));
      List<NewTopic> missing = new ArrayList<>();
      for (String t : List.of(topics.input(), topics.output())) {
        if (!existing.contains(t)) {
          missing.add(new NewTopic(t, partitions, rf).configs(cfg));
        }
      }
      if (!existing.contains(topics.rejects())) {
        missing.add(new NewTopic(topics.rejects(), 1, rf).configs(cfg));
      }
      try {
        admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause()
            instanceof TopicExistsException)) { // another instance made them meanwhile
          throw e;
        }
      }
      return rf;
    } catch (ExecutionException | TimeoutException e) {
      Throwable why = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException(
          "the Kafka cluster at "
              + client.get("bootstrap.servers")
              + " did not answer: "
              + why.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the topics", e);
    }
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
  }
}
