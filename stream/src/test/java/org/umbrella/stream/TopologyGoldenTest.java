package org.umbrella.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine module's golden traces, piped through the topology (RocksDB store, exactly-once v2
 * settings) on Kafka's test driver: the output topic must hold expected.jsonl byte for byte.
 */
class TopologyGoldenTest {
  static Stream<Path> scenarios() {
    return Fixtures.scenarios().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void topology_scenario_givesTheGoldenTraceByteForByte(Path scenario) throws IOException {
    List<String> lines =
        Fixtures.topology(
            Fixtures.scenarioAgreement(scenario),
            Fixtures.scenarioInput(scenario),
            EngineTopology.StoreKind.ROCKSDB);
    String actual = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    assertThat(actual).isEqualTo(Files.readString(scenario.resolve("expected.jsonl")));
  }

  @Test
  void scenarios_theEngineModulesGoldenTracesAreFound() {
    assertThat(Fixtures.scenarios()).hasSizeGreaterThanOrEqualTo(28);
  }
}
