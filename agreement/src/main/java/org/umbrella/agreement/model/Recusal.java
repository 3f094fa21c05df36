package org.umbrella.agreement.model;

/** Whether a body's member named in a finding may vote on it. */
public enum Recusal {
  /** Every member votes. */
  NONE("none"),
  /** A member that is the actor of (or otherwise named in) the finding does not vote on it. */
  CONCERNED("concerned");

  private final String label;

  Recusal(String label) {
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
