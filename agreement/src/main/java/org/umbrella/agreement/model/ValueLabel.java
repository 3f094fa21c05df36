package org.umbrella.agreement.model;

/**
 * Where one operative value of a clause comes from: stated by the cited sources, or modelled.
 *
 * <p>Paths name a clause and a field: {@code bodies.special-commission.quorum}, {@code
 * findings.significant-attack.over.at-least}, {@code
 * guarantees.security-guarantee.duties.consult.within}, {@code places.front-zone.km}, {@code
 * provisions.exchange.due.within}. The fields that carry labels are listed in
 * docs/agreement-format.md ("Modelled values").
 *
 * @param path the clause and field, dot-separated as above
 * @param origin whether the sources state the value or the modeller chose it
 * @param reason why the value was chosen (for a modelled value), or {@code ""} for a stated one
 */
public record ValueLabel(String path, Origin origin, String reason) {

  /** Where a value comes from. */
  public enum Origin {
    /** The clause's cited sources give the value. */
    STATED,
    /** The sources do not give it; the modeller chose it, for the reason recorded. */
    MODELLED
  }

  /** Whether the value is the modeller's choice. */
  public boolean isModelled() {
    return origin == Origin.MODELLED;
  }
}
