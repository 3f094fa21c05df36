package org.umbrella.negotiation.simulation;

import java.util.List;
import java.util.Optional;
import org.umbrella.negotiation.analysis.Point;

/**
 * The outcome of a simulation.
 *
 * @param protocol {@code saop} or {@code mediated}
 * @param seed the seed used
 * @param rounds the rounds played
 * @param agreement the agreed package, if any
 * @param trace every step
 */
public record Simulation(
    String protocol, long seed, int rounds, Optional<Point> agreement, List<Step> trace) {
  public Simulation {
    trace = List.copyOf(trace);
  }
}
