package org.umbrella.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.Engine;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.engine.input.InputFormatException;
import org.umbrella.engine.input.RecordedInput;
import org.umbrella.engine.output.OutputCodec;

/**
 * Runs one engine per agreement of its task's partition.
 *
 * <p>State: the store keeps every input this task has processed, under {@code AGREEMENT/SEQ} (SEQ
 * zero-padded so that the store's byte order is processing order), and is changelogged. The engines
 * are in memory only; {@link #init} rebuilds each from its stored inputs (outputs discarded: they
 * were already written, exactly once, before the fail-over). The engine is a pure function of its
 * inputs, so the rebuilt engine is the one that was lost (RebuildFromLogTest). The cost of a
 * rebuild grows with the agreement's history; docs/scale-out.md says when that matters and what
 * would bound it.
 *
 * <p>Time: the engine's clock is the {@code recorded} time in each value (the journal's trusted
 * clock), never the Kafka timestamp nor stream time. An output carries its input's Kafka timestamp
 * (when the journal accepted the input), never the output's own event time: event times are often
 * months old, and a broker deletes (retention.ms) or refuses (log.message.timestamp.before.max.ms)
 * records stamped that far back. The cluster test lost a committed finding that way before this was
 * changed.
 */
final class EngineProcessor implements Processor<String, String, String, String> {
  static final String OUTPUT = "engine-out";
  static final String REJECTS = "rejects";
  private static final int MAX_VALUE_CHARS = 1 << 20;

  private final Map<String, Agreement> agreements;
  private final Map<String, Engine> engines = new HashMap<>();
  private final Map<String, Long> nextSeq = new HashMap<>();
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, String> store;

  EngineProcessor(Map<String, Agreement> agreements) {
    this.agreements = agreements;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.store = context.getStateStore(EngineTopology.STORE);
    // Streams may initialise the same processor again (a task closed dirty and revived under
    // exactly-once, after an aborted transaction): the engines then hold inputs whose store writes
    // were rolled back. The store is the truth; start from it alone.
    engines.clear();
    nextSeq.clear();
    try (KeyValueIterator<String, String> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, String> kv = all.next();
        int slash = kv.key.lastIndexOf('/');
        String agreement = kv.key.substring(0, slash);
        long seq = Long.parseLong(kv.key.substring(slash + 1));
        RecordedInput r = InputCodec.decodeRecorded(kv.value, seq + 1);
        engine(agreement).process(r, o -> {});
        nextSeq.put(agreement, seq + 1);
      }
    }
  }

  @Override
  public void process(Record<String, String> in) {
    String agreement = in.key();
    if (agreement == null) {
      reject(in, "the record has no key: inputs are keyed by agreement id");
      return;
    }
    if (!agreements.containsKey(agreement)) {
      reject(in, "no agreement '" + agreement + "' is deployed in this topology");
      return;
    }
    if (in.value() == null || in.value().length() > MAX_VALUE_CHARS) {
      reject(
          in,
          in.value() == null
              ? "the record has no value"
              : "the value is longer than " + MAX_VALUE_CHARS + " characters");
      return;
    }
    long seq = nextSeq.getOrDefault(agreement, 0L);
    RecordedInput recorded;
    try {
      recorded = InputCodec.decodeRecorded(in.value(), seq + 1);
    } catch (InputFormatException e) {
      reject(in, String.valueOf(e.getMessage()));
      return;
    }
    store.put(key(agreement, seq), in.value());
    nextSeq.put(agreement, seq + 1);
    List<String> lines = new ArrayList<>();
    engine(agreement).process(recorded, o -> lines.add(OutputCodec.encode(o)));
    for (int i = 0; i < lines.size(); i++) {
      // the input's headers (the journal's entry number among them) go with each output, and each
      // output says which of how many outputs of its input it is, so that a reader can record one
      // input's outputs together (server.cluster.ClusterBridge)
      RecordHeaders headers = new RecordHeaders(in.headers().toArray());
      headers.add(
          Topics.OUTPUT_HEADER, ((i + 1) + "/" + lines.size()).getBytes(StandardCharsets.US_ASCII));
      context.forward(new Record<>(agreement, lines.get(i), in.timestamp(), headers), OUTPUT);
    }
  }

  @Override
  public void close() {
    engines.clear();
    nextSeq.clear();
  }

  private Engine engine(String agreement) {
    // process() rejected inputs of unknown agreements before asking for an engine
    return engines.computeIfAbsent(
        agreement,
        id -> Engine.create(Objects.requireNonNull(agreements.get(id), "agreement " + id)));
  }

  private void reject(Record<String, String> in, String why) {
    String where =
        context
            .recordMetadata()
            .map(m -> m.topic() + "-" + m.partition() + "@" + m.offset())
            .orElse("?");
    context.forward(new Record<>(in.key(), where + ": " + why, in.timestamp()), REJECTS);
  }

  static String key(String agreement, long seq) {
    return agreement + "/" + String.format("%019d", seq);
  }

  /**
   * Kafka timestamps cannot be negative; an input recorded before 1970 is stamped 0 (its JSON has
   * the true time).
   */
  static long timestamp(Instant t) {
    return Math.max(0L, t.toEpochMilli());
  }
}
