package org.umbrella.server.cluster;

import java.util.Optional;

/**
 * What {@code /health} and {@code /metrics} show of cluster mode.
 *
 * @param leader whether this instance holds the agreement's leader lock (ships the journal and is
 *     the one ledger writer); the others serve and accept changes and wait to take over
 * @param leaderships how often this instance became leader since it started
 * @param bridge the bridge's status while this instance leads
 * @param streams the Streams instance beside this service
 */
public record ClusterHealth(
    boolean leader, int leaderships, Optional<ClusterStatus> bridge, StreamsState streams) {}
