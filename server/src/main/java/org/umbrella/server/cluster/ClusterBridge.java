package org.umbrella.server.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.engine.input.InputRecord;
import org.umbrella.server.journal.Journal;

/**
 * Connects the service to the engine running on a Kafka cluster, for one agreement.
 *
 * <p><b>Journal to input topic.</b> {@link #ship()} produces every journal entry after the last one
 * shipped that the engine consumes ({@code feeds}), keyed by the agreement id, its value the
 * journal's own line ({@link InputCodec#encode}: the input with its trusted record time), header
 * {@value #JOURNAL_SEQ_HEADER} its entry number; idempotent, {@code acks=all}, and it returns only
 * when the brokers acknowledged all of them. Where it resumes after a restart is read from the
 * input topic itself (the entry number on the agreement's last record), so a restarted service
 * ships nothing twice and skips nothing. One shipper per agreement: the journal has one order.
 *
 * <p><b>Output topic to ledger.</b> A thread reads the agreement's output partition with {@code
 * read_committed} (only what the topology committed, exactly once), collects each input's outputs
 * (header {@value #OUTPUT_HEADER} {@code I/N}) and hands them to the {@link OutputSink} in the
 * order of the topic, then commits its consumer offset. An entry at or before {@link
 * OutputSink#lastRecorded()} is skipped, so a crash between the sink's transaction and the offset
 * commit records nothing twice.
 */
public final class ClusterBridge implements AutoCloseable {
  /**
   * Header carrying the journal entry number; the same name as {@code
   * stream.Topics.JOURNAL_SEQ_HEADER}.
   */
  public static final String JOURNAL_SEQ_HEADER = "umbrella.journal-seq";

  /** Header {@code I/N} on each output; the same name as {@code stream.Topics.OUTPUT_HEADER}. */
  public static final String OUTPUT_HEADER = "umbrella.output";

  private static final int SHIP_BATCH = 5_000;

  private final Map<String, Object> client;
  private final String inputTopic;
  private final String outputTopic;
  private final String agreementId;
  private final JournalFeed journal;
  private final Predicate<InputRecord> feeds;
  private final OutputSink sink;
  private final KafkaProducer<String, String> producer;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final Thread ingest;
  private volatile long shippedThrough;
  private volatile long recordedThrough;
  private volatile long outputLag;
  private volatile @Nullable String ingestFailure;

  private ClusterBridge(
      Map<String, Object> client,
      String inputTopic,
      String outputTopic,
      String agreementId,
      JournalFeed journal,
      Predicate<InputRecord> feeds,
      OutputSink sink) {
    this.client = Map.copyOf(client);
    this.inputTopic = inputTopic;
    this.outputTopic = outputTopic;
    this.agreementId = agreementId;
    this.journal = journal;
    this.feeds = feeds;
    this.sink = sink;
    Map<String, Object> p = new HashMap<>(client);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    this.shippedThrough = lastShipped();
    this.recordedThrough = sink.lastRecorded();
    this.ingest = new Thread(this::ingestLoop, "cluster-ingest-" + agreementId);
  }

  /**
   * Starts the bridge for {@code agreementId}.
   *
   * @param client Kafka client settings: {@code bootstrap.servers} and whatever TLS/SASL settings
   *     the cluster needs, passed through unchanged
   * @param feeds which journal inputs the engine consumes (the rest are not shipped)
   */
  public static ClusterBridge start(
      Map<String, Object> client,
      String inputTopic,
      String outputTopic,
      String agreementId,
      JournalFeed journal,
      Predicate<InputRecord> feeds,
      OutputSink sink) {
    ClusterBridge b =
        new ClusterBridge(client, inputTopic, outputTopic, agreementId, journal, feeds, sink);
    b.ingest.start();
    return b;
  }

  /**
   * Ships every journal entry after the last shipped one; returns when the brokers have
   * acknowledged them all. Thread-safe; entries go out in journal order.
   *
   * @throws IllegalStateException if the brokers refused a record (nothing after it is taken as
   *     shipped)
   */
  public synchronized void ship() {
    int n;
    do {
      List<Journal.Entry> batch = new ArrayList<>();
      journal.read(shippedThrough, SHIP_BATCH, batch::add);
      List<Map.Entry<Long, Future<RecordMetadata>>> sent = new ArrayList<>();
      for (Journal.Entry e : batch) {
        // the cluster's topology enforces the one version it was deployed with: an agreement
        // version put in force is not an input of it (a new version is a new deployment)
        if (!(e instanceof Journal.InputEntry in) || !feeds.test(in.input().record())) {
          continue;
        }
        ProducerRecord<String, String> r =
            new ProducerRecord<>(inputTopic, agreementId, InputCodec.encode(in.input()));
        r.headers()
            .add(JOURNAL_SEQ_HEADER, Long.toString(e.seq()).getBytes(StandardCharsets.US_ASCII));
        sent.add(Map.entry(e.seq(), producer.send(r)));
      }
      producer.flush();
      for (Map.Entry<Long, Future<RecordMetadata>> s : sent) {
        try {
          s.getValue().get();
        } catch (ExecutionException | InterruptedException ex) {
          if (ex instanceof InterruptedException) {
            Thread.currentThread().interrupt();
          }
          throw new IllegalStateException(
              "the brokers refused journal entry " + s.getKey() + ": " + ex.getMessage(), ex);
        }
      }
      if (!batch.isEmpty()) {
        shippedThrough = batch.get(batch.size() - 1).seq();
      }
      n = batch.size();
    } while (n == SHIP_BATCH);
  }

  /** What health and metrics show. */
  public ClusterStatus status() {
    return new ClusterStatus(
        shippedThrough, recordedThrough, outputLag, Optional.ofNullable(ingestFailure));
  }

  /**
   * The agreement's partition of {@code topic} (the producer's default partitioning of the key).
   */
  private TopicPartition partition(String topic) {
    int partitions = producer.partitionsFor(topic).size();
    byte[] key = agreementId.getBytes(StandardCharsets.UTF_8);
    return new TopicPartition(topic, Utils.toPositive(Utils.murmur2(key)) % partitions);
  }

  /** The journal entry number on this agreement's last record in the input topic (0 if none). */
  private long lastShipped() {
    TopicPartition tp = partition(inputTopic);
    try (KafkaConsumer<String, String> c = consumer("read_committed", null)) {
      c.assign(List.of(tp));
      long begin = offsetOf(c.beginningOffsets(List.of(tp)), tp);
      long end = offsetOf(c.endOffsets(List.of(tp)), tp);
      // look back from the end in growing steps until a record of this agreement turns up
      for (long back = 256; ; back *= 4) {
        long from = Math.max(begin, end - back);
        c.seek(tp, from);
        long last = 0;
        long position = from;
        while (position < end) {
          for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
            position = r.offset() + 1;
            if (agreementId.equals(r.key())) {
              last = seq(r.headers().lastHeader(JOURNAL_SEQ_HEADER), r);
            }
          }
          position = Math.max(position, c.position(tp));
        }
        if (last > 0 || from == begin) {
          return last;
        }
      }
    }
  }

  private void ingestLoop() {
    TopicPartition tp = partition(outputTopic);
    try (KafkaConsumer<String, String> c =
        consumer("read_committed", "umbrella-ledger." + agreementId)) {
      c.assign(List.of(tp));
      OffsetAndMetadata committed = c.committed(Set.of(tp)).get(tp);
      if (committed == null) {
        c.seekToBeginning(List.of(tp));
      } else {
        c.seek(tp, committed.offset());
      }
      long pendingSeq = -1;
      List<String> pending = new ArrayList<>();
      while (!stop.get()) {
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
          if (!agreementId.equals(r.key())) {
            continue;
          }
          long seq = seq(r.headers().lastHeader(JOURNAL_SEQ_HEADER), r);
          String[] iOfN = ascii(r.headers().lastHeader(OUTPUT_HEADER), r).split("/", -1);
          int i = Integer.parseInt(iOfN[0]);
          int n = Integer.parseInt(iOfN[1]);
          if (seq != pendingSeq) {
            pending.clear();
            pendingSeq = seq;
          }
          if (i != pending.size() + 1) {
            throw new IllegalStateException(
                "output "
                    + i
                    + "/"
                    + n
                    + " of journal entry "
                    + seq
                    + " at "
                    + tp
                    + "@"
                    + r.offset()
                    + " after "
                    + pending.size()
                    + " of its outputs");
          }
          pending.add(r.value());
          if (i == n) {
            if (seq > sink.lastRecorded()) {
              sink.record(seq, List.copyOf(pending));
            }
            recordedThrough = Math.max(recordedThrough, seq);
            pending.clear();
            c.commitSync(Map.of(tp, new OffsetAndMetadata(r.offset() + 1)));
          }
        }
        long end = offsetOf(c.endOffsets(List.of(tp)), tp);
        outputLag = Math.max(0, end - c.position(tp));
      }
    } catch (RuntimeException e) {
      ingestFailure = e.toString();
      LoggerFactory.getLogger(ClusterBridge.class)
          .error("cluster ingest of {} stopped", agreementId, e);
    }
  }

  /** The offset Kafka answered for {@code tp}: it answers for every partition asked about. */
  private static long offsetOf(Map<TopicPartition, Long> offsets, TopicPartition tp) {
    Long offset = offsets.get(tp);
    if (offset == null) {
      throw new IllegalStateException("the broker gave no offset for " + tp);
    }
    return offset;
  }

  private KafkaConsumer<String, String> consumer(String isolation, @Nullable String group) {
    Map<String, Object> p = new HashMap<>(client);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    if (group != null) {
      p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
  }

  private static long seq(Header h, ConsumerRecord<?, ?> r) {
    return Long.parseLong(ascii(h, r));
  }

  private static String ascii(Header h, ConsumerRecord<?, ?> r) {
    if (h == null) {
      throw new IllegalStateException(
          "record "
              + r.topic()
              + "-"
              + r.partition()
              + "@"
              + r.offset()
              + " has no header it needs");
    }
    return new String(h.value(), StandardCharsets.US_ASCII);
  }

  @Override
  public void close() {
    stop.set(true);
    try {
      ingest.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(10));
  }
}
