package org.umbrella.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.input.InputCodec;
import org.umbrella.engine.input.RecordedInput;

/**
 * Fail-over: a processor whose store is restored from the changelog topic that the live one wrote
 * (as Kafka Streams restores it on the instance that takes the partition over) rebuilds the same
 * engine. From the split on, its outputs equal the live processor's, and both halves together equal
 * the single-node engine on the whole journal.
 */
class RebuildFromLogTest {
  private static final Agreement TWENTY_POINT =
      Fixtures.file("../bench/twenty-point.agreement.yaml");

  @ParameterizedTest(name = "split after {0} inputs")
  @ValueSource(ints = {0, 1, 137, 399, 400})
  void rebuiltFromTheChangelog_continuesExactlyAsTheLiveProcessor(int split) {
    List<RecordedInput> journal = SyntheticEqualityProperties.journal(TWENTY_POINT, 400, 11);
    assertThat(journal).hasSizeGreaterThanOrEqualTo(400);
    List<RecordedInput> before = journal.subList(0, split);
    List<RecordedInput> after = journal.subList(split, journal.size());

    List<String> live = new ArrayList<>();
    List<KeyValue<String, String>> changelog;
    List<String> liveAfter = new ArrayList<>();
    try (InProcessReplay replay = new InProcessReplay(TWENTY_POINT)) {
      var driver = replay.driver(); // keeps the changelog for this test to read
      replay.run(before.iterator(), live::add);
      changelog =
          driver
              .createOutputTopic(
                  InProcessReplay.CHANGELOG,
                  Serdes.String().deserializer(),
                  Serdes.String().deserializer())
              .readKeyValuesToList();
      replay.run(after.iterator(), liveAfter::add);
    }
    assertThat(changelog).hasSize(split);

    List<String> rebuiltAfter = rebuiltFrom(changelog, after);

    assertThat(rebuiltAfter).containsExactlyElementsOf(liveAfter);
    List<String> whole = new ArrayList<>(live);
    whole.addAll(rebuiltAfter);
    assertThat(whole).containsExactlyElementsOf(Fixtures.singleNode(TWENTY_POINT, journal));
    assertThat(whole).hasSizeGreaterThan(10);
  }

  /**
   * A fresh processor on a store restored from {@code changelog}, fed {@code rest}: its output
   * lines.
   */
  private static List<String> rebuiltFrom(
      List<KeyValue<String, String>> changelog, List<RecordedInput> rest) {
    MockProcessorContext<String, String> context = new MockProcessorContext<>();
    KeyValueStore<String, String> store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(EngineTopology.STORE),
                Serdes.String(),
                Serdes.String())
            .withLoggingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    for (KeyValue<String, String> kv : changelog) {
      store.put(kv.key, kv.value); // what restoration does, record by record
    }
    EngineProcessor processor = new EngineProcessor(Map.of(TWENTY_POINT.id(), TWENTY_POINT));
    processor.init(context);
    assertThat(context.forwarded())
        .as("a rebuild writes nothing: its outputs were written before the fail-over")
        .isEmpty();
    for (RecordedInput r : rest) {
      processor.process(
          new Record<>(
              TWENTY_POINT.id(), InputCodec.encode(r), EngineProcessor.timestamp(r.recordedAt())));
    }
    List<String> out = new ArrayList<>();
    for (var f : context.forwarded()) {
      assertThat(f.childName()).contains(EngineProcessor.OUTPUT);
      out.add((String) f.record().value());
    }
    return out;
  }
}
