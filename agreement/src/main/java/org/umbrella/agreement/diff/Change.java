package org.umbrella.agreement.diff;

/**
 * One difference between two versions of an agreement.
 *
 * @param section the part of the agreement: agreement, parties, guarantees, findings, provisions,
 *     consequences, bodies, places, sources
 * @param clause the id of the clause changed, or {@code ""} for the agreement's header
 * @param kind added, removed or changed
 * @param description what changed, in words ("term 10y -> 15y")
 * @param modelled whether the values on either side are labelled modelled (so the change may be a
 *     modelling choice, not a change in the negotiated text)
 */
public record Change(
    String section, String clause, Kind kind, String description, Modelled modelled) {

  /** A change between values neither side labels modelled. */
  public Change(String section, String clause, Kind kind, String description) {
    this(section, clause, kind, description, Modelled.NEITHER);
  }

  /** Which side of a change holds a value labelled modelled. */
  public enum Modelled {
    /** Neither value is labelled modelled. */
    NEITHER(""),
    /** Both values are modelled: the change is the modeller's, not the negotiators'. */
    BOTH(" [modelled -> modelled: a modelling choice, not a negotiated change]"),
    /** The earlier value was modelled, the later one is not. */
    BEFORE(" [modelled -> not modelled]"),
    /** The later value is modelled, the earlier one was not. */
    AFTER(" [not modelled -> modelled]");

    private final String note;

    Modelled(String note) {
      this.note = note;
    }

    /** The marker printed after the change, or {@code ""}. */
    public String note() {
      return note;
    }

    /** The marker for two values, given whether each is labelled modelled. */
    public static Modelled of(boolean before, boolean after) {
      return before && after ? BOTH : before ? BEFORE : after ? AFTER : NEITHER;
    }
  }

  /** The kind of a change. */
  public enum Kind {
    ADDED("+"),
    REMOVED("-"),
    CHANGED("~");

    private final String sign;

    Kind(String sign) {
      this.sign = sign;
    }

    /** {@code +}, {@code -} or {@code ~}. */
    public String sign() {
      return sign;
    }
  }

  /** {@code ~ security-guarantee: term 10y -> 15y}, then the modelled marker if any. */
  @Override
  public String toString() {
    return kind.sign()
        + " "
        + (clause.isEmpty() ? "" : clause + ": ")
        + description
        + modelled.note();
  }
}
