package org.umbrella.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.engine.input.RecordedInput;

/**
 * Runs input records for one agreement through the real topology in process, on Kafka's own
 * {@link TopologyTestDriver} (no broker): the same processor, store, serdes and changelog writes as
 * on a cluster, one partition. Used by {@code umbrella replay --engine kafka-streams} and the tests.
 *
 * <p>Outputs are handed over as the canonical JSON lines of the output topic, drained every
 * {@value #DRAIN_EVERY} inputs so that memory stays bounded however long the replay.
 */
public final class InProcessReplay implements AutoCloseable {
  static final int DRAIN_EVERY = 1024;

  private final String agreementId;
  private final Path stateDir;
  private final TopologyTestDriver driver;
  private final TestInputTopic<String, String> input;
  private final TestOutputTopic<String, String> output;
  private final TestOutputTopic<String, String> rejects;
  private long piped;

  /** A driver for {@code agreement}, its RocksDB store in a fresh temporary directory deleted on close. */
  public InProcessReplay(Agreement agreement) {
    this(agreement, EngineTopology.StoreKind.ROCKSDB);
  }

  /** As {@link #InProcessReplay(Agreement)} with the store kind chosen. */
  public InProcessReplay(Agreement agreement, EngineTopology.StoreKind kind) {
    this.agreementId = agreement.id();
    try {
      this.stateDir = Files.createTempDirectory("umbrella-streams-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Topics topics = Topics.defaults();
    Properties p = StreamSettings.properties("umbrella-replay", "in-process:0", 1, Map.of());
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(EngineTopology.build(Map.of(agreementId, agreement), topics, kind), p);
    input = driver.createInputTopic(topics.input(), Serdes.String().serializer(), Serdes.String().serializer());
    output = driver.createOutputTopic(topics.output(), Serdes.String().deserializer(), Serdes.String().deserializer());
    rejects = driver.createOutputTopic(topics.rejects(), Serdes.String().deserializer(), Serdes.String().deserializer());
  }

  /**
   * Pipes every record (already in record-time order, as the journal writes them) and hands each
   * output line, without its newline, to {@code out}, in the order of the output topic.
   *
   * @throws IllegalStateException if the topology rejected an input (it never does for records
   *     that decoded, whose agreement this is)
   */
  public void run(Iterator<RecordedInput> records, Consumer<String> out) {
    while (records.hasNext()) {
      RecordedInput r = records.next();
      input.pipeInput(agreementId, InputCodec.encode(r), EngineProcessor.timestamp(r.recordedAt()));
      if (++piped % DRAIN_EVERY == 0) {
        drain(out);
      }
    }
    drain(out);
  }

  private void drain(Consumer<String> out) {
    while (!output.isEmpty()) {
      out.accept(output.readValue());
    }
    if (!rejects.isEmpty()) {
      throw new IllegalStateException("the topology rejected an input: " + rejects.readValue());
    }
  }

  /** The driver, for tests that read the store or restart it. */
  TopologyTestDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    try {
      driver.close();
    } finally {
      try (Stream<Path> files = Files.walk(stateDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException e) {
        // a temporary directory left behind is harmless; the replay's result stands
      }
    }
  }
}
