package org.umbrella.evidence.importers;

import org.umbrella.engine.input.Incident;

/** What became of one input row: an incident, or a rejection with the reason. */
public sealed interface RowOutcome {
  /** The 1-based data row (the header is not counted). */
  long row();

  /** The 1-based line of the file where the row starts (rows may span lines inside quotes). */
  long line();

  /** The row mapped to a canonical incident. */
  record Imported(long row, long line, Incident incident) implements RowOutcome {}

  /** The row could not be mapped; {@code reason} says why, naming the column. */
  record Rejected(long row, long line, String reason) implements RowOutcome {
    @Override
    public String toString() {
      return "row " + row + " (line " + line + "): " + reason;
    }
  }
}
