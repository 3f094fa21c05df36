package org.umbrella.negotiation.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.umbrella.negotiation.AnalysisLimitException;
import org.umbrella.negotiation.Draft;

/**
 * Seeded Monte Carlo over uncertain weights, values and reservations: for each package and draft,
 * the probability that every party accepts it.
 *
 * <p>Each draw takes every uncertain number uniformly from its range (piecewise-linear value curves
 * move together), normalises weights, and checks every candidate. Candidates are all packages that
 * meet every red line (red lines are not uncertain) and that could be acceptable under some draw:
 * an optimistic bound prunes the rest exactly, so no package with a non-zero probability is missed.
 * Same seed, same model: same numbers.
 */
public final class Robustness {
  /** Default limit on candidate packages. */
  public static final long DEFAULT_MAX_CANDIDATES = 2_000_000L;

  private Robustness() {}

  /**
   * A package and how often every party accepted it.
   *
   * @param point the package with its point-estimate utilities
   * @param probability share of draws in which every party accepted
   */
  public record Robust(Point point, double probability) {}

  /**
   * A draft's acceptance probabilities.
   *
   * @param draft the draft
   * @param all share of draws in which every party accepted
   * @param perParty share of draws in which each party accepted (red lines included)
   * @param withoutRedLine per red line (in {@link Scenario#redLines()} order), the share of draws
   *     in which every party would accept were that red line alone dropped: beside {@code all}, it
   *     shows which red line decides the result
   */
  public record DraftOdds(Draft draft, double all, double[] perParty, double[] withoutRedLine) {}

  /**
   * The outcome.
   *
   * @param samples number of draws
   * @param seed the seed
   * @param candidates packages that could be acceptable under some draw
   * @param top the most robust packages, best first (ties: larger point-estimate Nash product)
   * @param drafts per draft
   */
  public record Result(
      int samples, long seed, long candidates, List<Robust> top, List<DraftOdds> drafts) {}

  /**
   * Runs the simulation.
   *
   * @param s the point-estimate scenario (its model supplies the ranges)
   * @param top how many packages to rank; with 0, no candidate is enumerated and only the drafts'
   *     odds are computed ({@link Result#candidates()} is then 0)
   * @throws AnalysisLimitException when more than {@code maxCandidates} packages could be
   *     acceptable
   */
  public static Result run(
      Scenario s, int samples, long seed, int top, long maxCandidates, ProgressListener progress) {
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be positive, was " + samples);
    }
    List<int[]> candidates = new ArrayList<>();
    if (top > 0) {
      // Only a ranking of packages needs the candidates; draft odds alone do not.
      Analyzer.forEachAcceptable(s.optimistic(), maxCandidates, candidates::add);
    }
    int d = s.parties();
    int n = s.issues();
    int[] hits = new int[candidates.size()];
    List<Draft> drafts = s.model().drafts();
    int[][] draftParty = new int[drafts.size()][d];
    int[] draftAll = new int[drafts.size()];
    boolean[][] draftRedOk = new boolean[drafts.size()][d];
    List<CompiledRedLine> lines = s.redLines();
    int[][] brokenOf = new int[drafts.size()][d];
    boolean[][] breaks = new boolean[drafts.size()][lines.size()];
    int[][] draftWithout = new int[drafts.size()][lines.size()];
    for (int k = 0; k < drafts.size(); k++) {
      for (int j = 0; j < lines.size(); j++) {
        breaks[k][j] = !lines.get(j).holds(drafts.get(k).outcome());
        if (breaks[k][j]) {
          brokenOf[k][lines.get(j).party()]++;
        }
      }
      for (int p = 0; p < d; p++) {
        draftRedOk[k][p] = brokenOf[k][p] == 0;
      }
    }
    boolean[] reaches = new boolean[d];
    SplittableRandom random = new SplittableRandom(seed);
    for (int t = 0; t < samples; t++) {
      Scenario draw = s.sample(random);
      double[] r = draw.reservations();
      for (int c = 0; c < hits.length; c++) {
        int[] o = candidates.get(c);
        boolean ok = true;
        for (int p = 0; p < d && ok; p++) {
          double u = 0;
          for (int i = 0; i < n; i++) {
            u += draw.contribution(p, i, o[i]);
          }
          ok = u >= r[p] - Scenario.EPS;
        }
        if (ok) {
          hits[c]++;
        }
      }
      for (int k = 0; k < drafts.size(); k++) {
        double[] u = draw.utilities(drafts.get(k).outcome());
        boolean all = true;
        int refusing = 0;
        for (int p = 0; p < d; p++) {
          reaches[p] = u[p] >= r[p] - Scenario.EPS;
          boolean yes = draftRedOk[k][p] && reaches[p];
          if (yes) {
            draftParty[k][p]++;
          } else {
            refusing++;
          }
          all &= yes;
        }
        if (all) {
          draftAll[k]++;
        }
        for (int j = 0; j < lines.size(); j++) {
          int q = lines.get(j).party();
          boolean qWas = draftRedOk[k][q] && reaches[q];
          boolean qNow = reaches[q] && brokenOf[k][q] - (breaks[k][j] ? 1 : 0) == 0;
          if (refusing - (qWas ? 0 : 1) + (qNow ? 0 : 1) == 0) {
            draftWithout[k][j]++;
          }
        }
      }
      progress.progress("samples", t + 1, samples);
    }
    double[] r0 = s.reservations();
    List<Robust> robust = new ArrayList<>();
    for (int c = 0; c < hits.length; c++) {
      if (hits[c] > 0) {
        robust.add(
            new Robust(
                new Point(candidates.get(c), s.utilities(candidates.get(c))),
                hits[c] / (double) samples));
      }
    }
    List<Robust> best =
        robust.stream()
            .sorted(
                Comparator.comparingDouble((Robust x) -> -x.probability())
                    .thenComparingDouble(x -> -Solutions.nashProduct(x.point().utilities(), r0))
                    .thenComparing((a, b) -> Analyzer.lexicographic(a.point(), b.point())))
            .limit(Math.max(0, top))
            .toList();
    List<DraftOdds> odds = new ArrayList<>();
    for (int k = 0; k < drafts.size(); k++) {
      double[] per = new double[d];
      for (int p = 0; p < d; p++) {
        per[p] = draftParty[k][p] / (double) samples;
      }
      double[] without = new double[lines.size()];
      for (int j = 0; j < without.length; j++) {
        without[j] = draftWithout[k][j] / (double) samples;
      }
      odds.add(new DraftOdds(drafts.get(k), draftAll[k] / (double) samples, per, without));
    }
    return new Result(samples, seed, candidates.size(), best, odds);
  }

  /** Per draft id, for lookups. */
  public static Map<String, DraftOdds> byDraft(Result r) {
    Map<String, DraftOdds> m = new LinkedHashMap<>();
    r.drafts().forEach(o -> m.put(o.draft().id(), o));
    return m;
  }
}
