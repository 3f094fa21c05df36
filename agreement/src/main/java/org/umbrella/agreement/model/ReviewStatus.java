package org.umbrella.agreement.model;

/**
 * The review status of an incident: {@code reported < corroborated < verified}; {@code rejected}
 * stands apart and never satisfies a minimum.
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

  /** The spelling in files. */
  public String label() {
    return label;
  }

  /** Whether an incident with this status meets the {@code minimum}; rejected meets none. */
  public boolean satisfies(ReviewStatus minimum) {
    return this != REJECTED && minimum != REJECTED && rank >= minimum.rank;
  }

  @Override
  public String toString() {
    return label;
  }
}
