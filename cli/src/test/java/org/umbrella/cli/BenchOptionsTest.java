package org.umbrella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code bench}: counts that cannot make a measurement are refused before a benchmark JVM starts,
 * naming the option and the value.
 */
class BenchOptionsTest {
  @Test
  void rounds_zero_isAUserError() {
    String[] r = ServeOidcOptionsTest.run("bench", "--rounds", "0");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1]).contains("--rounds must be at least 1, was 0");
  }

  @Test
  void incidents_zero_isAUserError() {
    String[] r = ServeOidcOptionsTest.run("bench", "--incidents", "0");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1]).contains("--incidents must be at least 1, was 0");
  }

  @Test
  void warmup_negative_isAUserError() {
    String[] r = ServeOidcOptionsTest.run("bench", "--warmup", "-5");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1]).contains("--warmup must not be negative, was -5");
  }

  @Test
  void chunk_negative_isAUserError() {
    String[] r = ServeOidcOptionsTest.run("bench", "--chunk", "-1");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1]).contains("--chunk must not be negative, was -1");
  }
}
