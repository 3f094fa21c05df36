package org.umbrella.negotiation.analysis;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The exact analysis of one scenario.
 *
 * @param spaceSize every package (product of option counts)
 * @param redLineFeasible packages meeting every red line
 * @param acceptable packages meeting every red line and every reservation value
 * @param feasibleFrontierSize size of the Pareto frontier of the red-line-feasible set
 * @param frontier the Pareto frontier of the acceptable set, ordered by package
 * @param ideal per party, the best utility over the acceptable set (empty when it is empty)
 * @param reservation per party
 * @param solutions the bargaining solutions on the acceptable frontier (empty when it is empty)
 * @param top the frontier packages with the largest Nash products, best first
 * @param emptiness when nothing is acceptable, which red lines and reservations make it so
 * @param blocks how many independent blocks red lines left (a measure of the pruning)
 * @param enumerated block assignments enumerated (the work actually done, versus spaceSize)
 */
// ideal and reservation are per-party vectors read by index in hot loops and reports; the record is
// a result handed out once, not a key, so array identity in equals does not matter here.
@SuppressWarnings("ArrayRecordComponent")
public record Analysis(
    BigInteger spaceSize,
    long redLineFeasible,
    long acceptable,
    int feasibleFrontierSize,
    List<Point> frontier,
    double[] ideal,
    double[] reservation,
    List<Solution> solutions,
    List<Point> top,
    List<String> emptiness,
    int blocks,
    long enumerated) {
  public Analysis {
    frontier = List.copyOf(frontier);
    solutions = List.copyOf(solutions);
    top = List.copyOf(top);
    emptiness = List.copyOf(emptiness);
  }

  /** The solution for a concept, if the acceptable set is non-empty. */
  public Optional<Solution> solution(Solution.Concept concept) {
    return solutions.stream().filter(s -> s.concept() == concept).findFirst();
  }
}
