package org.umbrella.server.cluster;

import java.util.Optional;

/**
 * What health and metrics show of the bridge.
 *
 * @param shippedThrough the last journal entry produced to the input topic (acknowledged by the
 *     brokers)
 * @param recordedThrough the last journal entry whose outputs the sink recorded
 * @param outputLag committed outputs on the output partition not yet read by the ingest
 * @param ingestFailure why the ingest stopped, if it did (it then records nothing more)
 */
public record ClusterStatus(
    long shippedThrough, long recordedThrough, long outputLag, Optional<String> ingestFailure) {}
