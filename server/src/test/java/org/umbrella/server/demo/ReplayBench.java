package org.umbrella.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.server.ServerOptions;
import org.umbrella.server.TestAgreement;
import org.umbrella.server.TestDb;
import org.umbrella.server.UmbrellaServer;
import org.umbrella.server.enforce.EngineEnforcement;
import org.umbrella.server.enforce.Replay;
import org.umbrella.server.ops.Operations;
import org.umbrella.server.ops.Report;
import org.umbrella.server.ops.ReportInput;

/**
 * Bench, not a test (skipped unless {@code -Dumbrella.replay.bench=N}): files N reports through
 * the workflow (group-committed, each a ledger leaf, the engine live), then rebuilds a fresh engine
 * from them with the per-row replay it replaced and with the streaming {@link Replay}, alternately,
 * three times each, and prints the times. The numbers go to docs/benchmarks.md, "Server".
 */
class ReplayBench {
  @Test
  void replay_perRow_vs_streaming() throws Exception {
    int n = Integer.getInteger("umbrella.replay.bench", 0);
    Assumptions.assumeTrue(n > 0, "set -Dumbrella.replay.bench=N to run");
    TestDb.reset();
    Instant now = Instant.now();
    Agreement agreement = Demo.withCeasefireInForce(TestAgreement.ukraine(), now.minus(Demo.CEASEFIRE_BEFORE));
    long filing = System.nanoTime();
    try (UmbrellaServer live = UmbrellaServer.start(TestDb.dataSource(), TestDb.ledgerKey(), Clock.systemUTC(), ServerOptions.defaults(0), Optional.of(agreement));
        ExecutorService clients = Executors.newFixedThreadPool(32)) {
      Operations ops = live.services().operations();
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < 32; c++) {
        int client = c;
        done.add(clients.submit(() -> {
          Random random = new Random(client);
          for (int i = client; i < n; i += 32) {
            ops.fileReport(new ReportInput.NewReport(now.minus(Duration.ofMinutes(random.nextInt(30 * 24 * 60))), "exact", "shelling",
                48.0 + random.nextDouble(), 37.0 + random.nextDouble(), "near", "RU", 0.7, "residential", 0, 1, 2,
                List.of(new Report.Source("patrol-" + i, "patrol", "team-" + random.nextInt(5))), List.of(), "bench " + i), "monitor");
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      ops.awaitEngine();
    }
    System.out.printf("replay bench: filed %,d reports in %.1f s%n", n, (System.nanoTime() - filing) / 1e9);
    try (UmbrellaServer idle = UmbrellaServer.start(TestDb.dataSource(), TestDb.ledgerKey(), Clock.systemUTC(), ServerOptions.defaults(0), Optional.empty())) {
      Operations ops = idle.services().operations();
      for (int round = 1; round <= 3; round++) {
        EngineEnforcement perRow = new EngineEnforcement(agreement, Clock.systemUTC(), idle.services().events());
        perRow.attach(ops);
        long t0 = System.nanoTime();
        List<org.umbrella.engine.input.RecordedInput> inputs = PerRowReplay.inputs(ops);
        perRow.replay(inputs);
        double perRowSeconds = (System.nanoTime() - t0) / 1e9;

        EngineEnforcement streaming = new EngineEnforcement(agreement, Clock.systemUTC(), idle.services().events());
        streaming.attach(ops);
        long t1 = System.nanoTime();
        int fed = Replay.stored(ops, streaming);
        double streamingSeconds = (System.nanoTime() - t1) / 1e9;
        assertThat(fed).isEqualTo(inputs.size());
        System.out.printf("replay bench round %d: %,d inputs; per-row %.2f s, streaming %.2f s (%.1fx)%n",
            round, fed, perRowSeconds, streamingSeconds, perRowSeconds / streamingSeconds);
      }
    }
  }
}
