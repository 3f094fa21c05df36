package org.umbrella.stress;

/**
 * How a stress test runs.
 *
 * @param samples runs under uncertainty per design (0: only the run as recorded)
 * @param seed the seed every sample's draws derive from
 * @param uncertainty what a sample redraws
 * @param sensitivity whether to also run {@code samples} samples per source of uncertainty alone,
 *     to rank which the outcome is most sensitive to
 * @param parallel whether runs use all cores (a parallel stream); the report is the same either way
 */
public record Settings(
    int samples, long seed, Uncertainty uncertainty, boolean sensitivity, boolean parallel) {
  public Settings {
    if (samples < 0 || samples > 1_000_000) {
      throw new IllegalArgumentException("samples must be in [0, 1000000], was " + samples);
    }
  }

  /** Only the run as recorded, in parallel. */
  public static Settings asRecorded() {
    return new Settings(0, 0, Uncertainty.ALL, false, true);
  }
}
