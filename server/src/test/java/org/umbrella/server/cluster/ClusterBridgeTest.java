package org.umbrella.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umbrella.agreement.io.AgreementFiles;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.Engine;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.input.RecordedInput;
import org.umbrella.engine.input.Tick;
import org.umbrella.engine.output.OutputCodec;
import org.umbrella.evidence.synthetic.SyntheticIncidents;
import org.umbrella.server.journal.Journal;
import org.umbrella.stream.EngineTopology;
import org.umbrella.stream.StreamSettings;
import org.umbrella.stream.Topics;

/**
 * The bridge against a real in-process Kafka broker (Kafka's KRaft test kit) with the real engine
 * topology running on it: a journal shipped to the input topic comes back through the committed
 * output topic into the sink as, entry by entry, exactly what the single-node engine produces for
 * that entry; a restarted bridge ships nothing twice and records nothing twice.
 */
@Tag("cluster")
class ClusterBridgeTest {
  private static final Agreement AGREEMENT =
      AgreementFiles.load(Path.of("../bench/twenty-point.agreement.yaml")).agreement();

  @Test
  void journalThroughTheTopology_recordsTheSingleNodeOutputs_perEntry_once_acrossARestart(
      @TempDir Path tmp) throws Exception {
    List<Journal.InputEntry> journal = journal(1500);
    Map<Long, List<String>> expected = singleNode(journal);
    long lastWithOutputs =
        expected.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
    Topics topics = Topics.defaults();
    assertThat(ClusterBridge.JOURNAL_SEQ_HEADER).isEqualTo(Topics.JOURNAL_SEQ_HEADER);
    assertThat(ClusterBridge.OUTPUT_HEADER).isEqualTo(Topics.OUTPUT_HEADER);

    TestKitNodes nodes =
        new TestKitNodes.Builder()
            .setCombined(true)
            .setNumBrokerNodes(1)
            .setNumControllerNodes(1)
            .build();
    KafkaClusterTestKit kit =
        new KafkaClusterTestKit.Builder(nodes)
            .setConfigProp("offsets.topic.num.partitions", "2")
            .setConfigProp("transaction.state.log.num.partitions", "2")
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .build();
    try {
      kit.format();
      kit.startup();
      kit.waitForReadyBrokers();
      try (Admin admin = kit.admin()) {
        Map<String, String> keep = Map.of("retention.ms", "-1");
        admin
            .createTopics(
                List.of(
                    new NewTopic(topics.input(), 2, (short) 1).configs(keep),
                    new NewTopic(topics.output(), 2, (short) 1).configs(keep),
                    new NewTopic(topics.rejects(), 1, (short) 1)))
            .all()
            .get();
      }
      Properties sp =
          StreamSettings.properties("umbrella-engine", kit.bootstrapServers(), 1, Map.of());
      sp.put(StreamsConfig.STATE_DIR_CONFIG, tmp.toString());
      sp.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
      Map<String, Object> client = Map.of("bootstrap.servers", kit.bootstrapServers());
      MemorySink sink = new MemorySink();
      MemoryJournal feed = new MemoryJournal(journal);
      try (KafkaStreams streams =
          new KafkaStreams(EngineTopology.build(Map.of(AGREEMENT.id(), AGREEMENT), topics), sp)) {
        streams.start();
        try (ClusterBridge bridge =
            ClusterBridge.start(
                client,
                topics.input(),
                topics.output(),
                AGREEMENT.id(),
                feed.upTo(700),
                r -> true,
                sink)) {
          bridge.ship();
          assertThat(bridge.status().shippedThrough()).isEqualTo(700);
        }
        // a restarted service: resumes after entry 700 from the input topic, ships the rest once
        try (ClusterBridge bridge =
            ClusterBridge.start(
                client,
                topics.input(),
                topics.output(),
                AGREEMENT.id(),
                feed.upTo(journal.size()),
                r -> true,
                sink)) {
          assertThat(bridge.status().shippedThrough()).as("resumed from the topic").isEqualTo(700);
          bridge.ship();
          long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
          while (sink.lastRecorded() < lastWithOutputs && System.nanoTime() < end) {
            Thread.sleep(100);
          }
          assertThat(bridge.status().ingestFailure()).isEmpty();
          assertThat(bridge.status().recordedThrough()).isEqualTo(lastWithOutputs);
        }
      }
      assertThat(sink.recorded).containsExactlyEntriesOf(expected);
      assertThat(feed.reads).as("entries read from the journal").isEqualTo(journal.size());
    } finally {
      close(kit);
    }
  }

  private static void close(KafkaClusterTestKit kit) {
    try {
      kit.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Journal entries 1..n: synthetic incidents near the line with ticks, at their record times. */
  private static List<Journal.InputEntry> journal(int n) {
    SyntheticIncidents s =
        new SyntheticIncidents(
            AGREEMENT.places().get("line-of-contact").geometry(),
            List.of(new double[] {37.6176, 55.7558}),
            n,
            Instant.parse("2026-03-01T00:00:00Z"),
            3_600_000,
            10,
            11);
    List<Journal.InputEntry> out = new ArrayList<>();
    long seq = 0;
    while (s.hasNext()) {
      Incident i = s.next();
      Instant recorded = i.time().plusSeconds(600);
      out.add(new Journal.InputEntry(++seq, new RecordedInput(i, recorded), seq));
      if (seq % 50 == 0) {
        out.add(
            new Journal.InputEntry(++seq, new RecordedInput(new Tick(recorded), recorded), seq));
      }
    }
    return out;
  }

  private static Map<Long, List<String>> singleNode(List<Journal.InputEntry> journal) {
    Engine engine = Engine.create(AGREEMENT);
    Map<Long, List<String>> out = new LinkedHashMap<>();
    for (Journal.InputEntry e : journal) {
      List<String> lines = new ArrayList<>();
      engine.process(e.input(), o -> lines.add(OutputCodec.encode(o)));
      if (!lines.isEmpty()) {
        out.put(e.seq(), lines);
      }
    }
    return out;
  }

  private static final class MemorySink implements OutputSink {
    final Map<Long, List<String>> recorded = Collections.synchronizedMap(new LinkedHashMap<>());
    volatile long last;

    @Override
    public long lastRecorded() {
      return last;
    }

    @Override
    public void record(long journalSeq, List<String> lines) {
      assertThat(journalSeq).as("in journal order, once").isGreaterThan(last);
      recorded.put(journalSeq, lines);
      last = journalSeq;
    }
  }

  private static final class MemoryJournal {
    final List<? extends Journal.Entry> entries;
    long reads;

    MemoryJournal(List<? extends Journal.Entry> entries) {
      this.entries = entries;
    }

    JournalFeed upTo(int size) {
      return (after, limit, sink) -> {
        long last = after;
        int n = 0;
        for (Journal.Entry e : entries.subList(0, size)) {
          if (e.seq() > after && n < limit) {
            sink.accept(e);
            reads++;
            n++;
            last = e.seq();
          }
        }
        return last;
      };
    }
  }
}
