package org.umbrella.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umbrella.cli.Umbrella;
import org.umbrella.server.journal.Reexecution;
import org.umbrella.store.Database;
import org.umbrella.store.StoreConfig;
import picocli.CommandLine;

/**
 * Issue 12, acceptance 4 as users meet it: {@code umbrella serve --kafka} itself under failure
 * injection. Three service instances run as child processes (the command line's real main) on one
 * PostgreSQL and a 3-broker KRaft cluster in this JVM (Kafka's own test kit); reports are filed and
 * reviewed over HTTP on whichever instance is up while an instance is SIGKILLed ten times (the
 * leader and followers in turn, each restarted), a broker is restarted, and the leader is paused
 * with SIGSTOP past its Streams session timeout. Afterwards: every report whose filing was
 * acknowledged (201) is in the journal and, when its verifying review was acknowledged, its finding
 * is on the API; the ledger's engine-output leaves are exactly the single-node engine's outputs on
 * the journal (re-executed entry by entry: nothing missing, duplicated or different); and {@code
 * umbrella audit reexecute} says every output matched. Hand-over times go to {@code
 * target/serve-kafka-failover.txt} (docs/scale-out.md).
 */
@Tag("cluster")
class ServeKafkaFailoverTest {
  static final int INSTANCES = 3;
  static final int KILLS = 10;

  /** Reports acknowledged between two failures, so that each one strikes a service under load. */
  static final int PER_ROUND = 4;

  static final int SESSION_TIMEOUT_MS = 6_000;
  static final Duration START = Duration.ofMinutes(3);
  static final Duration SETTLE = Duration.ofMinutes(3);

  private final Random random = new Random(12);
  private final ApiClient api = new ApiClient(Duration.ofSeconds(8));
  private final List<String> report = new ArrayList<>();
  private final Set<String> acked = ConcurrentHashMap.newKeySet();
  private final Set<String> verified = ConcurrentHashMap.newKeySet();
  private final AtomicInteger refused = new AtomicInteger();
  private final long t0 = System.nanoTime();

  @Test
  void
      serveKafka_underKillsPauseAndABrokerRestart_losesNoAcknowledgedReport_andRecordsExactlyTheSingleNodeOutputs(
          @TempDir Path tmp) throws Exception {
    EmbeddedPostgres embedded = null;
    String base = System.getenv("UMBRELLA_TEST_DATABASE_URL");
    if (base == null || base.isBlank()) {
      embedded = EmbeddedPostgres.builder().start();
      base = embedded.getJdbcUrl("postgres", "postgres");
    }
    String dbName = "serve_kafka_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    try (Connection c = DriverManager.getConnection(base);
        Statement s = c.createStatement()) {
      s.execute("create database " + dbName);
    }
    String url = base.replaceFirst("^(jdbc:postgresql://[^/?]+/)[^?]*", "$1" + dbName);
    List<ServeInstance> instances = new ArrayList<>();
    boolean passed = false;
    KafkaClusterTestKit kafka = startBrokers(tmp.resolve("kafka"));
    try {
      Path dataDir =
          Files.createDirectories(
              tmp.resolve("data")); // one ledger key for all instances, as a deployment shares it
      Path clientConfig = tmp.resolve("client.properties");
      Files.writeString(
          clientConfig,
          String.join(
              "\n", "session.timeout.ms=" + SESSION_TIMEOUT_MS, "heartbeat.interval.ms=1500", ""));
      Path logs = Files.createDirectories(Path.of("target/serve-kafka-failover"));
      for (int i = 0; i < INSTANCES; i++) {
        String name = String.valueOf((char) ('a' + i));
        instances.add(
            new ServeInstance(
                name,
                freePort(),
                List.of(
                    "--kafka",
                    kafka.bootstrapServers(),
                    "--kafka-config",
                    clientConfig.toString(),
                    "--kafka-partitions",
                    "4",
                    "--kafka-state-dir",
                    tmp.resolve("streams-" + name).toString(),
                    "--kafka-tick",
                    "PT10M",
                    "--database-url",
                    url,
                    "--data-dir",
                    dataDir.toString()),
                logs.resolve("serve-" + name + ".log")));
        Files.deleteIfExists(logs.resolve("serve-" + name + ".log"));
      }
      // the first start creates the demo accounts (passwords printed once) and files the demo
      // stream
      ServeInstance first = instances.get(0);
      first.start();
      first.awaitServing(START);
      note(
          "%s serving %d ms after its first start (demo accounts and stream made)",
          first.name, first.sinceStartMs());
      String out = first.output();
      ApiClient.Session monitor = api.signIn(first.port, "monitor", password(out, "monitor"));
      ApiClient.Session verifier = api.signIn(first.port, "verifier", password(out, "verifier"));
      for (ServeInstance other : instances.subList(1, INSTANCES)) {
        other.start();
      }
      for (ServeInstance other : instances.subList(1, INSTANCES)) {
        other.awaitServing(START);
        note("%s serving %d ms after its start", other.name, other.sinceStartMs());
      }
      await("one instance leads", Duration.ofMinutes(2), () -> leader(instances) != null);
      note("%d instances serving, %s leads", INSTANCES, leader(instances).name);

      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> senders = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        senders.add(
            Thread.ofPlatform()
                .name("sender-" + w)
                .start(() -> send(instances, monitor, verifier, stop)));
      }
      List<Long> handOvers = new ArrayList<>();
      for (int kill = 1; kill <= KILLS; kill++) {
        awaitAcked(PER_ROUND);
        await(
            "at least two instances serving",
            START,
            () -> instances.stream().filter(ServeInstance::serving).count() >= 2);
        for (ServeInstance i : instances) {
          if (i.servingNoted()) {
            note("  %s serving again %d ms after its restart", i.name, i.sinceStartMs());
          }
        }
        ServeInstance lead = leader(instances);
        boolean killLeader = kill % 2 == 1 && lead != null;
        ServeInstance victim =
            killLeader
                ? lead
                : instances.stream()
                    .filter(i -> i.serving() && i != lead)
                    .findFirst()
                    .orElseThrow();
        long killedAt = System.nanoTime();
        victim.kill();
        note(
            "kill %d: SIGKILL %s (%s), %d reports acknowledged so far",
            kill, victim.name, killLeader ? "the leader" : "a follower", acked.size());
        victim.start();
        if (killLeader) {
          await(
              "another instance leads after the kill",
              Duration.ofMinutes(2),
              () -> leader(instances) != null);
          long ms = (System.nanoTime() - killedAt) / 1_000_000;
          handOvers.add(ms);
          note("  lead handed over to %s %d ms after the SIGKILL", leader(instances).name, ms);
        }
        if (kill == 5) {
          awaitAcked(PER_ROUND);
          long at = System.nanoTime();
          kafka.restartBroker(1, Map.of()); // not the one that is also the KRaft controller
          note("broker 1 restarted in %d ms", (System.nanoTime() - at) / 1_000_000);
        }
        if (kill == 8) {
          // another instance must serve while the leader is paused: the pause is what the clients
          // ride out
          await(
              "at least two instances serving",
              START,
              () -> instances.stream().filter(ServeInstance::serving).count() >= 2);
          awaitAcked(PER_ROUND);
          await("a leader to pause", Duration.ofMinutes(2), () -> leader(instances) != null);
          ServeInstance paused = leader(instances);
          paused.pause();
          long pauseMs = 2L * SESSION_TIMEOUT_MS + 2_000;
          note(
              "SIGSTOP the leader %s for %d ms (session timeout %d ms)",
              paused.name, pauseMs, SESSION_TIMEOUT_MS);
          int before = acked.size();
          Thread.sleep(pauseMs);
          // measured, not asserted: the other instances' filings may wait for the paused one
          // (docs/scale-out.md)
          note(
              "  %d reports acknowledged by the other instances during the pause",
              acked.size() - before);
          long resumed = System.nanoTime();
          paused.resume();
          await("the paused leader serves again", START, paused::serving);
          note(
              "  SIGCONT: %s answering again after %d ms; leader now %s",
              paused.name,
              (System.nanoTime() - resumed) / 1_000_000,
              leader(instances) == null ? "none yet" : leader(instances).name);
        }
      }
      awaitAcked(PER_ROUND);
      stop.set(true);
      for (Thread t : senders) {
        t.join();
      }
      note(
          "load stopped: %d reports acknowledged, %d verified, %d requests refused or unanswered",
          acked.size(), verified.size(), refused.get());
      note("lead hand-over after a SIGKILL of the leader (ms): %s", handOvers);

      // every verified report's finding on the API of each serving instance, once the leader has
      // caught up
      long settleFrom = System.nanoTime();
      for (ServeInstance i : instances) {
        i.awaitServing(START);
      }
      await(
          "every verified report's finding on the API",
          SETTLE,
          () -> missingFindings(instances, monitor).isEmpty());
      note(
          "findings of all %d verified reports on the API %d ms after the load stopped",
          verified.size(), (System.nanoTime() - settleFrom) / 1_000_000);
      for (ServeInstance i : instances) {
        String onIt = findings(i, monitor);
        assertThat(verified)
            .as("verified reports whose finding is on %s", i.name)
            .allMatch(onIt::contains);
      }
      for (ServeInstance i : instances) {
        i.stop();
      }

      try (Database db = Database.open(new StoreConfig(tmp.resolve("check"), url, null), null, 2)) {
        Jdbi jdbi = db.jdbi();
        Set<String> journaled =
            Set.copyOf(
                jdbi.withHandle(
                    h ->
                        h.createQuery(
                                "select distinct input_id from journal where kind = 'incident'")
                            .mapTo(String.class)
                            .list()));
        assertThat(journaled).as("every acknowledged report is in the journal").containsAll(acked);
        long outputs =
            jdbi.withHandle(
                h -> h.createQuery("select count(*) from outputs").mapTo(Long.class).one());
        long leaves =
            jdbi.withHandle(
                h ->
                    h.createQuery(
                            "select count(*) from outputs o join engine_outputs e on e.leaf_index = o.leaf_index")
                        .mapTo(Long.class)
                        .one());
        assertThat(leaves)
            .as("every recorded output is an engine-output leaf of the ledger")
            .isEqualTo(outputs);
        // the single-node engine over the journal, entry by entry, against the recorded leaves
        Reexecution.Result r = Reexecution.run(jdbi, Map.of());
        note(
            "re-execution: %d journal entries, %d of %d recorded outputs matched, %d outputs of the journal not recorded",
            r.journalEntries(), r.matched(), outputs, r.uncompared());
        assertThat(r.divergence()).as("re-execution diverges").isEmpty();
        assertThat(r.uncompared())
            .as("outputs the single-node engine makes of the journal that were not recorded")
            .isZero();
        assertThat(r.matched())
            .as("recorded outputs matched")
            .isEqualTo(outputs)
            .isGreaterThanOrEqualTo(verified.size());
      }
      StringWriter audit = new StringWriter();
      CommandLine cli = Umbrella.commandLine();
      cli.setOut(new PrintWriter(audit));
      cli.setErr(new PrintWriter(audit));
      int exit =
          cli.execute(
              "audit", "reexecute", "--database-url", url, "--data-dir", dataDir.toString());
      note(
          "umbrella audit reexecute (exit %d): %s",
          exit, audit.toString().strip().replace("\n", " | "));
      assertThat(exit).as(audit.toString()).isZero();
      assertThat(audit.toString()).contains("re-execution OK").doesNotContain("not yet recorded");
      passed = true;
    } finally {
      for (ServeInstance i : instances) {
        i.close();
      }
      closeQuietly(kafka);
      try {
        note("load average at the end: %s", Files.readString(Path.of("/proc/loadavg")).strip());
      } catch (IOException e) {
        note("load average not known here");
      }
      Files.createDirectories(Path.of("target"));
      Files.write(Path.of("target/serve-kafka-failover.txt"), report);
      try (Connection c = DriverManager.getConnection(base);
          Statement s = c.createStatement()) {
        if (passed || embedded != null) {
          s.execute("drop database if exists " + dbName + " with (force)");
        } else {
          System.out.println("the failed run's database is kept for a look: " + url);
        }
      } catch (java.sql.SQLException e) {
        // a database left behind on the test server is harmless
      }
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  /**
   * Files reports on any serving instance and reviews most of them to verified, until told to stop.
   */
  private void send(
      List<ServeInstance> instances,
      ApiClient.Session monitor,
      ApiClient.Session verifier,
      AtomicBoolean stop) {
    while (!stop.get()) {
      try {
        Thread.sleep(150);
        HttpResponse<String> filed =
            onAny(instances, "POST", "/api/v1/reports", monitor, reportJson());
        if (filed == null || filed.statusCode() != 201) {
          refused.incrementAndGet();
          continue;
        }
        String id = ApiClient.field(filed.body(), "id");
        acked.add(id);
        if (random.nextInt(5) == 0) {
          continue; // some stay unreviewed: the engine does not consume them
        }
        HttpResponse<String> c =
            onAny(
                instances,
                "POST",
                "/api/v1/reports/" + id + "/reviews",
                verifier,
                "{\"status\":\"corroborated\"}");
        if (c == null || c.statusCode() != 200) {
          refused.incrementAndGet();
          continue;
        }
        HttpResponse<String> v =
            onAny(
                instances,
                "POST",
                "/api/v1/reports/" + id + "/reviews",
                verifier,
                "{\"status\":\"verified\",\"actor\":{\"party\":\"RU\",\"confidence\":0.9},\"note\":\"two sources\"}");
        if (v != null && v.statusCode() == 200) {
          verified.add(id);
        } else {
          refused.incrementAndGet();
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * One request to a serving instance chosen at random; null when the one chosen did not answer (it
   * may have died under it).
   */
  private HttpResponse<String> onAny(
      List<ServeInstance> instances, String method, String path, ApiClient.Session s, String json)
      throws InterruptedException {
    List<ServeInstance> up = instances.stream().filter(ServeInstance::serving).toList();
    if (up.isEmpty()) {
      Thread.sleep(200);
      return null;
    }
    ServeInstance i = up.get(random.nextInt(up.size()));
    try {
      return api.send(i.port, method, path, s, json);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * A shelling on the line of contact within the last day (so a violation of the demo's ceasefire
   * once verified).
   */
  private String reportJson() {
    Instant when =
        Instant.now().minusSeconds(600 + random.nextInt(80_000)).truncatedTo(ChronoUnit.SECONDS);
    return """
        {"time":"%s","time-precision":"exact","kind":"shelling",
         "place":{"lat":%s,"lon":%s,"precision":"exact"},"actor":{"party":"RU","confidence":0.7},
         "target":"residential","fatalities":{"low":0,"best":1,"high":2},
         "sources":[{"id":"patrol-12","kind":"patrol","group":"team-3"},{"id":"cam-4","kind":"sensor","group":"cameras"}],
         "tags":["failover"],"summary":"shelling near the line"}"""
        .formatted(
            when,
            String.format(Locale.ROOT, "%.4f", 47.83 + (random.nextDouble() - 0.5) * 0.01),
            String.format(Locale.ROOT, "%.4f", 36.8 + (random.nextDouble() - 0.5) * 0.01));
  }

  private Set<String> missingFindings(List<ServeInstance> instances, ApiClient.Session monitor) {
    ServeInstance i = instances.stream().filter(ServeInstance::serving).findFirst().orElseThrow();
    String all = findings(i, monitor);
    return verified.stream()
        .filter(id -> !all.contains(id))
        .collect(java.util.stream.Collectors.toSet());
  }

  /** Every page of the findings API of one instance, as one text. */
  private String findings(ServeInstance i, ApiClient.Session monitor) {
    StringBuilder all = new StringBuilder();
    for (int offset = 0; ; offset += 500) {
      try {
        HttpResponse<String> r =
            api.send(i.port, "GET", "/api/v1/findings?limit=500&offset=" + offset, monitor, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        all.append(r.body());
        if (!r.body().contains("\"id\"")) {
          return all.toString();
        }
      } catch (IOException e) {
        return all.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return all.toString();
      }
    }
  }

  /** The instance whose /health says it leads, if one does. */
  private ServeInstance leader(List<ServeInstance> instances) {
    for (ServeInstance i : instances) {
      if (!i.serving()) {
        continue;
      }
      try {
        HttpResponse<String> h = api.send(i.port, "GET", "/health", null, null);
        if (h.body().contains("\"role\":\"leader\"")) {
          return i;
        }
      } catch (IOException e) {
        // not answering: not the leader anyone can reach
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }

  private void awaitAcked(int more) throws InterruptedException {
    int target = acked.size() + more;
    await(more + " more reports acknowledged", START, () -> acked.size() >= target);
  }

  private static void await(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("waited " + timeout.toSeconds() + " s for: " + what);
      }
      Thread.sleep(100);
    }
  }

  private void note(String format, Object... args) {
    String line =
        String.format(Locale.ROOT, "[%5.1f s] ", (System.nanoTime() - t0) / 1e9)
            + String.format(Locale.ROOT, format, args);
    report.add(line);
    System.out.println(line);
  }

  /** The demo account's password from the first start's output (printed once). */
  private static String password(String output, String username) {
    Matcher m =
        Pattern.compile("(?m)^\\s+" + username + "\\s+\\S+\\s+\\S+\\s+(\\S+)\\s*$").matcher(output);
    assertThat(m.find()).as("the demo accounts printed on the first start:\n" + output).isTrue();
    return m.group(1);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * Three brokers in this JVM, the first also the KRaft controller; internal topics replicated 3, 2
   * in sync.
   */
  private static KafkaClusterTestKit startBrokers(Path dir) throws Exception {
    Files.createDirectories(dir);
    TestKitNodes nodes =
        new TestKitNodes.Builder()
            .setCombined(true)
            .setNumBrokerNodes(3)
            .setNumControllerNodes(1)
            .setBaseDirectory(dir)
            .build();
    KafkaClusterTestKit kit =
        new KafkaClusterTestKit.Builder(nodes)
            .setConfigProp("offsets.topic.num.partitions", "4")
            .setConfigProp("transaction.state.log.num.partitions", "4")
            .setConfigProp("offsets.topic.replication.factor", "3")
            .setConfigProp("transaction.state.log.replication.factor", "3")
            .setConfigProp("transaction.state.log.min.isr", "2")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .setConfigProp("num.io.threads", "2")
            .setConfigProp("num.network.threads", "2")
            .setConfigProp("num.replica.fetchers", "1")
            .setConfigProp("log.cleaner.threads", "1")
            .build();
    kit.format();
    kit.startup();
    kit.waitForReadyBrokers();
    return kit;
  }

  private static void closeQuietly(KafkaClusterTestKit kit) {
    try {
      kit.close();
    } catch (Exception e) {
      // the brokers go with the temporary directory
    }
  }

  static {
    // a child that outlives a failed test would hold ports and cores: the test's own JVM exit takes
    // them down
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> ProcessHandle.current().children().forEach(ProcessHandle::destroyForcibly)));
  }
}
