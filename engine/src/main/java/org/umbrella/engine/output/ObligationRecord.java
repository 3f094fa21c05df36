package org.umbrella.engine.output;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An obligation changing status: {@code pending} when a trigger creates it, then {@code fulfilled}
 * (with the {@code decision} taken), {@code waived} or {@code breached} (at exactly {@code due}). A
 * duty without a deadline has no {@code due} and is never breached.
 */
public record ObligationRecord(
    String id,
    Instant time,
    String guarantee,
    String duty,
    String party,
    Optional<Instant> due,
    String status,
    String decision,
    Cause cause)
    implements OutputRecord {
  public ObligationRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(due, "due");
    decision = decision == null ? "" : decision;
  }

  @Override
  public String type() {
    return "obligation";
  }
}
