package org.umbrella.agreement.model;

import java.util.List;
import java.util.Optional;

/**
 * What the mechanism determines from evidence: either one incident that matches ({@link
 * MatchFinding}) or an aggregate over another finding in a sliding window ({@link
 * AggregateFinding}).
 *
 * <p>A finding with {@link #determinedBy()} stays a candidate until that body confirms it; without
 * it the finding is confirmed automatically.
 */
public sealed interface Finding permits MatchFinding, AggregateFinding {
  /** The key under {@code findings:}. */
  String id();

  /** A human title, if given. */
  Optional<String> title();

  /** Whose acts count. */
  ActorFilter by();

  /** The body that must confirm it; empty means confirmed automatically. */
  Optional<String> determinedBy();

  /** How long the body has to decide, if limited. */
  Optional<TimeSpan> decideWithin();

  /** Sources. */
  List<Citation> cites();
}
