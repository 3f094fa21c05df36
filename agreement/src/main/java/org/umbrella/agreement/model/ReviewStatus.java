package org.umbrella.agreement.model;

/**
 * The review status of an incident: {@code reported < corroborated < verified}; {@code rejected}
 * stands apart and never satisfies a minimum.
 */
public enum ReviewStatus {
  REPORTED("reported"),
  CORROBORATED("corroborated"),
  VERIFIED("verified"),
  REJECTED("rejected");

  private final String label;

  ReviewStatus(String label) {
    this.label = label;
  }

  /** The spelling in files. */
  public String label() {
    return label;
  }

  /** Whether an incident with this status meets the {@code minimum}; rejected meets none. */
  public boolean satisfies(ReviewStatus minimum) {
    return this != REJECTED && minimum != REJECTED && ordinal() >= minimum.ordinal();
  }

  @Override
  public String toString() {
    return label;
  }
}
