/**
 * Scale-out (docs/scale-out.md): the same {@code engine} run as a Kafka Streams topology.
 *
 * <p>Input records (the journal's, one JSON line each with its trusted {@code recorded} time) are
 * keyed by agreement id, so one agreement lives in one partition and is processed in the order the
 * journal wrote it. {@link org.umbrella.stream.EngineProcessor} keeps, per agreement, the inputs it
 * has processed in a changelogged state store and the {@link org.umbrella.engine.Engine} that those
 * inputs determine in memory: after a fail-over the new owner restores the store from its changelog
 * and re-feeds it to a fresh engine, which is exactly the engine it lost, because the engine is a
 * pure function of its input sequence. Kafka's record timestamps and stream time are never read as
 * time: the engine's clock is the record time in each value.
 *
 * <p>May depend on the {@code agreement} and {@code engine} modules and on Kafka Streams (with its
 * test driver, which {@link org.umbrella.stream.InProcessReplay} uses to run the real topology
 * without a broker, and Kafka's KRaft test kit, which {@link org.umbrella.stream.EmbeddedBroker}
 * uses to run a real broker in process for {@link org.umbrella.stream.BrokerReplay}). No files
 * beyond the Streams state directory and the agreement files that {@link
 * org.umbrella.stream.Deployment} reads; no clock. {@link org.umbrella.stream.StreamsNode} runs one
 * instance as its own process (what a deployment starts on each machine, and what the cluster tests
 * SIGKILL), printing its {@link org.umbrella.stream.StreamsHealth}.
 */
@NullMarked
package org.umbrella.stream;

import org.jspecify.annotations.NullMarked;
