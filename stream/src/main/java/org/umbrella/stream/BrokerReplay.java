package org.umbrella.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.engine.input.RecordedInput;

/**
 * Runs input records for one agreement through the topology on a real broker in this JVM ({@link
 * EmbeddedBroker}): an idempotent producer writes them to the input topic, a {@link KafkaStreams}
 * client runs the topology with exactly-once v2 and a RocksDB store (changelogged to the broker),
 * and a {@code read_committed} consumer reads the output topic. Used by {@code umbrella replay
 * --engine kafka-streams}.
 *
 * <p>Everything the caller hands over happens on the caller's thread: the producer is fed and the
 * output topic is read in turns, so memory stays bounded however long the replay (the broker keeps
 * what is in flight on disk). The replay is complete when the topology's committed input offset is
 * the input topic's end and no transaction is open on the output partition: under exactly-once the
 * offset commit and the outputs of the same inputs are one transaction.
 */
public final class BrokerReplay implements AutoCloseable {
  static final String APPLICATION_ID = "umbrella-replay";
  private static final int POLL_EVERY = 2_000;
  private static final int MAX_PENDING = 200_000;
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final String agreementId;
  private final Topics topics = Topics.defaults();
  private final EmbeddedBroker broker;
  private final Path stateDir;
  private final KafkaStreams streams;
  private final KafkaProducer<String, String> producer;
  private final KafkaConsumer<String, String> consumer;
  private final TopicPartition in;
  private final TopicPartition out;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  /**
   * Inputs sent whose outputs may still come, in order; the first is input number handedOver + 1.
   */
  private final ArrayDeque<RecordedInput> pending = new ArrayDeque<>();

  private long handedOver;

  /** Starts a broker, the topology on it for {@code agreement}, a producer and a reader. */
  public BrokerReplay(Agreement agreement) {
    this.agreementId = agreement.id();
    this.in = new TopicPartition(topics.input(), 0);
    this.out = new TopicPartition(topics.output(), 0);
    this.broker = EmbeddedBroker.start();
    try {
      broker.createTopics(topics, 1);
      stateDir = Files.createTempDirectory("umbrella-streams-");
      Properties p = StreamSettings.properties(APPLICATION_ID, broker.bootstrap(), 1, Map.of());
      p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
      p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
      // one instance and history as input: fewer, larger transactions than a live deployment's 100
      // ms
      p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 500);
      p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 20);
      p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
      streams = new KafkaStreams(EngineTopology.build(Map.of(agreementId, agreement), topics), p);
      streams.setUncaughtExceptionHandler(
          e -> {
            failure.compareAndSet(null, e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
          });
      Map<String, Object> pp = new HashMap<>();
      pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
      pp.put(ProducerConfig.ACKS_CONFIG, "all");
      pp.put(
          ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
          true); // in order, each once, however the sends are batched
      pp.put(ProducerConfig.LINGER_MS_CONFIG, 20);
      pp.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
      producer = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer());
      Map<String, Object> cp = new HashMap<>();
      cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
      cp.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      cp.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
      consumer = new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer());
      consumer.assign(List.of(out));
      consumer.seekToBeginning(List.of(out));
      streams.start();
      awaitRunning();
    } catch (IOException e) {
      broker.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  private void awaitRunning() {
    long end = System.nanoTime() + START_TIMEOUT.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      checkHealthy();
      if (System.nanoTime() > end) {
        throw new IllegalStateException(
            "the topology did not reach RUNNING within "
                + START_TIMEOUT.toSeconds()
                + " s (state "
                + streams.state()
                + ")");
      }
      sleep(50);
    }
  }

  /**
   * What a replay hands back, on the caller's thread, in the order the single-node engine would.
   */
  public interface Listener {
    /** The next input, before any output it caused. */
    void input(RecordedInput r);

    /** The next output line (without its newline), after the input that caused it. */
    void output(String line);
  }

  /**
   * Produces every record (already in record-time order, as the journal writes them) and hands the
   * inputs and the output lines to {@code listener} interleaved as a single-node replay produces
   * them (each input, then its outputs, in the order of the output topic); returns when every
   * input's outputs are committed and handed over.
   *
   * @throws IllegalStateException if the broker refused an input, the topology stopped, or it
   *     rejected an input (it never does for records that decoded, whose agreement this is)
   */
  public void run(Iterator<RecordedInput> records, Listener listener) {
    AtomicReference<Exception> refused = new AtomicReference<>();
    long sent = 0;
    while (records.hasNext()) {
      RecordedInput r = records.next();
      ProducerRecord<String, String> record =
          new ProducerRecord<>(topics.input(), 0, agreementId, InputCodec.encode(r));
      // the topology copies an input's headers to its outputs: this says which input an output came
      // from
      record
          .headers()
          .add(
              Topics.JOURNAL_SEQ_HEADER, Long.toString(++sent).getBytes(StandardCharsets.US_ASCII));
      pending.addLast(r);
      // the callback keeps the first failure and the flush below reports it: the future adds
      // nothing
      var unused =
          producer.send(
              record,
              (m, e) -> {
                if (e != null) {
                  refused.compareAndSet(null, e);
                }
              });
      if (sent % POLL_EVERY == 0) {
        throwIfRefused(refused);
        checkHealthy();
        drain(listener, Duration.ZERO);
        while (pending.size()
            > MAX_PENDING) { // the topology is behind: wait for it rather than hold more inputs
          checkHealthy();
          drain(listener, Duration.ofMillis(100));
        }
      }
    }
    producer.flush();
    throwIfRefused(refused);
    long inputEnd = endOffsets(OffsetSpec.latest(), in);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrap()))) {
      while (true) {
        checkHealthy();
        drain(listener, Duration.ofMillis(100));
        if (committedInput(admin) >= inputEnd) {
          long stable = endOffset(admin, OffsetSpec.latest(), true);
          long high = endOffset(admin, OffsetSpec.latest(), false);
          if (stable == high && consumer.position(out) >= stable) {
            break;
          }
        }
      }
    }
    while (!pending.isEmpty()) {
      listener.input(pending.removeFirst());
    }
    long rejects = endOffsets(OffsetSpec.latest(), new TopicPartition(topics.rejects(), 0));
    if (rejects > 0) {
      throw new IllegalStateException(
          "the topology rejected " + rejects + " input(s); see the topic " + topics.rejects());
    }
  }

  private static void throwIfRefused(AtomicReference<Exception> refused) {
    Exception e = refused.get();
    if (e != null) {
      throw new IllegalStateException("the broker refused an input: " + e.getMessage(), e);
    }
  }

  private void drain(Listener listener, Duration wait) {
    Duration w = wait;
    while (true) {
      var batch = consumer.poll(w);
      if (batch.isEmpty()) {
        return;
      }
      for (ConsumerRecord<String, String> r : batch) {
        Header h = r.headers().lastHeader(Topics.JOURNAL_SEQ_HEADER);
        if (h == null) {
          throw new IllegalStateException(
              "output "
                  + r.topic()
                  + "-"
                  + r.partition()
                  + "@"
                  + r.offset()
                  + " does not say which input it came from");
        }
        long cause = Long.parseLong(new String(h.value(), StandardCharsets.US_ASCII));
        while (handedOver < cause) {
          listener.input(pending.removeFirst());
          handedOver++;
        }
        listener.output(r.value());
      }
      w = Duration.ZERO;
    }
  }

  private long committedInput(Admin admin) {
    try {
      OffsetAndMetadata m =
          admin
              .listConsumerGroupOffsets(APPLICATION_ID)
              .partitionsToOffsetAndMetadata()
              .get()
              .get(in);
      return m == null ? 0 : m.offset();
    } catch (ExecutionException e) {
      return 0; // the group is not there yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private long endOffset(Admin admin, OffsetSpec spec, boolean committed) {
    try {
      var options =
          new ListOffsetsOptions(
              committed ? IsolationLevel.READ_COMMITTED : IsolationLevel.READ_UNCOMMITTED);
      return admin.listOffsets(Map.of(out, spec), options).partitionResult(out).get().offset();
    } catch (ExecutionException e) {
      throw new IllegalStateException("reading the end of " + out + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private long endOffsets(OffsetSpec spec, TopicPartition tp) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrap()))) {
      return admin.listOffsets(Map.of(tp, spec)).partitionResult(tp).get().offset();
    } catch (ExecutionException e) {
      throw new IllegalStateException("reading the end of " + tp + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private void checkHealthy() {
    Throwable t = failure.get();
    if (t != null) {
      throw new IllegalStateException("the topology stopped: " + t.getMessage(), t);
    }
    KafkaStreams.State s = streams.state();
    if (s == KafkaStreams.State.ERROR
        || s == KafkaStreams.State.NOT_RUNNING
        || s == KafkaStreams.State.PENDING_ERROR) {
      throw new IllegalStateException("the topology stopped (state " + s + ")");
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    try {
      consumer.close();
      producer.close(Duration.ofSeconds(10));
      streams.close(Duration.ofSeconds(30));
    } finally {
      broker.close();
      try (Stream<Path> files = Files.walk(stateDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException | UncheckedIOException e) {
        // a temporary directory left behind is harmless; the replay's result stands
      }
    }
  }
}
