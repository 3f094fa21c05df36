package org.umbrella.engine.input;

import java.time.Instant;
import java.util.Objects;

/**
 * An input record with its record time: when the service accepted it, by the service's own
 * (journaled) clock. The record's {@link InputRecord#time() time} is a claim made by whoever wrote
 * it; {@code recordedAt} is trusted, and only it moves the engine's clock (docs/engine.md, "Time").
 *
 * <p>In JSON Lines the record time is the optional {@code "recorded"} member; when it is absent the
 * record's own time stands for it (a replay of an already-collected dataset, where the dataset is
 * the record). {@link #historical(InputRecord)} builds that case.
 *
 * @param record the record as claimed
 * @param recordedAt when it was recorded (trusted time)
 */
public record RecordedInput(InputRecord record, Instant recordedAt) {
  public RecordedInput {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(recordedAt, "recordedAt");
  }

  /** A record whose own time stands for its record time (historical or batch mode). */
  public static RecordedInput historical(InputRecord record) {
    return new RecordedInput(record, record.time());
  }

  /**
   * Whether the record time differs from the claimed time (so that {@code recorded} is written).
   */
  public boolean hasOwnRecordTime() {
    return !recordedAt.equals(record.time());
  }
}
