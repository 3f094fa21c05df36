package org.umbrella.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.Engine;
import org.umbrella.engine.output.OutputCodec;
import org.umbrella.server.ServerOptions;
import org.umbrella.server.TestAgreement;
import org.umbrella.server.TestDb;
import org.umbrella.server.TestServer;
import org.umbrella.server.access.Role;
import org.umbrella.server.demo.Demo;
import org.umbrella.server.enforce.EngineEnforcement;
import org.umbrella.server.journal.Journal;
import org.umbrella.stream.EmbeddedBroker;
import org.umbrella.stream.StreamsHealth;
import org.umbrella.stream.StreamsInstance;
import org.umbrella.stream.Topics;

/**
 * The service in cluster mode, wired as {@code umbrella serve --kafka} wires it (a Streams instance
 * of the topology beside the service, {@link ClusterSettings} with the client settings, the server
 * started with them), on a real Kafka broker in process and the test PostgreSQL, with two service
 * instances on the one database: reports filed and reviewed over HTTP on either instance come back
 * from the topology as findings on the API; one instance leads (ships, records), the other follows
 * and takes over when the leader stops; the recorded outputs are exactly what the single-node
 * engine makes of the same journal, each entry's once.
 */
@Tag("cluster")
class ClusterModeTest {
  private static final Duration WAIT = Duration.ofMinutes(2);

  @Test
  void
      reportsFiledAndReviewedOverHttp_becomeFindingsThroughTheTopology_onEitherInstance_andAcrossAFailOver(
          @TempDir Path tmp) throws Exception {
    Instant now = Instant.parse("2026-03-10T12:00:00Z"); // TestServer's clock
    Agreement agreement =
        Demo.withCeasefireInForce(TestAgreement.ukraine(), now.minus(Duration.ofDays(8)));
    Topics topics = Topics.defaults();
    try (EmbeddedBroker broker = EmbeddedBroker.start()) {
      Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrap());
      try (StreamsInstance streams =
          StreamsInstance.start(
              client, Map.of(agreement.id(), agreement), topics, tmp.resolve("streams"), 2)) {
        ClusterSettings settings =
            new ClusterSettings(
                client,
                topics.input(),
                topics.output(),
                () -> state(streams.health()),
                Duration.ofMinutes(1));
        TestServer a =
            new TestServer(
                ServerOptions.defaults(0), Optional.of(agreement), Optional.of(settings), true);
        TestServer b = null;
        boolean aClosed = false;
        List<String> report = new ArrayList<>();
        try {
          await("instance a leads", () -> a.server.cluster().orElseThrow().leader());
          b =
              new TestServer(
                  ServerOptions.defaults(0), Optional.of(agreement), Optional.of(settings), false);
          TestServer follower = b;
          Thread.sleep(2 * ClusterNode.FOLLOWER_RETRY_MS);
          assertThat(follower.server.cluster().orElseThrow().leader())
              .as("one leader per agreement")
              .isFalse();

          // filed on the follower, reviewed on the leader: the leader's poll ships what the
          // follower journaled
          String first = fileAndVerify(follower, a, "shelling near the school");
          long verifiedAt = System.nanoTime();
          await(
              "the finding of " + first + " on the API",
              () -> findingsOn(follower).contains(first));
          report.add(
              "report filed on the follower, reviewed on the leader: finding on the API "
                  + millisSince(verifiedAt)
                  + " ms after the verifying review");

          HttpResponse<String> health = a.get("/health", null);
          assertThat(health.body())
              .contains("\"role\":\"leader\"")
              .contains("\"state\":\"RUNNING\"")
              .contains("\"output-lag\"")
              .contains("\"rebalances\"")
              .contains("\"standby-tasks\"")
              .doesNotContain("bootstrap");
          assertThat(follower.get("/health", null).body()).contains("\"role\":\"follower\"");
          String metrics = a.get("/metrics", a.signIn(Role.ADMINISTRATOR)).body();
          assertThat(metrics)
              .contains("umbrella_cluster_leader 1.0")
              .contains("umbrella_streams_running 1.0")
              .contains("umbrella_cluster_output_lag");

          // the leader stops: its lock session ends, the follower takes over and resumes from the
          // topics
          long closing = System.nanoTime();
          a.close();
          aClosed = true;
          long closed = System.nanoTime();
          await("instance b takes over", () -> follower.server.cluster().orElseThrow().leader());
          report.add(
              "leader closed in "
                  + (closed - closing) / 1_000_000
                  + " ms; the follower led "
                  + millisSince(closed)
                  + " ms later");
          String second =
              fileAndVerify(follower, follower, "a second shelling after the fail-over");
          long secondVerifiedAt = System.nanoTime();
          await(
              "the finding of " + second + " on the API",
              () -> findingsOn(follower).contains(second));
          report.add(
              "after the hand-over: finding on the API "
                  + millisSince(secondVerifiedAt)
                  + " ms after the verifying review");
          assertThat(follower.server.cluster().orElseThrow().health().leaderships()).isEqualTo(1);
          await(
              "every journal entry's outputs recorded", () -> recordedEqualsSingleNode(agreement));
          Path loadavg = Path.of("/proc/loadavg");
          report.add(
              "load average at the end: "
                  + (java.nio.file.Files.isReadable(loadavg)
                      ? java.nio.file.Files.readString(loadavg).strip()
                      : "not known here"));
          java.nio.file.Files.write(Path.of("target/cluster-mode.txt"), report);
          report.forEach(System.out::println);
        } finally {
          if (!aClosed) {
            a.close();
          }
          if (b != null) {
            b.close();
          }
        }
      }
    }
  }

  /**
   * Files a report on {@code filer}'s instance, corroborates and verifies it on {@code reviewer}'s;
   * answers its id.
   */
  private static String fileAndVerify(TestServer filer, TestServer reviewer, String summary) {
    TestServer.Session monitor = filer.signIn("monitor", TestServer.PASSWORD);
    HttpResponse<String> filed = filer.postJson("/api/v1/reports", monitor, onTheLine(summary));
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String id = TestServer.field(filed.body(), "id");
    TestServer.Session verifier = reviewer.signIn("verifier", TestServer.PASSWORD);
    assertThat(
            reviewer
                .postJson(
                    "/api/v1/reports/" + id + "/reviews", verifier, "{\"status\":\"corroborated\"}")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> verified =
        reviewer.postJson(
            "/api/v1/reports/" + id + "/reviews",
            verifier,
            "{\"status\":\"verified\",\"actor\":{\"party\":\"RU\",\"confidence\":0.9},\"note\":\"two sources\"}");
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    return id;
  }

  private static String findingsOn(TestServer t) {
    return t.get("/api/v1/findings", t.signIn("monitor", TestServer.PASSWORD)).body();
  }

  /**
   * Whether the recorded outputs are, entry by entry, the single-node engine's on the journal the
   * engine consumes.
   */
  private static boolean recordedEqualsSingleNode(Agreement agreement) {
    Engine engine = Engine.create(agreement);
    List<String> expected = new ArrayList<>();
    List<Long> expectedSeqs = new ArrayList<>();
    Journal.read(
        TestDb.jdbi(),
        0,
        e -> {
          if (e instanceof Journal.InputEntry in && EngineEnforcement.feeds(in.input().record())) {
            engine.process(
                in.input(),
                o -> {
                  expected.add(OutputCodec.encode(o));
                  expectedSeqs.add(e.seq());
                });
          }
        });
    List<String> recorded =
        TestDb.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select body_text from outputs order by seq")
                        .mapTo(String.class)
                        .list());
    List<Long> recordedSeqs =
        TestDb.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select journal_seq from outputs order by seq")
                        .mapTo(Long.class)
                        .list());
    if (recorded.size() < expected.size()) {
      return false;
    }
    assertThat(recorded).as("outputs recorded in cluster mode").containsExactlyElementsOf(expected);
    assertThat(recordedSeqs)
        .as("the journal entries they are recorded under")
        .containsExactlyElementsOf(expectedSeqs);
    assertThat(expected)
        .as("the reports produced findings")
        .anyMatch(l -> l.contains("\"type\":\"finding\""));
    return true;
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  static StreamsState state(StreamsHealth.Snapshot s) {
    return new StreamsState(
        s.state().name(), s.rebalances(), s.activeTasks(), s.standbyTasks(), s.storeLag());
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("waited " + WAIT.toSeconds() + " s for: " + what);
      }
      Thread.sleep(200);
    }
  }

  /**
   * A report of shelling on a vertex of the line of contact (so within the front zone, a violation
   * once verified).
   */
  static String onTheLine(String summary) {
    return TestServer.reportJson(summary)
        .replace(
            "\"lat\":48.0159,\"lon\":37.8029,\"precision\":\"near\"",
            "\"lat\":47.83,\"lon\":36.8,\"precision\":\"exact\"");
  }
}
