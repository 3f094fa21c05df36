package org.umbrella.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning that bounds the engine's memory without changing its rules for in-time evidence.
 *
 * @param revisionHorizon how long (event time, behind the latest record) an incident's version is
 *     kept so that a later record with the same id can revise it; a revision arriving later than
 *     this is treated as a new incident. Default 30 days.
 */
public record EngineOptions(Duration revisionHorizon) {
  public EngineOptions {
    Objects.requireNonNull(revisionHorizon, "revisionHorizon");
    if (revisionHorizon.isNegative() || revisionHorizon.isZero()) {
      throw new IllegalArgumentException(
          "revisionHorizon must be positive, was " + revisionHorizon);
    }
  }

  public static EngineOptions defaults() {
    return new EngineOptions(Duration.ofDays(30));
  }
}
