package org.umbrella.server.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How the service runs in cluster mode ({@code umbrella serve --kafka}).
 *
 * @param client Kafka client settings: {@code bootstrap.servers} and whatever the properties file
 *     of {@code --kafka-config} gives (TLS, SASL), passed to every client unchanged and never
 *     logged
 * @param inputTopic the journal's topic
 * @param outputTopic the engine's output topic
 * @param streams what the Streams instance beside this service reports, read for health and metrics
 * @param tickEvery how often the leader journals a tick of the server clock (the engine's deadlines
 *     fire on the first tick at or after them)
 */
public record ClusterSettings(
    Map<String, Object> client,
    String inputTopic,
    String outputTopic,
    Supplier<StreamsState> streams,
    Duration tickEvery) {
  public ClusterSettings {
    client = Map.copyOf(client);
    Objects.requireNonNull(inputTopic, "inputTopic");
    Objects.requireNonNull(outputTopic, "outputTopic");
    Objects.requireNonNull(streams, "streams");
    if (tickEvery.isNegative() || tickEvery.isZero()) {
      throw new IllegalArgumentException("the tick interval must be positive, was " + tickEvery);
    }
  }
}
