package org.umbrella.engine.input;

import java.time.Instant;
import java.util.Objects;

/**
 * A report of how far a provision is implemented, on the 0-3 scale (0 none, 1 initiated, 2 partial,
 * 3 complete), with a free-text note.
 *
 * <p>The constructor throws {@code IllegalArgumentException} if {@code level} is outside 0..3.
 */
public record ProvisionReport(String id, Instant time, String provision, int level, String note)
    implements InputRecord {
  public ProvisionReport {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(provision, "provision");
    if (level < 0 || level > 3) {
      throw new IllegalArgumentException("level must be within 0..3, was " + level);
    }
    note = note == null ? "" : note;
  }

  @Override
  public String type() {
    return "provision-report";
  }
}
