package org.umbrella.negotiation.simulation;

import org.jspecify.annotations.Nullable;
import org.umbrella.negotiation.analysis.Point;

/**
 * One step of a simulation trace.
 *
 * @param round the round (1-based)
 * @param party the acting party's id, or {@code mediator}
 * @param action what happened
 * @param point the package concerned and every party's utility for it
 * @param note detail (target utility, votes)
 */
public record Step(int round, String party, Action action, @Nullable Point point, String note) {
  /** What a step did. */
  public enum Action {
    OFFER,
    ACCEPT,
    PROPOSE,
    ADOPT,
    REJECT,
    AGREEMENT,
    DEADLINE
  }
}
