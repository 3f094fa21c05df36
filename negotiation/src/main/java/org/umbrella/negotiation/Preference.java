package org.umbrella.negotiation;

import java.util.List;
import java.util.Map;

/**
 * One party's linear-additive preferences: utility = sum over issues of weight x value.
 *
 * <p>Weights are normalised to sum to 1 wherever they are used (the midpoints for point
 * analyses, each draw in Monte Carlo); issues without a weight count 0. Values are on 0..1.
 *
 * @param party the party id
 * @param weights per issue, possibly a range
 * @param values per issue with a weight
 * @param reservation the utility below which the party prefers no agreement
 * @param redLines conditions every acceptable package must meet
 * @param cites sources for the preferences as a whole
 * @param assumption who set the weights and on what basis (e.g. "analyst assumption")
 */
public record Preference(
    String party,
    Map<String, Interval> weights,
    Map<String, ValueFunction> values,
    Interval reservation,
    List<RedLine> redLines,
    List<String> cites,
    String assumption) {
  public Preference {
    weights = Map.copyOf(weights);
    values = Map.copyOf(values);
    redLines = List.copyOf(redLines);
    cites = List.copyOf(cites);
  }
}
