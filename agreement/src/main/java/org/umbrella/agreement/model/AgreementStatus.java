package org.umbrella.agreement.model;

/** Where an agreement stands in its life: from a draft to its end. */
public enum AgreementStatus {
  DRAFT("draft"),
  SIGNED("signed"),
  IN_FORCE("in-force"),
  SUSPENDED("suspended"),
  TERMINATED("terminated");

  private final String label;

  AgreementStatus(String label) {
    this.label = label;
  }

  /** The spelling in files. */
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
