package org.umbrella.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umbrella.agreement.model.Agreement;

/**
 * Inputs the topology cannot take go to the rejects topic with where and why, and do not stop it:
 * the next good record is processed as if they had not come.
 */
class RejectsTest {
  @TempDir Path state;

  @Test
  void badInputs_areRejectedWithWhereAndWhy_andTheEngineGoesOn() throws Exception {
    Path scenario = Fixtures.SCENARIOS.resolve("20-obligation-deadlines");
    Agreement agreement = Fixtures.scenarioAgreement(scenario);
    Topics topics = Topics.defaults();
    Properties p = StreamSettings.properties("rejects-test", "in-process:0", 1, Map.of());
    p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            EngineTopology.build(Map.of(agreement.id(), agreement), topics), p)) {
      TestInputTopic<String, String> in =
          driver.createInputTopic(
              topics.input(), Serdes.String().serializer(), Serdes.String().serializer());
      TestOutputTopic<String, String> out =
          driver.createOutputTopic(
              topics.output(), Serdes.String().deserializer(), Serdes.String().deserializer());
      TestOutputTopic<String, String> rejects =
          driver.createOutputTopic(
              topics.rejects(), Serdes.String().deserializer(), Serdes.String().deserializer());
      in.pipeInput("no-such-agreement", "{}");
      in.pipeInput(null, "{}");
      in.pipeInput(agreement.id(), "{not json");
      in.pipeInput(agreement.id(), "{\"type\":\"incident\"}");
      assertThat(rejects.readValuesToList())
          .satisfiesExactly(
              r ->
                  assertThat(r)
                      .startsWith("umbrella.journal-0@0: ")
                      .contains("no agreement 'no-such-agreement'"),
              r -> assertThat(r).contains("@1: ").contains("no key"),
              r -> assertThat(r).contains("@2: ").contains("not valid JSON"),
              r -> assertThat(r).contains("@3: "));
      for (String line : Files.readAllLines(scenario.resolve("input.jsonl"))) {
        in.pipeInput(agreement.id(), line);
      }
      assertThat(String.join("\n", out.readValuesToList()) + "\n")
          .isEqualTo(Files.readString(scenario.resolve("expected.jsonl")));
      assertThat(rejects.isEmpty()).isTrue();
    }
  }
}
