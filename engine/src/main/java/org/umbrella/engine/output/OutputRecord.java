package org.umbrella.engine.output;

import java.time.Instant;

/** One record the engine emits; every one carries its {@link Cause}. */
public sealed interface OutputRecord
    permits FindingRecord, ObligationRecord, StatusRecord, AlertRecord {
  /**
   * The id of what this record is about; a finding or obligation keeps its id across its status
   * changes.
   */
  String id();

  /** When the change took effect (event time). */
  Instant time();

  /** Why it happened. */
  Cause cause();

  /** The {@code type} value in JSON Lines. */
  String type();
}
