package org.umbrella.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.engine.input.RecordedInput;

/**
 * The topology on a real 3-broker KRaft cluster (Kafka's own test kit, in this JVM), two Streams
 * instances as child JVMs, inputs arriving throughout, and failures: ten SIGKILLs of an instance
 * (each restarted on its own state directory), a broker restart, and an instance paused (SIGSTOP)
 * past the session timeout. Afterwards every acknowledged input is in the journal topic exactly
 * once and in order, and the committed output topic is, agreement by agreement, exactly the
 * single-node engine's output on that agreement's inputs: nothing lost, nothing duplicated, nothing
 * reordered.
 *
 * <p>Runs under {@code -Pcluster} (tag "cluster"); 4-6 minutes on 2 shared cores at load 6-19.
 */
@Tag("cluster")
class ClusterFailoverTest {
  private static final Path AGREEMENT = Path.of("../bench/twenty-point.agreement.yaml");
  private static final int AGREEMENTS = 6;
  private static final int PARTITIONS = 4;
  private static final int INCIDENTS_PER_AGREEMENT = 3500;
  private static final int PACED_RATE_PER_SECOND = 80;
  private static final int KILLS = 10;
  private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);
  private static final Duration PAUSE = Duration.ofSeconds(12);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  @Test
  void tenKills_aBrokerRestart_andAPausePastTheSessionTimeout_loseAndDuplicateNothing(
      @TempDir Path tmp) throws Exception {
    Topics topics = Topics.defaults();
    Map<String, Agreement> agreements = Deployment.load(AGREEMENT, AGREEMENTS);
    Map<String, List<RecordedInput>> journals = new LinkedHashMap<>();
    long seed = 1;
    for (Map.Entry<String, Agreement> e : agreements.entrySet()) {
      journals.put(
          e.getKey(),
          SyntheticEqualityProperties.journal(e.getValue(), INCIDENTS_PER_AGREEMENT, seed++));
    }
    List<ProducerRecord<String, String>> journal = interleave(topics.input(), journals);
    List<String> report = new ArrayList<>();
    report.add(
        "journal: "
            + journal.size()
            + " inputs for "
            + AGREEMENTS
            + " agreements over "
            + PARTITIONS
            + " partitions");

    try (KraftCluster cluster = KraftCluster.start(3)) {
      cluster.createTopics(topics, PARTITIONS, 3);
      List<String> config =
          List.of(
              "session.timeout.ms=" + SESSION_TIMEOUT.toMillis(),
              "heartbeat.interval.ms=1500",
              "metadata.max.age.ms=5000");
      NodeProcess a =
          new NodeProcess(
              cluster.bootstrap(),
              tmp.resolve("state-a"),
              AGREEMENT.toAbsolutePath(),
              AGREEMENTS,
              config,
              tmp.resolve("node-a.log"));
      NodeProcess b =
          new NodeProcess(
              cluster.bootstrap(),
              tmp.resolve("state-b"),
              AGREEMENT.toAbsolutePath(),
              AGREEMENTS,
              config,
              tmp.resolve("node-b.log"));
      try (a;
          b;
          OutputWatch watch = new OutputWatch(cluster.bootstrap(), topics.output(), PARTITIONS)) {
        a.start();
        b.start();
        a.awaitRunning(START_TIMEOUT);
        b.awaitRunning(START_TIMEOUT);

        AtomicBoolean chaosDone = new AtomicBoolean();
        AtomicLong acked = new AtomicLong();
        ConcurrentLinkedQueue<Exception> sendFailures = new ConcurrentLinkedQueue<>();
        Thread producer =
            new Thread(
                () -> produce(cluster.bootstrap(), journal, chaosDone, acked, sendFailures),
                "journal-producer");
        producer.start();

        NodeProcess[] nodes = {a, b};
        for (int k = 0; k < KILLS; k++) {
          Thread.sleep(2500);
          NodeProcess victim = nodes[k % 2];
          long t0 = System.nanoTime();
          victim.kill();
          watch.mark("SIGKILL " + (k % 2 == 0 ? "a" : "b") + " #" + (k + 1));
          victim.start();
          victim.awaitRunning(START_TIMEOUT);
          report.add(
              "kill "
                  + (k + 1)
                  + ": restarted instance RUNNING after "
                  + ms(System.nanoTime() - t0)
                  + " ms; inputs acknowledged so far "
                  + acked.get());
          if (k == 4) {
            long t1 = System.nanoTime();
            watch.mark("broker 1 restart");
            cluster.restartBroker(1);
            report.add("broker 1 restarted in " + ms(System.nanoTime() - t1) + " ms");
          }
        }
        watch.mark("SIGSTOP a for " + PAUSE.toSeconds() + " s");
        a.signal("STOP");
        Thread.sleep(PAUSE.toMillis());
        a.signal("CONT");
        watch.mark("SIGCONT a");
        Thread.sleep(5000);
        chaosDone.set(true);
        producer.join(Duration.ofMinutes(5).toMillis());
        assertThat(producer.isAlive()).as("producer finished").isFalse();
        assertThat(sendFailures).as("sends the brokers refused").isEmpty();
        assertThat(acked.get()).as("acknowledged inputs").isEqualTo(journal.size());
        report.add("all " + acked.get() + " inputs acknowledged (acks=all, idempotent producer)");

        // 1. No acknowledged input lost or duplicated: the journal topic holds each agreement's
        // inputs once, in order.
        Map<String, List<String>> inTopic =
            readAll(
                cluster.bootstrap(),
                topics.input(),
                PARTITIONS,
                "read_uncommitted",
                journal.size(),
                Duration.ofSeconds(60));
        for (Map.Entry<String, List<RecordedInput>> e : journals.entrySet()) {
          assertThat(inTopic.get(e.getKey()))
              .as("journal topic of " + e.getKey())
              .containsExactlyElementsOf(e.getValue().stream().map(InputCodec::encode).toList());
        }

        // 2. The committed output topic is the single-node engine's output, agreement by agreement.
        Map<String, List<String>> expected = new LinkedHashMap<>();
        int expectedTotal = 0;
        for (Map.Entry<String, List<RecordedInput>> e : journals.entrySet()) {
          List<String> lines = Fixtures.singleNode(agreements.get(e.getKey()), e.getValue());
          expected.put(e.getKey(), lines);
          expectedTotal += lines.size();
        }
        Map<String, List<String>> out =
            readAll(
                cluster.bootstrap(),
                topics.output(),
                PARTITIONS,
                "read_committed",
                expectedTotal,
                Duration.ofMinutes(3));
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
          List<String> got = out.getOrDefault(e.getKey(), List.of());
          assertThat(got)
              .as(() -> "committed outputs of " + e.getKey() + ": " + difference(got, e.getValue()))
              .containsExactlyElementsOf(e.getValue());
        }
        assertThat(out.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        report.add(
            "output: "
                + expectedTotal
                + " records, equal to the single-node engine agreement by agreement");
        assertThat(
                readAll(
                    cluster.bootstrap(),
                    topics.rejects(),
                    1,
                    "read_committed",
                    0,
                    Duration.ofSeconds(2)))
            .as("rejects")
            .isEmpty();
        report.addAll(watch.stalls());

        // 3. Health: each instance reported its tasks; with one standby replica, warm standbys were
        // kept.
        String logs = Files.readString(a.log()) + Files.readString(b.log());
        assertThat(logs)
            .as("a health line showing a warm standby task")
            .containsPattern("health state=RUNNING .* standby=\\[\\d");
        report.add("last health of a: " + lastHealth(a.log()));
        report.add("last health of b: " + lastHealth(b.log()));
      } finally {
        // keep the instances' logs beside the report (the temporary directory goes)
        Files.copy(
            a.log(),
            Path.of("target/cluster-node-a.log"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(
            b.log(),
            Path.of("target/cluster-node-b.log"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Path target = Path.of("target/cluster-failover.txt");
      Files.write(target, report);
      report.forEach(System.out::println);
    }
  }

  /**
   * Round-robin over the agreements, each agreement's own order kept (what the journal would
   * write).
   */
  static List<ProducerRecord<String, String>> interleave(
      String topic, Map<String, List<RecordedInput>> journals) {
    List<ProducerRecord<String, String>> out = new ArrayList<>();
    int max = journals.values().stream().mapToInt(List::size).max().orElse(0);
    for (int i = 0; i < max; i++) {
      for (Map.Entry<String, List<RecordedInput>> e : journals.entrySet()) {
        if (i < e.getValue().size()) {
          out.add(new ProducerRecord<>(topic, e.getKey(), InputCodec.encode(e.getValue().get(i))));
        }
      }
    }
    return out;
  }

  /**
   * Sends at a paced rate while the failures go on, then the rest at once; counts acknowledgements.
   */
  private static void produce(
      String bootstrap,
      List<ProducerRecord<String, String>> journal,
      AtomicBoolean chaosDone,
      AtomicLong acked,
      ConcurrentLinkedQueue<Exception> failures) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      long start = System.nanoTime();
      for (int i = 0; i < journal.size(); i++) {
        if (!chaosDone.get()) {
          long due = start + i * 1_000_000_000L / PACED_RATE_PER_SECOND;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
        }
        producer.send(
            journal.get(i),
            (md, ex) -> {
              if (ex == null) {
                acked.incrementAndGet();
              } else {
                failures.add(ex);
              }
            });
      }
      producer.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Every record of the topic from the beginning, grouped by key in offset order; waits for at
   * least {@code atLeast}, then 3 s more for anything extra.
   */
  static Map<String, List<String>> readAll(
      String bootstrap,
      String topic,
      int partitions,
      String isolation,
      int atLeast,
      Duration timeout) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Map<String, List<String>> out = new LinkedHashMap<>();
    try (KafkaConsumer<String, String> c =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> tps = new ArrayList<>();
      for (int i = 0; i < partitions; i++) {
        tps.add(new TopicPartition(topic, i));
      }
      c.assign(tps);
      c.seekToBeginning(tps);
      int n = 0;
      long end = System.nanoTime() + timeout.toNanos();
      long quietUntil = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(end, quietUntil)) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
          out.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value());
          n++;
        }
        if (n >= atLeast && quietUntil == Long.MAX_VALUE) {
          quietUntil = System.nanoTime() + 3_000_000_000L;
        }
      }
    }
    return out;
  }

  private static String lastHealth(Path log) throws java.io.IOException {
    return Files.readAllLines(log).stream()
        .filter(l -> l.startsWith("health "))
        .reduce((x, y) -> y)
        .orElse("(none)");
  }

  /**
   * Where two output sequences first differ, and their sizes (the lists themselves are too long to
   * print).
   */
  static String difference(List<String> got, List<String> want) {
    int i = 0;
    while (i < got.size() && i < want.size() && got.get(i).equals(want.get(i))) {
      i++;
    }
    long duplicates = got.size() - got.stream().distinct().count();
    return "got "
        + got.size()
        + " records ("
        + duplicates
        + " repeated), want "
        + want.size()
        + "; first difference at "
        + i
        + "\n  got:  "
        + (i < got.size() ? got.get(i) : "(end)")
        + "\n  want: "
        + (i < want.size() ? want.get(i) : "(end)");
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  /**
   * Reads the committed outputs as they come and notes, for each failure, the longest time any
   * output partition then went without a committed record (a measure of fail-over time seen by a
   * reader; it includes quiet spells of the input).
   */
  static final class OutputWatch implements AutoCloseable {
    private final Map<Integer, List<Long>> arrivals = new ConcurrentHashMap<>();
    private final List<Map.Entry<String, Long>> marks = new ArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;

    OutputWatch(String bootstrap, String topic, int partitions) {
      thread =
          new Thread(
              () -> {
                Properties p = new Properties();
                p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
                try (KafkaConsumer<String, String> c =
                    new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
                  List<TopicPartition> tps = new ArrayList<>();
                  for (int i = 0; i < partitions; i++) {
                    tps.add(new TopicPartition(topic, i));
                  }
                  c.assign(tps);
                  while (!stop.get()) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
                      arrivals
                          .computeIfAbsent(
                              r.partition(),
                              k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                          .add(System.nanoTime());
                    }
                  }
                }
              },
              "output-watch");
      thread.start();
    }

    synchronized void mark(String what) {
      marks.add(Map.entry(what, System.nanoTime()));
    }

    synchronized List<String> stalls() {
      List<String> out = new ArrayList<>();
      for (int k = 0; k < marks.size(); k++) {
        Map.Entry<String, Long> m = marks.get(k);
        long until =
            k + 1 < marks.size() ? marks.get(k + 1).getValue() : m.getValue() + 60_000_000_000L;
        long worst = 0;
        for (List<Long> times : arrivals.values()) {
          List<Long> copy;
          synchronized (times) {
            copy = new ArrayList<>(times);
          }
          long prev = m.getValue();
          for (long t : copy) {
            if (t < m.getValue()) {
              continue;
            }
            if (t > until) {
              break;
            }
            worst = Math.max(worst, t - prev);
            prev = t;
          }
          // a partition silent until the window's end was stalled that long too
          worst = Math.max(worst, Math.min(until, System.nanoTime()) - prev);
        }
        out.add(
            m.getKey()
                + ": longest gap between committed outputs of one partition until the next event (at most 60 s): "
                + ms(worst)
                + " ms");
      }
      return out;
    }

    @Override
    public void close() {
      stop.set(true);
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
