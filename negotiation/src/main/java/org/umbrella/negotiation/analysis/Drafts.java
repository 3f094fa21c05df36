package org.umbrella.negotiation.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.umbrella.negotiation.Draft;
import org.umbrella.negotiation.RedLine;

/** Scores the model's drafts against every party and finds minimal repairs. */
public final class Drafts {
  /** The most packages a repair search examines per draft before it reports giving up. */
  public static final long REPAIR_BUDGET = 50_000_000L;

  private Drafts() {}

  /** Scores every draft of the scenario's model against the given analysis of the same scenario. */
  public static List<DraftScore> score(Scenario s, Analysis a) {
    List<DraftScore> out = new ArrayList<>();
    for (Draft d : s.model().drafts()) {
      out.add(score(s, a, d.outcome(), d));
    }
    return out;
  }

  /** Scores one package (a draft, or any package wrapped as one). */
  public static DraftScore score(Scenario s, Analysis a, int[] outcome, Draft d) {
    double[] u = s.utilities(outcome);
    List<RedLine> broken = s.broken(outcome);
    boolean[] accepts = new boolean[s.parties()];
    List<String> ids = s.model().partyIds();
    for (int p = 0; p < accepts.length; p++) {
      String id = ids.get(p);
      accepts[p] =
          u[p] >= s.reservation(p) - Scenario.EPS
              && broken.stream().noneMatch(r -> r.party().equals(id));
    }
    double toFrontier = Double.NaN;
    boolean dominated = false;
    for (Point f : a.frontier()) {
      double dist = f.distanceTo(u);
      toFrontier = Double.isNaN(toFrontier) ? dist : Math.min(toFrontier, dist);
      dominated |= ParetoFrontier.dominates(f.utilities(), u);
    }
    double toNash =
        a.solution(Solution.Concept.NASH).map(n -> n.point().distanceTo(u)).orElse(Double.NaN);
    Optional<DraftScore.Repair> repair = Optional.empty();
    String note = "";
    boolean all = true;
    for (boolean x : accepts) {
      all &= x;
    }
    if (!all) {
      if (a.acceptable() == 0) {
        note = "no package is acceptable to all, so no change can repair this draft";
      } else {
        repair = repair(s, outcome);
        if (repair.isEmpty()) {
          note = "no repair found within " + REPAIR_BUDGET + " packages examined";
        }
      }
    }
    return new DraftScore(d, u, broken, accepts, dominated, toFrontier, toNash, repair, note);
  }

  /**
   * The fewest issues to change so that every party accepts; among repairs of that size, the one
   * with the largest Nash product (ties: first in issue and option order).
   */
  public static Optional<DraftScore.Repair> repair(Scenario s, int[] draft) {
    int n = draft.length;
    int[] sizes = s.sizes();
    double[] r = s.reservations();
    long examined = 0;
    for (int k = 1; k <= n; k++) {
      int[] chosen = new int[k];
      for (int i = 0; i < k; i++) {
        chosen[i] = i;
      }
      Point best = null;
      int[] bestIssues = new int[0]; // set with best
      double bestScore = -1;
      while (true) {
        // enumerate alternatives (options other than the draft's) on the chosen issues
        int[] digit = new int[k];
        int[] o = draft.clone();
        boolean feasible = true;
        for (int j = 0; j < k; j++) {
          if (sizes[chosen[j]] < 2) {
            feasible = false;
          }
        }
        while (feasible) {
          for (int j = 0; j < k; j++) {
            int opt = digit[j] >= draft[chosen[j]] ? digit[j] + 1 : digit[j];
            o[chosen[j]] = opt;
          }
          if (++examined > REPAIR_BUDGET) {
            // Every smaller change was ruled out, so a repair found at this size is still minimal;
            // only the choice among repairs of this size may be incomplete.
            return best == null
                ? Optional.empty()
                : Optional.of(new DraftScore.Repair(toList(bestIssues), best));
          }
          if (s.acceptableToAll(o)) {
            double[] u = s.utilities(o);
            double score = Solutions.nashProduct(u, r);
            if (score > bestScore) {
              bestScore = score;
              best = new Point(o, u);
              bestIssues = chosen.clone();
            }
          }
          int j = k - 1;
          while (j >= 0 && ++digit[j] >= sizes[chosen[j]] - 1) {
            digit[j] = 0;
            j--;
          }
          if (j < 0) {
            break;
          }
        }
        int i = k - 1;
        while (i >= 0 && chosen[i] == n - k + i) {
          i--;
        }
        if (i < 0) {
          break;
        }
        chosen[i]++;
        for (int j = i + 1; j < k; j++) {
          chosen[j] = chosen[j - 1] + 1;
        }
      }
      if (best != null) {
        return Optional.of(new DraftScore.Repair(toList(bestIssues), best));
      }
    }
    return Optional.empty();
  }

  private static List<Integer> toList(int[] issues) {
    List<Integer> changed = new ArrayList<>();
    for (int c : issues) {
      changed.add(c);
    }
    return changed;
  }
}
