package org.umbrella.stream;

import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Streams settings Umbrella runs with: exactly-once v2 (an input's outputs and its store update
 * commit together or not at all), one standby replica (a warm copy of each store on another
 * instance, so a fail-over does not wait for a full restore), a replication factor of 3 for the
 * internal topics on a real cluster. Client settings such as TLS and SASL pass through unchanged.
 */
public final class StreamSettings {
  private StreamSettings() {}

  /**
   * Settings for one instance.
   *
   * @param applicationId the Streams application id (consumer group and internal topic prefix)
   * @param bootstrap the brokers
   * @param replication the replication factor of internal topics (3 on a cluster, 1 on one broker)
   * @param passThrough further client settings (security.protocol, sasl.*, ssl.*), applied last
   */
  public static Properties properties(
      String applicationId, String bootstrap, int replication, Map<String, String> passThrough) {
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(bootstrap, "bootstrap");
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replication);
    passThrough.forEach(p::put);
    return p;
  }
}
