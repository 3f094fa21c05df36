package org.umbrella.negotiation.analysis;

/** Receives progress of a long analysis; the caller decides whether and how to show it. */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores progress. */
  ProgressListener NONE = (phase, done, total) -> {};

  /**
   * Reports that {@code done} of {@code total} units of {@code phase} are finished.
   *
   * @param phase a short name ("frontier", "counting", "samples")
   */
  void progress(String phase, long done, long total);
}
