package org.umbrella.negotiation.analysis;

/**
 * A bargaining solution found on the frontier of the acceptable set.
 *
 * @param concept which solution ({@link Concept})
 * @param point the package and its utilities
 * @param score the value the concept optimises at this point (product, minimum, sum, asymmetry)
 */
public record Solution(Concept concept, Point point, double score) {
  /** The solution concepts, each with its exact convention (docs/negotiation.md). */
  public enum Concept {
    /** Maximises the product of gains over reservation values. */
    NASH("Nash", "max product of (u_i - r_i) over the acceptable frontier"),
    /**
     * Kalai-Smorodinsky on the ideal point: maximises the smallest share of each party's possible
     * gain.
     */
    KALAI_SMORODINSKY(
        "Kalai-Smorodinsky",
        "max min_i (u_i - r_i)/(ideal_i - r_i); ties: larger sum of those shares"),
    /** GENIUS's variant: the most even frontier point, regardless of ideal or reservation. */
    GENIUS_KS("GENIUS KS", "min sum over pairs i<j of |u_i - u_j| over the acceptable frontier"),
    /** Maximises the worst-off party's gain over reservation. */
    EGALITARIAN("egalitarian", "max min_i (u_i - r_i); ties: larger sum of utilities"),
    /** Maximises the sum of utilities (social welfare). */
    UTILITARIAN("utilitarian", "max sum_i u_i; ties: larger Nash product");

    private final String title;
    private final String convention;

    Concept(String title, String convention) {
      this.title = title;
      this.convention = convention;
    }

    public String title() {
      return title;
    }

    public String convention() {
      return convention;
    }
  }
}
