package org.umbrella.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
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
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.Engine;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.engine.input.RecordedInput;
import org.umbrella.engine.output.OutputCodec;

/**
 * Throughput and latency of the topology on a real 3-broker KRaft cluster in this JVM (replication
 * 3, exactly-once v2), side by side with the in-process single-node engine on the same inputs in
 * the same run. Not a test of speed (nothing is asserted about time); it checks the outputs equal
 * the single-node engine's and writes {@code target/cluster-throughput.md}. Run:
 *
 * <pre>
 * ./mvnw -pl stream -am verify -Pcluster-bench -Dtest=ClusterThroughputBench -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>Matrix: 1 and 2 Streams instances (each its own KafkaStreams client, one stream thread, in
 * this JVM) x 1, 2, 4, 8 partitions, over {@value #AGREEMENTS} small agreements (copies of the
 * 20-point agreement, each its own key). Then end-to-end latency at a fixed input rate: from the
 * broker's acknowledgement of an input (the report accepted into the journal) to the committed
 * finding it causes being read from the output topic.
 */
@Tag("bench")
class ClusterThroughputBench {
  private static final Path AGREEMENT = Path.of("../bench/twenty-point.agreement.yaml");
  private static final int AGREEMENTS = Integer.getInteger("bench.agreements", 120);
  private static final int INCIDENTS_PER_AGREEMENT = Integer.getInteger("bench.incidents", 150);
  private static final int[] PARTITIONS =
      Arrays.stream(System.getProperty("bench.partitions", "1,2,4,8").split(","))
          .mapToInt(Integer::parseInt)
          .toArray();
  private static final int[] INSTANCES =
      Arrays.stream(System.getProperty("bench.instances", "1,2").split(","))
          .mapToInt(Integer::parseInt)
          .toArray();
  private static final int LATENCY_RATE = Integer.getInteger("bench.latency.rate", 200);
  private static final int LATENCY_SECONDS = Integer.getInteger("bench.latency.seconds", 30);

  @Test
  void matrix(@TempDir Path tmp) throws Exception {
    Map<String, Agreement> agreements = Deployment.load(AGREEMENT, AGREEMENTS);
    Map<String, List<RecordedInput>> journals = new LinkedHashMap<>();
    long seed = 100;
    for (Map.Entry<String, Agreement> e : agreements.entrySet()) {
      journals.put(
          e.getKey(),
          SyntheticEqualityProperties.journal(e.getValue(), INCIDENTS_PER_AGREEMENT, seed++));
    }
    int inputs = journals.values().stream().mapToInt(List::size).sum();
    Map<String, List<String>> expected = new LinkedHashMap<>();
    journals.forEach((id, j) -> expected.put(id, Fixtures.singleNode(agreements.get(id), j)));
    int outputs = expected.values().stream().mapToInt(List::size).sum();

    List<String> md = new ArrayList<>();
    md.add(
        "Cluster throughput bench, "
            + Instant.now()
            + ": "
            + inputs
            + " inputs, "
            + outputs
            + " outputs, "
            + AGREEMENTS
            + " agreements, 3 brokers in process, replication 3, min.insync.replicas 2, exactly_once_v2, "
            + Runtime.getRuntime().availableProcessors()
            + " cores");
    md.add("");
    md.add(
        "| instances | partitions | topology inputs/s | single-node inputs/s (same run) | ratio | CPU ms per 1,000 inputs (whole JVM: brokers + Streams) | load before -> after |");
    md.add("|---:|---:|---:|---:|---:|---:|---|");
    try (KraftCluster cluster = KraftCluster.start(3)) {
      int run = 0;
      for (int instances : INSTANCES) {
        for (int partitions : PARTITIONS) {
          run++;
          Topics topics = new Topics("in-" + run, "out-" + run, "rej-" + run);
          cluster.createTopics(topics, partitions, 3);
          String load0 = load();
          double single = singleNodeRate(agreements, journals);
          List<KafkaStreams> clients =
              startInstances(
                  cluster.bootstrap(),
                  topics,
                  agreements,
                  instances,
                  "bench-" + run,
                  tmp.resolve("run-" + run));
          long cpu0 = cpuNanos();
          long t0 = System.nanoTime();
          produceAll(cluster.bootstrap(), ClusterFailoverTest.interleave(topics.input(), journals));
          Map<String, List<String>> got =
              ClusterFailoverTest.readAll(
                  cluster.bootstrap(),
                  topics.output(),
                  partitions,
                  "read_committed",
                  outputs,
                  Duration.ofMinutes(10));
          long elapsed =
              System.nanoTime() - t0 - 3_000_000_000L; // readAll waits 3 s after the last record
          long cpu = cpuNanos() - cpu0;
          clients.forEach(KafkaStreams::close);
          for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            assertThat(got.get(e.getKey())).as(e.getKey()).containsExactlyElementsOf(e.getValue());
          }
          double rate = inputs / (elapsed / 1e9);
          md.add(
              String.format(
                  "| %d | %d | %,.0f | %,.0f | %.1fx | %,.0f | %s -> %s |",
                  instances,
                  partitions,
                  rate,
                  single,
                  single / rate,
                  cpu / 1e6 / (inputs / 1000.0),
                  load0,
                  load()));
          Files.write(Path.of("target/cluster-throughput.md"), md);
        }
      }
      md.add("");
      md.add(latency(cluster, agreements, journals, tmp.resolve("latency")));
      Files.write(Path.of("target/cluster-throughput.md"), md);
    }
    md.forEach(System.out::println);
  }

  /**
   * The single-node engine's rate on the same inputs: decode, process, encode, as the topology
   * does.
   */
  private static double singleNodeRate(
      Map<String, Agreement> agreements, Map<String, List<RecordedInput>> journals) {
    Map<String, List<String>> lines = new HashMap<>();
    journals.forEach((id, j) -> lines.put(id, j.stream().map(InputCodec::encode).toList()));
    long best = Long.MAX_VALUE;
    int n = 0;
    for (int round = 0; round < 2; round++) { // the first round warms up
      long t0 = System.nanoTime();
      n = 0;
      long sink = 0;
      for (Map.Entry<String, List<String>> e : lines.entrySet()) {
        Engine engine = Engine.create(agreements.get(e.getKey()));
        long seq = 0;
        for (String line : e.getValue()) {
          RecordedInput r = InputCodec.decodeRecorded(line, ++seq);
          long[] s = {0};
          engine.process(r, o -> s[0] += OutputCodec.encode(o).length());
          sink += s[0];
          n++;
        }
      }
      best = Math.min(best, System.nanoTime() - t0);
      assertThat(sink).isPositive();
    }
    return n / (best / 1e9);
  }

  private static List<KafkaStreams> startInstances(
      String bootstrap,
      Topics topics,
      Map<String, Agreement> agreements,
      int instances,
      String appId,
      Path stateRoot)
      throws InterruptedException {
    List<KafkaStreams> out = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      Properties p = StreamSettings.properties(appId, bootstrap, 3, Map.of());
      p.put(StreamsConfig.STATE_DIR_CONFIG, stateRoot.resolve("i" + i).toString());
      p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, instances > 1 ? 1 : 0);
      KafkaStreams s = new KafkaStreams(EngineTopology.build(agreements, topics), p);
      s.start();
      out.add(s);
    }
    long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (out.stream().anyMatch(s -> s.state() != KafkaStreams.State.RUNNING)) {
      if (System.nanoTime() > end) {
        throw new AssertionError(
            "instances not RUNNING: " + out.stream().map(KafkaStreams::state).toList());
      }
      Thread.sleep(100);
    }
    return out;
  }

  private static void produceAll(String bootstrap, List<ProducerRecord<String, String>> records) {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            producerProps(bootstrap), new StringSerializer(), new StringSerializer())) {
      records.forEach(producer::send);
      producer.flush();
    }
  }

  private static Properties producerProps(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return p;
  }

  /**
   * Inputs at a fixed rate into a running 2-instance, 4-partition topology; acknowledgement to
   * committed finding.
   */
  private static String latency(
      KraftCluster cluster,
      Map<String, Agreement> agreements,
      Map<String, List<RecordedInput>> journals,
      Path stateRoot)
      throws Exception {
    Topics topics = new Topics("in-lat", "out-lat", "rej-lat");
    int partitions = 4;
    cluster.createTopics(topics, partitions, 3);
    String load0 = load();
    List<KafkaStreams> clients =
        startInstances(cluster.bootstrap(), topics, agreements, 2, "bench-latency", stateRoot);
    List<ProducerRecord<String, String>> records =
        ClusterFailoverTest.interleave(topics.input(), journals);
    int n = Math.min(records.size(), LATENCY_RATE * LATENCY_SECONDS);
    Map<String, Long> acked = new ConcurrentHashMap<>();
    List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicLong findings = new AtomicLong();
    Thread reader =
        new Thread(
            () -> {
              Properties p = new Properties();
              p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap());
              p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
              try (KafkaConsumer<String, String> c =
                  new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
                List<TopicPartition> tps = new ArrayList<>();
                for (int i = 0; i < partitions; i++) {
                  tps.add(new TopicPartition(topics.output(), i));
                }
                c.assign(tps);
                c.seekToBeginning(tps);
                long end = System.nanoTime() + Duration.ofSeconds(LATENCY_SECONDS + 30).toNanos();
                while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                  for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    String incident = singleCause(r.value());
                    if (incident != null) {
                      Long t = acked.get(r.key() + "/" + incident);
                      if (t != null) {
                        latencies.add(now - t);
                        findings.incrementAndGet();
                      }
                    }
                  }
                }
              }
            },
            "latency-reader");
    reader.start();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            producerProps(cluster.bootstrap()), new StringSerializer(), new StringSerializer())) {
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        long wait = start + i * 1_000_000_000L / LATENCY_RATE - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        ProducerRecord<String, String> r = records.get(i);
        String id = incidentId(r.value());
        producer.send(
            r,
            (md, ex) -> {
              if (ex == null && id != null) {
                acked.put(r.key() + "/" + id, System.nanoTime());
              }
            });
      }
      producer.flush();
    }
    reader.join();
    clients.forEach(KafkaStreams::close);
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return "latency: no findings observed";
    }
    return String.format(
        "End-to-end latency, 2 instances, 4 partitions, %d inputs at %d/s: %d findings; acknowledged input -> committed finding read: p50 %.0f ms, p99 %.0f ms, max %.0f ms (load %s -> %s)",
        n,
        LATENCY_RATE,
        sorted.length,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) (sorted.length * 0.99)] / 1e6,
        sorted[sorted.length - 1] / 1e6,
        load0,
        load());
  }

  /** The id of the incident an input line carries, or null for a tick. */
  private static String incidentId(String inputLine) {
    return member(inputLine, "\"id\":\"");
  }

  /** The one input a finding was caused by, or null if it names none or several. */
  private static String singleCause(String outputLine) {
    int at = outputLine.indexOf("\"inputs\":[\"");
    if (at < 0 || !outputLine.contains("\"type\":\"finding\"")) {
      return null;
    }
    int from = at + "\"inputs\":[\"".length();
    int to = outputLine.indexOf('"', from);
    return outputLine.charAt(to + 1) == ']' ? outputLine.substring(from, to) : null;
  }

  private static String member(String json, String prefix) {
    int at = json.indexOf(prefix);
    if (at < 0) {
      return null;
    }
    int from = at + prefix.length();
    return json.substring(from, json.indexOf('"', from));
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
