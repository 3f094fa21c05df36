package org.umbrella.negotiation.analysis;

import java.util.List;
import java.util.Optional;
import org.umbrella.negotiation.Draft;
import org.umbrella.negotiation.RedLine;

/**
 * How one draft fares with every party.
 *
 * @param draft the draft as written
 * @param utilities per party
 * @param broken the red lines it breaks (any party's)
 * @param accepts per party: no red line of that party broken and utility at least its reservation
 * @param dominated whether some acceptable frontier package is at least as good for everyone and
 *     better for someone
 * @param distanceToFrontier Euclidean distance in utility space to the nearest acceptable frontier
 *     package (NaN if none)
 * @param distanceToNash Euclidean distance to the Nash package (NaN if none)
 * @param repair the smallest change that makes the draft acceptable to all, when it is not and one
 *     exists
 * @param repairNote why there is no repair, when there is none and one was needed
 */
public record DraftScore(
    Draft draft,
    double[] utilities,
    List<RedLine> broken,
    boolean[] accepts,
    boolean dominated,
    double distanceToFrontier,
    double distanceToNash,
    Optional<Repair> repair,
    String repairNote) {
  public DraftScore {
    broken = List.copyOf(broken);
  }

  /** Whether every party accepts. */
  public boolean acceptableToAll() {
    for (boolean a : accepts) {
      if (!a) {
        return false;
      }
    }
    return true;
  }

  /**
   * A minimal repair: change the fewest issues; among those, the largest Nash product.
   *
   * @param changed the indices of the issues changed
   * @param point the repaired package and its utilities
   */
  public record Repair(List<Integer> changed, Point point) {
    public Repair {
      changed = List.copyOf(changed);
    }
  }
}
