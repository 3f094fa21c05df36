package org.umbrella.server.ops;

import java.util.Optional;
import org.umbrella.engine.output.FindingStatus;
import org.umbrella.engine.output.ObligationStatus;
import org.umbrella.engine.output.SubjectStatus;

/**
 * Reads the words of the projection tables ({@code ops_finding}, {@code ops_obligation}, {@code
 * ops_status}, {@code ops_report}) back into the engine's types. The projections write only {@code
 * wireName()}s, so a word this cannot read means the table was changed outside the service: that is
 * an internal error, not a user's, and its message names the column and the word.
 */
final class StoredStatus {
  private StoredStatus() {}

  static FindingStatus finding(String word) {
    return FindingStatus.fromWire(word).orElseThrow(() -> unknown("finding", word));
  }

  static ObligationStatus obligation(String word) {
    return ObligationStatus.fromWire(word).orElseThrow(() -> unknown("obligation", word));
  }

  static SubjectStatus subject(String kind, String word) {
    return SubjectStatus.fromWire(kind, word).orElseThrow(() -> unknown(kind, word));
  }

  /** A report's word in {@code column} ({@code kind}, {@code status}, ...), as {@code parsed}. */
  static <T> T reportWord(Optional<T> parsed, String column, String word) {
    return parsed.orElseThrow(() -> unknown("report " + column, word));
  }

  private static IllegalStateException unknown(String of, String word) {
    return new IllegalStateException(
        "the projection holds a " + of + " word the engine does not have: '" + word + "'");
  }
}
