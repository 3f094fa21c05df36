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
 * Runs input records for one agreement through the real topology in process, on Kafka's own {@link
 * TopologyTestDriver} (no broker): the same processor, store, serdes and changelog writes as on a
 * cluster, one partition. Used by {@code umbrella replay --engine kafka-streams} and the tests.
 *
 * <p>Outputs are handed over as the canonical JSON lines of the output topic, drained after each
 * input (the driver processes an input fully before {@code pipeInput} returns), so that memory
 * stays bounded however long the replay and a caller may attribute each output to its input.
 */
public final class InProcessReplay implements AutoCloseable {
  static final String APPLICATION_ID = "umbrella-replay";

  /** The store's changelog topic, which the driver keeps like any output until it is read. */
  static final String CHANGELOG = APPLICATION_ID + "-" + EngineTopology.STORE + "-changelog";

  private final String agreementId;
  private final Path stateDir;
  private final TopologyTestDriver driver;
  private final TestInputTopic<String, String> input;
  private final TestOutputTopic<String, String> output;
  private final TestOutputTopic<String, String> rejects;
  private final TestOutputTopic<byte[], byte[]> changelog;
  private boolean keepChangelog;

  /**
   * A driver for {@code agreement}, its RocksDB store in a fresh temporary directory deleted on
   * close.
   */
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
    Properties p = StreamSettings.properties(APPLICATION_ID, "in-process:0", 1, Map.of());
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver =
        new TopologyTestDriver(
            EngineTopology.build(Map.of(agreementId, agreement), topics, kind), p);
    input =
        driver.createInputTopic(
            topics.input(), Serdes.String().serializer(), Serdes.String().serializer());
    output =
        driver.createOutputTopic(
            topics.output(), Serdes.String().deserializer(), Serdes.String().deserializer());
    rejects =
        driver.createOutputTopic(
            topics.rejects(), Serdes.String().deserializer(), Serdes.String().deserializer());
    changelog =
        driver.createOutputTopic(
            CHANGELOG, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
  }

  /**
   * Pipes every record (already in record-time order, as the journal writes them) and hands each
   * output line, without its newline, to {@code out}, in the order of the output topic, before the
   * next record is taken from {@code records}.
   *
   * @throws IllegalStateException if the topology rejected an input (it never does for records that
   *     decoded, whose agreement this is)
   */
  public void run(Iterator<RecordedInput> records, Consumer<String> out) {
    while (records.hasNext()) {
      RecordedInput r = records.next();
      input.pipeInput(agreementId, InputCodec.encode(r), EngineProcessor.timestamp(r.recordedAt()));
      drain(out);
    }
  }

  private void drain(Consumer<String> out) {
    if (!keepChangelog) {
      // On a cluster the brokers keep the changelog; here the driver would hold every write in
      // memory.
      while (!changelog.isEmpty()) {
        changelog.readRecord();
      }
    }
    while (!output.isEmpty()) {
      out.accept(output.readValue());
    }
    if (!rejects.isEmpty()) {
      throw new IllegalStateException("the topology rejected an input: " + rejects.readValue());
    }
  }

  /**
   * The driver, for tests that read the store or its changelog; from now on the changelog is kept
   * for them to read.
   */
  TopologyTestDriver driver() {
    keepChangelog = true;
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
