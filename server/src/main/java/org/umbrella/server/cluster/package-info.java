/**
 * Cluster mode of the service (docs/scale-out.md, issue 12): the bridge between the service's
 * journal and ledger and a Kafka cluster where the engine runs as a Streams topology (module {@code
 * stream}). {@link org.umbrella.server.cluster.ClusterBridge} ships the journal's entries the
 * engine consumes to the input topic, in journal order, each marked with its entry number, and
 * ingests the committed output topic into one {@link org.umbrella.server.cluster.OutputSink} (the
 * one ledger writer), one input's outputs together, in the order of the output topic.
 *
 * <p>Kept apart from {@code ops} and {@code enforce} behind two small interfaces ({@link
 * org.umbrella.server.cluster.JournalFeed}, {@link org.umbrella.server.cluster.OutputSink}), so
 * that it does not depend on how those are arranged. May depend on the Kafka clients, the {@code
 * engine}'s codecs and {@code server.journal}; not on {@code stream} (the command line wires the
 * topology and this bridge together).
 */
@NullMarked
package org.umbrella.server.cluster;

import org.jspecify.annotations.NullMarked;
