package org.umbrella.negotiation.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.umbrella.negotiation.analysis.Analyzer;
import org.umbrella.negotiation.analysis.Point;
import org.umbrella.negotiation.analysis.Scenario;

/**
 * The stacked alternating offers protocol (Aydoğan et al. 2017) for any number of parties.
 *
 * <p>Parties act in turn, in model order. The first party makes an offer; each next party either
 * accepts the standing offer or replaces it with its own. An offer is agreed when every other party
 * has accepted it in a row. After {@code rounds} full rounds without agreement the negotiation ends
 * with none.
 *
 * <p>Offers are drawn from the Pareto frontier of the packages meeting every party's red lines
 * (informed agents: nobody offers a package that breaks a red line or that another package beats
 * for everyone). A party offers, among frontier packages worth at least its target to it, one of
 * those closest to the target (within 0.01), picked with the seeded random generator. It accepts a
 * standing offer worth at least its current target and its reservation. A party whose best such
 * package is below its reservation walks away before the first offer.
 */
public final class Saop {
  private Saop() {}

  /**
   * Runs the protocol.
   *
   * @param strategies one per party, in party order
   * @param rounds the deadline in full rounds, at least 1
   */
  public static Simulation run(Scenario s, List<Strategy> strategies, int rounds, long seed) {
    int n = s.parties();
    if (strategies.size() != n) {
      throw new IllegalArgumentException(
          "need one strategy per party (" + n + "), got " + strategies.size());
    }
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
    }
    List<String> ids = s.model().partyIds();
    List<Point> frontier = Analyzer.feasibleFrontier(s);
    List<Step> trace = new ArrayList<>();
    if (frontier.isEmpty()) {
      trace.add(
          new Step(
              0,
              "-",
              Step.Action.DEADLINE,
              null,
              "no package meets every party's red lines; nothing can be offered"));
      return new Simulation("saop", seed, 0, Optional.empty(), trace);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] max = new double[n];
    double[] min = new double[n];
    for (int p = 0; p < n; p++) {
      final int q = p;
      max[p] = frontier.stream().mapToDouble(x -> x.utility(q)).max().orElseThrow();
      min[p] =
          Math.min(
              max[p],
              Math.max(
                  s.reservation(p),
                  frontier.stream().mapToDouble(x -> x.utility(q)).min().orElseThrow()));
    }
    for (int p = 0; p < n; p++) {
      if (max[p] < s.reservation(p) - Scenario.EPS) {
        trace.add(
            new Step(
                0,
                ids.get(p),
                Step.Action.DEADLINE,
                null,
                String.format(
                    Locale.ROOT,
                    "no package meeting every red line reaches %s's reservation %.4f (best %.4f); %s walks away",
                    ids.get(p),
                    s.reservation(p),
                    max[p],
                    ids.get(p))));
        return new Simulation("saop", seed, 0, Optional.empty(), trace);
      }
    }
    double[] firstReceived = new double[n];
    double[] bestReceived = new double[n];
    Arrays.fill(firstReceived, Double.NaN);
    Point standing = null;
    int accepts = 0;
    int turns = rounds * n;
    for (int turn = 0; turn < turns; turn++) {
      int p = turn % n;
      int round = turn / n + 1;
      double t = turn / (double) Math.max(1, turns - 1);
      if (standing != null) {
        double u = standing.utility(p);
        if (Double.isNaN(firstReceived[p])) {
          firstReceived[p] = u;
          bestReceived[p] = u;
        }
        bestReceived[p] = Math.max(bestReceived[p], u);
      }
      double target =
          target(strategies.get(p), t, min[p], max[p], firstReceived[p], bestReceived[p]);
      if (standing != null
          && standing.utility(p) >= target - Scenario.EPS
          && standing.utility(p) >= s.reservation(p) - Scenario.EPS) {
        accepts++;
        trace.add(
            new Step(
                round,
                ids.get(p),
                Step.Action.ACCEPT,
                standing,
                String.format(Locale.ROOT, "target %.4f", target)));
        if (accepts == n - 1) {
          trace.add(
              new Step(round, "-", Step.Action.AGREEMENT, standing, "every other party accepted"));
          return new Simulation("saop", seed, round, Optional.of(standing), trace);
        }
        continue;
      }
      standing = offer(frontier, p, target, random);
      accepts = 0;
      trace.add(
          new Step(
              round,
              ids.get(p),
              Step.Action.OFFER,
              standing,
              String.format(Locale.ROOT, "target %.4f (%s)", target, strategies.get(p).label())));
    }
    trace.add(
        new Step(
            rounds, "-", Step.Action.DEADLINE, standing, "deadline reached without agreement"));
    return new Simulation("saop", seed, rounds, Optional.empty(), trace);
  }

  static double target(
      Strategy st, double t, double min, double max, double firstReceived, double bestReceived) {
    if (st == Strategy.TIT_FOR_TAT) {
      double conceded = Double.isNaN(firstReceived) ? 0 : Math.max(0, bestReceived - firstReceived);
      return Math.max(min, max - conceded);
    }
    return min + (max - min) * (1 - Math.pow(t, 1 / st.exponent()));
  }

  private static Point offer(List<Point> frontier, int p, double target, SplittableRandom random) {
    List<Point> above =
        frontier.stream().filter(x -> x.utility(p) >= target - Scenario.EPS).toList();
    if (above.isEmpty()) {
      return frontier.stream().max(Comparator.comparingDouble(x -> x.utility(p))).orElseThrow();
    }
    double lowest = above.stream().mapToDouble(x -> x.utility(p)).min().orElseThrow();
    List<Point> near = above.stream().filter(x -> x.utility(p) <= lowest + 0.01).toList();
    return near.get(random.nextInt(near.size()));
  }
}
