package org.umbrella.server.web;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.umbrella.server.ServerOptions;
import org.umbrella.server.TestAgreement;
import org.umbrella.server.TestDb;
import org.umbrella.server.UmbrellaServer;
import org.umbrella.server.demo.Demo;

/**
 * The service a browser test drives: a fresh database with the Ukraine test agreement whose
 * ceasefire has been in force for eight days. Skips the calling test class when Debian's chromium
 * and chromium-driver are not installed.
 */
final class BrowserFixture {
  private BrowserFixture() {}

  static UmbrellaServer startWithCeasefireInForce(Clock clock) throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(BrowserFlowTest.DRIVER) && Files.isExecutable(BrowserFlowTest.BROWSER),
        "browser tests skipped: install Debian's chromium and chromium-driver (/usr/bin/chromedriver) to run them");
    TestDb.reset();
    return UmbrellaServer.start(
        TestDb.dataSource(),
        TestDb.ledgerKey(),
        clock,
        ServerOptions.defaults(0),
        Optional.of(
            Demo.withCeasefireInForce(
                TestAgreement.ukraine(), clock.instant().minus(Duration.ofDays(8)))),
        TestAgreement.library());
  }
}
