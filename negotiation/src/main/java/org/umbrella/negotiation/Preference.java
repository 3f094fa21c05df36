package org.umbrella.negotiation;

import java.util.List;
import java.util.Map;

/**
 * One party's linear-additive preferences: utility = sum over issues of weight x value.
 *
 * <p>When {@code normaliseWeights} is true (negotiation files), weights are normalised to sum to 1
 * wherever they are used (the midpoints for point analyses, each draw in Monte Carlo). When it is
 * false (GENIUS profiles, as GENIUS loads them), weights are used as written and a utility above 1
 * is capped at 1, as GENIUS's {@code AdditiveUtilitySpace.getUtility} does. Issues without a weight
 * count 0. Values are on 0..1.
 *
 * @param party the party id
 * @param weights per issue, possibly a range
 * @param values per issue with a weight
 * @param reservation the utility below which the party prefers no agreement
 * @param redLines conditions every acceptable package must meet
 * @param cites sources for the preferences as a whole
 * @param assumption who set the weights and on what basis (e.g. "analyst assumption")
 * @param normaliseWeights whether weights are divided by their sum (true) or used as written with
 *     utility capped at 1 (false, GENIUS's semantics)
 */
public record Preference(
    String party,
    Map<String, Interval> weights,
    Map<String, ValueFunction> values,
    Interval reservation,
    List<RedLine> redLines,
    List<String> cites,
    String assumption,
    boolean normaliseWeights) {
  /** Preferences whose weights are normalised to sum to 1 (the negotiation file's convention). */
  public Preference(
      String party,
      Map<String, Interval> weights,
      Map<String, ValueFunction> values,
      Interval reservation,
      List<RedLine> redLines,
      List<String> cites,
      String assumption) {
    this(party, weights, values, reservation, redLines, cites, assumption, true);
  }

  public Preference {
    weights = Map.copyOf(weights);
    values = Map.copyOf(values);
    redLines = List.copyOf(redLines);
    cites = List.copyOf(cites);
  }
}
