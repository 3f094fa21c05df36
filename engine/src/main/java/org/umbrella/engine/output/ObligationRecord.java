package org.umbrella.engine.output;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An obligation changing status ({@link ObligationStatus}): {@code pending} when a trigger creates
 * it, then {@code fulfilled} (with the {@code decision} taken), {@code waived} or {@code breached}
 * (at exactly {@code due}). A duty without a deadline has no {@code due} and is never breached.
 */
public record ObligationRecord(
    String id,
    Instant time,
    String guarantee,
    String duty,
    String party,
    Optional<Instant> due,
    ObligationStatus status,
    String decision,
    Cause cause)
    implements OutputRecord {
  public ObligationRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(status, "status");
    decision = decision == null ? "" : decision;
  }

  @Override
  public String type() {
    return "obligation";
  }
}
