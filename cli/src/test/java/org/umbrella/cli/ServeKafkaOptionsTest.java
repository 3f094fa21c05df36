package org.umbrella.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --kafka ...}: client settings from the properties file, wrong combinations stopped
 * before anything starts.
 */
class ServeKafkaOptionsTest {
  @Test
  void kafkaConfig_isPassedThrough_andTheBootstrapOptionWins(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("client.properties");
    Files.writeString(
        f,
        """
        security.protocol=SASL_SSL
        sasl.mechanism=SCRAM-SHA-512
        sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="u" password="s3cret";
        bootstrap.servers=ignored:1
        """);
    Map<String, Object> client = ServeCommand.kafkaClient("b1:9092,b2:9092", f);
    assertThat(client)
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("bootstrap.servers", "b1:9092,b2:9092");
    assertThat((String) client.get("sasl.jaas.config")).contains("password=\"s3cret\"");
  }

  @Test
  void kafkaConfig_missing_isAUserErrorNamingTheFile(@TempDir Path tmp) {
    assertThatThrownBy(() -> ServeCommand.kafkaClient("b:9092", tmp.resolve("absent.properties")))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("--kafka-config")
        .hasMessageContaining("absent.properties");
  }

  @Test
  void kafkaConfig_withoutKafka_isAUserError(@TempDir Path tmp) {
    String[] r =
        ServeOidcOptionsTest.run(
            "serve", "--kafka-config", tmp.resolve("c.properties").toString(), "--port", "0");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1]).contains("--kafka-config and --kafka-state-dir go with --kafka BOOTSTRAP");
  }

  @Test
  void kafkaPartitions_zero_isAUserError() {
    String[] r =
        ServeOidcOptionsTest.run(
            "serve", "--kafka", "b:9092", "--kafka-partitions", "0", "--port", "0");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1]).contains("--kafka-partitions must be at least 1, was 0");
  }
}
