package org.umbrella.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.umbrella.server.ServerOptions;
import org.umbrella.server.TestDb;
import org.umbrella.server.TestServer;
import org.umbrella.server.access.Role;

/**
 * The engine's queue is bounded: with the engine paused (a stage the test holds, not a timing),
 * filing fills the queue up to its limit, then waits for room and, when none frees up within the
 * wait, answers 503 problem+json with Retry-After having stored nothing; the lag shows at {@code
 * /metrics} and {@code /health}; once the engine catches up everything is back to normal.
 */
class EngineBackpressureTest {
  private static final int LIMIT = 3;

  /** An engine stage that runs only as far as the test lets it. */
  static final class PausedEngine implements Enforcement {
    final Semaphore go = new Semaphore(0);
    final AtomicLong seen = new AtomicLong();

    @Override
    public void reportChanged(Report report, java.time.Instant recordedAt) {
      go.acquireUninterruptibly();
      seen.incrementAndGet();
    }

    @Override
    public void voted(Operations.Finding finding) {}

    @Override
    public void answered(Operations.Obligation obligation) {}

    @Override
    public boolean connected() {
      return true;
    }
  }

  @Test
  void full_queue_refusesWith503AndStoresNothing_healthDegraded_metricsShowTheLag() {
    try (TestServer t =
        new TestServer(ServerOptions.defaults(0).withEngineQueue(LIMIT, Duration.ZERO))) {
      PausedEngine engine = new PausedEngine();
      Operations ops = t.server.services().operations();
      ops.connect(engine);
      TestServer.Session monitor = t.signIn(Role.MONITOR);
      for (int i = 0; i < LIMIT; i++) {
        assertThat(
                t.postJson("/api/v1/reports", monitor, TestServer.reportJson("r" + i)).statusCode())
            .isEqualTo(201);
      }
      assertThat(ops.engineQueue().depth()).isEqualTo(LIMIT);
      long stored = reports();

      HttpResponse<String> refused =
          t.postJson("/api/v1/reports", monitor, TestServer.reportJson("one too many"));
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
          .isBetween(1L, 60L);
      assertThat(refused.body())
          .contains("urn:umbrella:problem:engine-lagging")
          .contains("nothing was stored");
      assertThat(reports())
          .as("a refused report is not stored (a retry makes no duplicate)")
          .isEqualTo(stored);

      HttpResponse<String> health = t.get("/health", null);
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body())
          .contains("\"status\":\"degraded\"")
          .contains("\"queue-depth\":3")
          .contains("\"lagging\":true");
      TestServer.Session admin = t.signIn(Role.ADMINISTRATOR);
      String metrics = t.get("/metrics", admin).body();
      assertThat(metrics)
          .contains("umbrella_engine_queue_depth 3.0")
          .contains("umbrella_engine_queue_limit 3.0")
          .contains("umbrella_engine_queue_oldest_age_seconds");

      engine.go.release(LIMIT);
      ops.awaitEngine();
      assertThat(engine.seen.get()).isEqualTo(LIMIT);
      assertThat(ops.engineQueue().depth()).isZero();
      assertThat(t.get("/health", null).body())
          .contains("\"status\":\"ok\"")
          .contains("\"queue-depth\":0");
      assertThat(t.get("/metrics", admin).body()).contains("umbrella_engine_queue_depth 0.0");
      engine.go.release(1);
      assertThat(
              t.postJson("/api/v1/reports", monitor, TestServer.reportJson("after catching up"))
                  .statusCode())
          .isEqualTo(201);
      ops.awaitEngine();
      assertThat(engine.seen.get()).isEqualTo(LIMIT + 1);
    }
  }

  @Test
  void full_queue_slowsFilingDown_theRequestWaitsForRoom_thenIsStored() throws Exception {
    try (TestServer t =
        new TestServer(ServerOptions.defaults(0).withEngineQueue(LIMIT, Duration.ofMinutes(2)))) {
      PausedEngine engine = new PausedEngine();
      Operations ops = t.server.services().operations();
      ops.connect(engine);
      TestServer.Session monitor = t.signIn(Role.MONITOR);
      for (int i = 0; i < LIMIT; i++) {
        assertThat(
                t.postJson("/api/v1/reports", monitor, TestServer.reportJson("r" + i)).statusCode())
            .isEqualTo(201);
      }
      long stored = reports();
      CompletableFuture<HttpResponse<String>> waiting =
          CompletableFuture.supplyAsync(
              () ->
                  t.postJson("/api/v1/reports", monitor, TestServer.reportJson("waits for room")));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (ops.engineQueue().waitingForRoom() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(ops.engineQueue().waitingForRoom())
          .as("the fourth filing waits for room")
          .isEqualTo(1);
      assertThat(waiting).isNotDone();
      assertThat(reports()).as("nothing is stored while it waits").isEqualTo(stored);

      engine.go.release(1); // the engine sees one report: room for one more
      HttpResponse<String> r = waiting.get(60, TimeUnit.SECONDS);
      assertThat(r.statusCode()).isEqualTo(201);
      assertThat(reports()).isEqualTo(stored + 1);
      engine.go.release(LIMIT);
      ops.awaitEngine();
      assertThat(engine.seen.get()).isEqualTo(LIMIT + 1);
    }
  }

  @Test
  void oldestAge_followsTheMonotonicClock_andLaggingTurnsOnPastTheThreshold() {
    AtomicLong nanos = new AtomicLong(1_000);
    try (EngineQueue q = new EngineQueue(10, Duration.ZERO, Duration.ofSeconds(30), nanos::get)) {
      Semaphore go = new Semaphore(0);
      assertThat(q.oldestAge()).isEqualTo(Duration.ZERO);
      assertThat(q.lagging()).isFalse();
      q.later(q.admit(), go::acquireUninterruptibly);
      nanos.addAndGet(Duration.ofSeconds(12).toNanos());
      q.later(q.admit(), () -> {});
      assertThat(q.depth()).isEqualTo(2);
      assertThat(q.oldestAge()).isEqualTo(Duration.ofSeconds(12));
      assertThat(q.lagging()).isFalse();
      nanos.addAndGet(Duration.ofSeconds(19).toNanos());
      assertThat(q.oldestAge()).isEqualTo(Duration.ofSeconds(31));
      assertThat(q.lagging()).as("older than 30 s").isTrue();
      go.release();
      q.await(() -> {});
      assertThat(q.depth()).isZero();
      assertThat(q.oldestAge()).isEqualTo(Duration.ZERO);
      assertThat(q.lagging()).isFalse();
    }
  }

  static long reports() {
    return TestDb.jdbi()
        .withHandle(h -> h.createQuery("select count(*) from ops_report").mapTo(Long.class).one());
  }
}
