package org.umbrella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The command line has an SLF4J provider of its own (no "No SLF4J providers were found" warning),
 * quiet by default.
 */
class LoggingTest {
  @Test
  void slf4j_hasAProvider_andLogsOnlyWarningsOutsideUmbrella() {
    assertThat(LoggerFactory.getILoggerFactory())
        .isNotInstanceOf(org.slf4j.helpers.NOPLoggerFactory.class);
    assertThat(LoggerFactory.getLogger("org.flywaydb.core").isInfoEnabled())
        .as("libraries: warnings only")
        .isFalse();
    assertThat(LoggerFactory.getLogger("org.flywaydb.core").isWarnEnabled()).isTrue();
  }
}
