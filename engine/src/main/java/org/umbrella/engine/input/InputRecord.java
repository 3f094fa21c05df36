package org.umbrella.engine.input;

import java.time.Instant;

/**
 * One record of the engine's input stream; every record has an id and an event time.
 *
 * <p>The engine processes records in time order, ties in input order (LANGUAGE.md section 2).
 */
public sealed interface InputRecord
    permits Incident, Determination, Response, ProvisionReport, Tick {
  /**
   * The record's id; unique per type within a stream, except that a later incident with the same id
   * replaces the earlier one.
   */
  String id();

  /** When the record takes effect (event time, UTC). */
  Instant time();

  /** The {@code type} value naming this record in JSON Lines, e.g. {@code provision-report}. */
  String type();
}
