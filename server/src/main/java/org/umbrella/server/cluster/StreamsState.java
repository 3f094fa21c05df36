package org.umbrella.server.cluster;

import java.util.List;

/**
 * What the Streams instance beside this service reports (the command line adapts the stream
 * module's {@code StreamsHealth} to it; the service does not depend on that module).
 *
 * @param state the Streams client's state (CREATED, REBALANCING, RUNNING, ERROR, ...)
 * @param rebalances rebalances since it started
 * @param activeTasks the tasks it runs
 * @param standbyTasks the tasks it keeps a warm copy of
 * @param storeLag records its local stores are behind their changelogs (-1: not known now)
 */
public record StreamsState(
    String state,
    int rebalances,
    List<String> activeTasks,
    List<String> standbyTasks,
    long storeLag) {
  public StreamsState {
    activeTasks = List.copyOf(activeTasks);
    standbyTasks = List.copyOf(standbyTasks);
  }
}
