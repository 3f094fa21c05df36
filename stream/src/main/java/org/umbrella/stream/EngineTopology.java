package org.umbrella.stream;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.umbrella.agreement.model.Agreement;

/**
 * Builds the topology: input topic -> {@link EngineProcessor} (with its store) -> output topic, and
 * rejects to their own topic.
 *
 * <p>Partitioning: by agreement id, always (the key of every input). One agreement's records are
 * then in one partition, in journal order, and one task owns its engine; many agreements spread
 * over the partitions. An agreement larger than one partition can carry is not split here (see
 * docs/scale-out.md, "Partitioning").
 */
public final class EngineTopology {
  /** The name of the state store holding each agreement's processed inputs. */
  public static final String STORE = "engine-inputs";

  private EngineTopology() {}

  /** Where the store lives: RocksDB on disk (the default; changelogged either way) or memory. */
  public enum StoreKind {
    ROCKSDB,
    IN_MEMORY
  }

  /**
   * The topology for these agreements (by id) on these topics, its store in RocksDB.
   *
   * @param agreements the agreements to enforce, by {@link Agreement#id()}; an input keyed by any
   *     other id is rejected
   */
  public static Topology build(Map<String, Agreement> agreements, Topics topics) {
    return build(agreements, topics, StoreKind.ROCKSDB);
  }

  /** As {@link #build(Map, Topics)} with the store kind chosen. */
  public static Topology build(Map<String, Agreement> agreements, Topics topics, StoreKind kind) {
    Objects.requireNonNull(agreements, "agreements");
    Objects.requireNonNull(topics, "topics");
    Map<String, Agreement> copy = Map.copyOf(agreements);
    KeyValueBytesStoreSupplier supplier =
        kind == StoreKind.ROCKSDB
            ? Stores.persistentKeyValueStore(STORE)
            : Stores.inMemoryKeyValueStore(STORE);
    Topology t = new Topology();
    t.addSource(
        "journal", Serdes.String().deserializer(), Serdes.String().deserializer(), topics.input());
    t.addProcessor("engine", () -> new EngineProcessor(copy), "journal");
    t.addStateStore(
        Stores.keyValueStoreBuilder(supplier, Serdes.String(), Serdes.String()), "engine");
    t.addSink(
        EngineProcessor.OUTPUT,
        topics.output(),
        Serdes.String().serializer(),
        Serdes.String().serializer(),
        "engine");
    t.addSink(
        EngineProcessor.REJECTS,
        topics.rejects(),
        Serdes.String().serializer(),
        Serdes.String().serializer(),
        "engine");
    return t;
  }
}
