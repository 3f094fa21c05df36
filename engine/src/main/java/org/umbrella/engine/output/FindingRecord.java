package org.umbrella.engine.output;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A finding changing status ({@link FindingStatus}): raised as {@code candidate} or {@code
 * confirmed}, then possibly {@code confirmed}, {@code rejected} or {@code withdrawn}. {@code actor}
 * is {@code ""} when unattributed; {@code incidents} are the evidence ids (copied, except a {@link
 * DeferredIds}, kept as it is and made when first read); {@code window} is present for aggregate
 * findings.
 */
public record FindingRecord(
    String id,
    Instant time,
    String definition,
    FindingStatus status,
    String actor,
    List<String> incidents,
    Optional<Window> window,
    Cause cause)
    implements OutputRecord {
  public FindingRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(status, "status");
    incidents = DeferredIds.keep(incidents);
    Objects.requireNonNull(window, "window");
  }

  @Override
  public String type() {
    return "finding";
  }

  /** The sliding window {@code (from, to]} in which an aggregate held. */
  public record Window(Instant from, Instant to) {}
}
