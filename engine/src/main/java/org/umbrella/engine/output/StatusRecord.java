package org.umbrella.engine.output;

import java.time.Instant;
import java.util.Objects;

/**
 * A guarantee ({@link GuaranteeStatus}: {@code inactive, active, triggered, void, expired}) or
 * provision ({@link ProvisionStatus}: {@code pending, in-force, implemented-N, breached, revoked,
 * suspended}) changing state. {@code id} is {@code <subject>#<n>}, the n-th change of that subject.
 * The subject's kind is the kind of its statuses, which must agree.
 */
public record StatusRecord(
    String id,
    Instant time,
    String subject,
    SubjectStatus status,
    SubjectStatus previous,
    Cause cause)
    implements OutputRecord {
  public StatusRecord {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(previous, "previous");
    if (!status.subjectKind().equals(previous.subjectKind())) {
      throw new IllegalArgumentException(
          "a " + status.subjectKind() + " status after a " + previous.subjectKind() + " status");
    }
  }

  /** {@code "guarantee"} or {@code "provision"}. */
  public String subjectKind() {
    return status.subjectKind();
  }

  @Override
  public String type() {
    return "status";
  }
}
