package org.umbrella.engine.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.umbrella.engine.Scenarios;

/**
 * Golden traces: each scenario (agreement + input.jsonl) must give exactly expected.jsonl. The
 * README beside them says which rule of LANGUAGE.md section 2 each one pins. After a deliberate
 * change, regenerate with -Dumbrella.golden.update=true and review every diff line by line.
 */
class GoldenTraceTest {

  static Stream<Path> scenarios() {
    return Scenarios.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void process_scenario_givesTheGoldenTrace(Path scenario) throws IOException {
    String actual =
        Scenarios.runRecorded(Scenarios.agreement(scenario), Scenarios.recordedInput(scenario));
    Path expected = scenario.resolve("expected.jsonl");
    if (Boolean.getBoolean("umbrella.golden.update")) {
      Files.writeString(expected, actual);
    }
    assertThat(actual).isEqualTo(Files.readString(expected));
  }

  @org.junit.jupiter.api.Test
  void scenarios_atLeastTwentyFive() {
    assertThat(Scenarios.all()).hasSizeGreaterThanOrEqualTo(25);
  }
}
