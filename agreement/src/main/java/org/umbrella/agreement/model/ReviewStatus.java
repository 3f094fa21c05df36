package org.umbrella.agreement.model;

import java.util.Optional;

/**
 * How far an incident has been reviewed: {@code reported < corroborated < verified}; {@code
 * rejected} stands apart and never satisfies a minimum. The one review status of the project: the
 * agreement language names a minimum with it, the engine's incidents carry it, the store's review
 * rules move it and the service shows it (it lives here, in the lowest module all of them use).
 */
public enum ReviewStatus {
  REPORTED("reported", 0),
  CORROBORATED("corroborated", 1),
  VERIFIED("verified", 2),
  REJECTED("rejected", -1);

  private final String label;
  private final int rank; // the order of review; declaration order is not relied on

  ReviewStatus(String label, int rank) {
    this.label = label;
    this.rank = rank;
  }

  /** The spelling in files, on the wire and in the database. */
  public String label() {
    return label;
  }

  /**
   * The spelling in files, on the wire and in the database (the engine's JSON Lines name it so).
   */
  public String wireName() {
    return label;
  }

  /**
   * The order of review: 0 reported, 1 corroborated, 2 verified, and -1 for rejected, which is
   * outside the order (it satisfies no minimum). For encodings that need a number, such as a peer
   * engine's events; {@link #satisfies} is the comparison to use.
   */
  public int rank() {
    return rank;
  }

  /** Whether an incident with this status meets the {@code minimum}; rejected meets none. */
  public boolean satisfies(ReviewStatus minimum) {
    return this != REJECTED && minimum != REJECTED && rank >= minimum.rank;
  }

  /** The status spelled {@code name}, if any. */
  public static Optional<ReviewStatus> fromWire(String name) {
    for (ReviewStatus s : values()) {
      if (s.label.equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return label;
  }
}
