package org.umbrella.bench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.umbrella.engine.Engine;

/**
 * Builds compared in one JVM: each in a loader of its own, over the same chunks, checked to find
 * the same; a build that is not there is refused by name.
 */
class BuildComparisonTest {
  private static final String BUILD =
      Path.of(Engine.class.getProtectionDomain().getCodeSource().getLocation().getPath())
          .toString();

  @Test
  void twoLoadsOfOneBuild_findTheSame_andAreEachReported() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    int status =
        BuildComparison.run(
            new String[] {
              "--incidents",
              "20000",
              "--chunk",
              "5000",
              "--warmup",
              "2000",
              "--agreement",
              "twenty-point.agreement.yaml",
              BUILD,
              BUILD
            },
            new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(status).as(out).isZero();
    assertThat(out.lines().filter(l -> l.startsWith(BUILD) && l.contains("incidents/s")))
        .hasSize(2);
    assertThat(out).contains("of 4").doesNotContain("different counts");
  }

  @Test
  void aBuildThatIsNotThere_isRefusedByName() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    int status =
        BuildComparison.run(
            new String[] {BUILD, "no-such-engine.jar"},
            new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("no such engine build: no-such-engine.jar");
  }
}
