package org.umbrella.agreement.model;

import java.util.List;
import java.util.Optional;

/**
 * A finding raised by one incident that satisfies every criterion.
 *
 * @param id the key under {@code findings:}
 * @param title a human title, if given
 * @param kinds incident kinds that count (the engine's taxonomy); empty means every kind
 * @param status the minimum review status
 * @param sources the minimum number of independent sources (distinct groups), at least 1
 * @param within places the incident must fall inside (any of them); empty means anywhere
 * @param by whose acts count
 * @param when an extra CEL condition on the incident, if given
 * @param determinedBy the body that must confirm it, if any
 * @param decideWithin how long the body has to decide, if limited
 * @param cites sources
 */
public record MatchFinding(
    String id,
    Optional<String> title,
    List<String> kinds,
    ReviewStatus status,
    int sources,
    List<String> within,
    ActorFilter by,
    Optional<Expression> when,
    Optional<String> determinedBy,
    Optional<TimeSpan> decideWithin,
    List<Citation> cites)
    implements Finding {
  /** Creates the finding; lists are copied. */
  public MatchFinding {
    kinds = List.copyOf(kinds);
    within = List.copyOf(within);
    cites = List.copyOf(cites);
  }
}
