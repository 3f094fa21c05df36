package org.umbrella.engine.output;

import java.time.Instant;

/**
 * A guarantee ({@code inactive, active, triggered, void, expired}) or provision ({@code pending,
 * in-force, implemented-N, breached, revoked, suspended}) changing state. {@code id} is {@code
 * <subject>#<n>}, the n-th change of that subject.
 */
public record StatusRecord(
    String id,
    Instant time,
    String subjectKind,
    String subject,
    String status,
    String previous,
    Cause cause)
    implements OutputRecord {
  @Override
  public String type() {
    return "status";
  }
}
