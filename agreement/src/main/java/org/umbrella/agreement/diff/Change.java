package org.umbrella.agreement.diff;

/**
 * One difference between two versions of an agreement.
 *
 * @param section the part of the agreement: agreement, parties, guarantees, findings, provisions,
 *     consequences, bodies, places, sources
 * @param clause the id of the clause changed, or {@code ""} for the agreement's header
 * @param kind added, removed or changed
 * @param description what changed, in words ("term 10y -> 15y")
 */
public record Change(String section, String clause, Kind kind, String description) {

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

  /** {@code ~ security-guarantee: term 10y -> 15y}. */
  @Override
  public String toString() {
    return kind.sign() + " " + (clause.isEmpty() ? "" : clause + ": ") + description;
  }
}
