package org.umbrella.negotiation.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.umbrella.negotiation.analysis.Analyzer;
import org.umbrella.negotiation.analysis.Point;
import org.umbrella.negotiation.analysis.Scenario;

/**
 * Mediated single-text negotiation (Raiffa's single negotiating text; Klein et al. 2003).
 *
 * <p>The mediator starts from a text (the first draft, or a seeded random package) and, each round,
 * proposes changing one issue to another option (seeded). Each party votes for the change when it
 * breaks no more of that party's red lines than the current text and is worth at least as much to
 * it, or when it breaks fewer of its red lines. The text changes only when every party votes for
 * it, so no party is ever made worse off. The result is the final text and whether every party
 * accepts it (red lines and reservations).
 *
 * <p>Strict improvement stalls on a text where every gain for one party is a loss for another. With
 * a time-dependent concession ({@link Strategy#BOULWARE}, {@link Strategy#LINEAR}, {@link
 * Strategy#CONCEDER}) each party also votes for a change that leaves it at least at its aspiration,
 * which falls from its best utility on the red-line frontier to its reservation as the rounds pass
 * ({@code min + (max - min)(1 - t^(1/e))}); a change must still break no more of its red lines.
 */
public final class Mediated {
  private Mediated() {}

  /**
   * Runs the mediation.
   *
   * @param start the starting text, or null for a seeded random package
   * @param rounds proposals the mediator makes, at least 1
   */
  public static Simulation run(Scenario s, int @Nullable [] start, int rounds, long seed) {
    return run(s, start, rounds, seed, null);
  }

  /**
   * Runs the mediation with parties that concede over time.
   *
   * @param concession a time-dependent strategy, or null for strict improvement only
   * @throws IllegalArgumentException for tit-for-tat, which has no meaning without offers
   */
  public static Simulation run(
      Scenario s, int @Nullable [] start, int rounds, long seed, @Nullable Strategy concession) {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
    }
    if (concession == Strategy.TIT_FOR_TAT) {
      throw new IllegalArgumentException(
          "mediated parties concede over time: use boulware, linear or conceder");
    }
    double[] best = new double[s.parties()];
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    if (concession != null) {
      List<Point> frontier = Analyzer.feasibleFrontier(s);
      for (int p = 0; p < best.length; p++) {
        final int q = p;
        best[p] = frontier.stream().mapToDouble(x -> x.utility(q)).max().orElse(1);
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] sizes = s.sizes();
    int[] text = start == null ? null : start.clone();
    if (text == null) {
      text = new int[sizes.length];
      for (int i = 0; i < sizes.length; i++) {
        text[i] = random.nextInt(sizes[i]);
      }
    }
    List<String> ids = s.model().partyIds();
    List<Step> trace = new ArrayList<>();
    trace.add(
        new Step(
            0,
            "mediator",
            Step.Action.PROPOSE,
            new Point(text, s.utilities(text)),
            start == null ? "random starting text" : "starting from the first draft"));
    int adopted = 0;
    for (int round = 1; round <= rounds; round++) {
      int issue = pickChangeable(sizes, random);
      if (issue < 0) {
        break;
      }
      int[] next = text.clone();
      int option = random.nextInt(sizes[issue] - 1);
      next[issue] = option >= text[issue] ? option + 1 : option;
      List<String> no = new ArrayList<>();
      double[] uNow = s.utilities(text);
      double[] uNext = s.utilities(next);
      double t = rounds == 1 ? 1 : (round - 1) / (double) (rounds - 1);
      for (int p = 0; p < ids.size(); p++) {
        String id = ids.get(p);
        double aspiration =
            concession == null
                ? Double.POSITIVE_INFINITY
                : Saop.target(
                    concession,
                    t,
                    Math.min(best[p], s.reservation(p)),
                    best[p],
                    Double.NaN,
                    Double.NaN);
        long brokenNow = s.broken(text).stream().filter(r -> r.party().equals(id)).count();
        long brokenNext = s.broken(next).stream().filter(r -> r.party().equals(id)).count();
        boolean yes =
            brokenNext < brokenNow
                || (brokenNext == brokenNow
                    && (uNext[p] >= uNow[p] - Scenario.EPS
                        || uNext[p] >= aspiration - Scenario.EPS));
        if (!yes) {
          no.add(id);
        }
      }
      String change =
          s.model().issues().get(issue).name()
              + " -> "
              + s.model().issues().get(issue).label(next[issue]);
      if (no.isEmpty()) {
        text = next;
        adopted++;
        trace.add(new Step(round, "mediator", Step.Action.ADOPT, new Point(text, uNext), change));
      } else {
        trace.add(
            new Step(
                round,
                "mediator",
                Step.Action.REJECT,
                new Point(next, uNext),
                change + "; rejected by " + String.join(", ", no)));
      }
    }
    Point end = new Point(text, s.utilities(text));
    boolean all = s.acceptableToAll(text);
    trace.add(
        new Step(
            rounds,
            "mediator",
            all ? Step.Action.AGREEMENT : Step.Action.DEADLINE,
            end,
            String.format(
                Locale.ROOT,
                "%d of %d proposals adopted; final text %s acceptable to all",
                adopted,
                rounds,
                all ? "is" : "is not")));
    return new Simulation(
        "mediated", seed, rounds, all ? Optional.of(end) : Optional.empty(), trace);
  }

  private static int pickChangeable(int[] sizes, SplittableRandom random) {
    int changeable = 0;
    for (int n : sizes) {
      if (n > 1) {
        changeable++;
      }
    }
    if (changeable == 0) {
      return -1;
    }
    int k = random.nextInt(changeable);
    for (int i = 0; i < sizes.length; i++) {
      if (sizes[i] > 1 && k-- == 0) {
        return i;
      }
    }
    throw new AssertionError("unreachable");
  }
}
