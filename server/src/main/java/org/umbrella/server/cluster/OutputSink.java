package org.umbrella.server.cluster;

import java.util.List;

/** The one ledger writer the bridge hands the engine's committed outputs to. */
public interface OutputSink {
  /** The number of the last journal entry whose outputs are on record (0 if none). */
  long lastRecorded();

  /**
   * Records, in one transaction, the outputs (canonical JSON lines, in the engine's order) that the
   * journal entry {@code journalSeq} produced. Called in journal order, at most once per entry that
   * has outputs and is after {@link #lastRecorded()}.
   */
  void record(long journalSeq, List<String> lines);
}
