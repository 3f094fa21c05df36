package org.umbrella.negotiation.analysis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.umbrella.negotiation.AnalysisLimitException;
import org.umbrella.negotiation.NegotiatedIssue;
import org.umbrella.negotiation.RedLine;

/**
 * Exact analysis of a scenario's outcome space without enumerating it package by package.
 *
 * <p>The frontier: red lines split the issues into independent blocks ({@link Blocks}); utility is
 * additive over blocks, and a package whose part in one block is dominated within that block is
 * dominated outright, so the frontier of the whole space is found by folding blocks in one at a
 * time, keeping only the frontier of (frontier so far) + (block frontier). Each step's frontier
 * comes from {@link ParetoFrontier} (sort-filter-skyline). The frontier of the acceptable set is
 * the feasible frontier restricted to packages reaching every reservation (a dominating package
 * reaches them too). Counting the acceptable packages is a depth-first walk over blocks that prunes
 * a subtree when some party cannot reach its reservation even with its best remaining options, and
 * counts a subtree whole when every party reaches it even with its worst.
 */
public final class Analyzer {
  /** Largest candidate set one folding step may build (utility vectors held at once). */
  public static final long MAX_FOLD_CANDIDATES = 40_000_000L;

  private Analyzer() {}

  /**
   * Analyses the whole space exactly.
   *
   * @param top how many frontier packages to list by Nash product
   * @throws AnalysisLimitException if red lines tie too many issues together, or a frontier
   *     outgrows memory limits
   */
  public static Analysis analyze(Scenario s, int top, ProgressListener progress) {
    Blocks blocks = new Blocks(s, Set.of());
    List<Point> feasibleFrontier = frontier(s, blocks, progress);
    double[] r = s.reservations();
    List<Point> frontier =
        feasibleFrontier.stream().filter(p -> s.acceptableToAll(p.outcome())).toList();
    long acceptable = count(blocks, s.thresholds(), progress);
    double[] ideal = new double[s.parties()];
    List<Solution> solutions = List.of();
    List<Point> best = List.of();
    List<String> emptiness = List.of();
    if (frontier.isEmpty()) {
      ideal = new double[0];
      emptiness = explainEmpty(s, blocks);
    } else {
      Arrays.fill(ideal, Double.NEGATIVE_INFINITY);
      for (Point p : frontier) {
        for (int i = 0; i < ideal.length; i++) {
          ideal[i] = Math.max(ideal[i], p.utility(i));
        }
      }
      solutions = Solutions.all(frontier, r, ideal);
      best =
          frontier.stream()
              .sorted(
                  Comparator.comparingDouble((Point p) -> -Solutions.nashProduct(p.utilities(), r))
                      .thenComparing(Analyzer::lexicographic))
              .limit(Math.max(0, top))
              .toList();
    }
    return new Analysis(
        spaceSize(s),
        blocks.feasibleCount(),
        acceptable,
        feasibleFrontier.size(),
        frontier,
        ideal,
        r,
        solutions,
        best,
        emptiness,
        blocks.blocks.size(),
        blocks.enumerated);
  }

  /**
   * The Pareto frontier of the packages meeting every red line (reservations ignored), ordered by
   * package.
   */
  public static List<Point> feasibleFrontier(Scenario s) {
    return frontier(s, new Blocks(s, Set.of()), ProgressListener.NONE);
  }

  /** The number of packages meeting every red line and reservation. */
  public static long countAcceptable(Scenario s) {
    return count(new Blocks(s, Set.of()), s.thresholds(), ProgressListener.NONE);
  }

  static BigInteger spaceSize(Scenario s) {
    BigInteger n = BigInteger.ONE;
    for (int size : s.sizes()) {
      n = n.multiply(BigInteger.valueOf(size));
    }
    return n;
  }

  static boolean reaches(double[] u, double[] r) {
    for (int p = 0; p < u.length; p++) {
      if (u[p] < r[p] - Scenario.EPS) {
        return false;
      }
    }
    return true;
  }

  static int lexicographic(Point a, Point b) {
    return Arrays.compare(a.outcome(), b.outcome());
  }

  private static List<Point> frontier(Scenario s, Blocks blocks, ProgressListener progress) {
    int d = s.parties();
    if (blocks.constantlyFalse || blocks.feasibleCount() == 0) {
      return List.of();
    }
    double[] cur = new double[d];
    int curN = 1;
    List<int[]> parents = new ArrayList<>();
    List<int[]> picks = new ArrayList<>();
    int level = 0;
    for (Blocks.Block b : blocks.blocks) {
      int[] bf = ParetoFrontier.indices(b.vectors, b.count, d);
      long candidates = (long) curN * bf.length;
      if (candidates > MAX_FOLD_CANDIDATES) {
        throw new AnalysisLimitException(
            "the frontier grew to "
                + curN
                + " packages before issue block "
                + (level + 1)
                + " of "
                + blocks.blocks.size()
                + ", giving "
                + candidates
                + " candidates (limit "
                + MAX_FOLD_CANDIDATES
                + "); fewer parties or coarser numeric steps keep it exact and in memory");
      }
      int n = (int) candidates;
      double[] cand = new double[n * d];
      for (int i = 0; i < curN; i++) {
        for (int j = 0; j < bf.length; j++) {
          int c = (i * bf.length + j) * d;
          int v = bf[j] * d;
          for (int p = 0; p < d; p++) {
            cand[c + p] = cur[i * d + p] + b.vectors[v + p];
          }
        }
      }
      int[] keep = ParetoFrontier.indices(cand, n, d);
      double[] next = new double[keep.length * d];
      int[] parent = new int[keep.length];
      int[] pick = new int[keep.length];
      for (int k = 0; k < keep.length; k++) {
        System.arraycopy(cand, keep[k] * d, next, k * d, d);
        parent[k] = keep[k] / bf.length;
        pick[k] = bf[keep[k] % bf.length];
      }
      parents.add(parent);
      picks.add(pick);
      cur = next;
      curN = keep.length;
      progress.progress("frontier", ++level, blocks.blocks.size());
    }
    List<Point> out = new ArrayList<>(curN);
    for (int f = 0; f < curN; f++) {
      int[] outcome = new int[s.issues()];
      int at = f;
      for (int l = blocks.blocks.size() - 1; l >= 0; l--) {
        Blocks.Block b = blocks.blocks.get(l);
        int pick = picks.get(l)[at];
        for (int j = 0; j < b.issues.length; j++) {
          outcome[b.issues[j]] = b.choices[pick * b.issues.length + j];
        }
        at = parents.get(l)[at];
      }
      double[] u = new double[d];
      for (int p = 0; p < d; p++) {
        u[p] = s.utilityOfScaled(p, cur[f * d + p]);
      }
      out.add(new Point(outcome, u));
    }
    out.sort(Analyzer::lexicographic);
    return out;
  }

  /**
   * Counts packages whose scaled sums reach every threshold {@code r} ({@link Scenario#threshold}).
   */
  static long count(Blocks blocks, double[] r, ProgressListener progress) {
    if (blocks.constantlyFalse || blocks.feasibleCount() == 0) {
      return 0;
    }
    int nb = blocks.blocks.size();
    int d = blocks.parties;
    double[][] sufMax = new double[nb + 1][d];
    double[][] sufMin = new double[nb + 1][d];
    long[] sufCount = new long[nb + 1];
    sufCount[nb] = 1;
    for (int l = nb - 1; l >= 0; l--) {
      Blocks.Block b = blocks.blocks.get(l);
      for (int p = 0; p < d; p++) {
        sufMax[l][p] = sufMax[l + 1][p] + b.max[p];
        sufMin[l][p] = sufMin[l + 1][p] + b.min[p];
      }
      sufCount[l] = Math.multiplyExact(sufCount[l + 1], (long) b.count);
    }
    double[][] partial = new double[nb + 1][d];
    Blocks.Block first = blocks.blocks.getFirst();
    long total = 0;
    for (int a = 0; a < first.count; a++) {
      for (int p = 0; p < d; p++) {
        partial[1][p] = first.vectors[a * d + p];
      }
      total += countFrom(blocks, 1, partial, sufMax, sufMin, sufCount, r);
      progress.progress("counting", a + 1, first.count);
    }
    return total;
  }

  /** Receives acceptable packages from {@link #forEachAcceptable}. */
  interface PackageVisitor {
    void visit(int[] outcome);
  }

  /**
   * Visits every package meeting every red line and reservation, with the same pruning as counting.
   *
   * @throws AnalysisLimitException when there are more than {@code limit}
   */
  static long forEachAcceptable(Scenario s, long limit, PackageVisitor visitor) {
    Blocks blocks = new Blocks(s, Set.of());
    if (blocks.constantlyFalse || blocks.feasibleCount() == 0) {
      return 0;
    }
    int nb = blocks.blocks.size();
    int d = blocks.parties;
    double[] r = s.thresholds();
    double[][] sufMax = new double[nb + 1][d];
    for (int l = nb - 1; l >= 0; l--) {
      for (int p = 0; p < d; p++) {
        sufMax[l][p] = sufMax[l + 1][p] + blocks.blocks.get(l).max[p];
      }
    }
    long[] seen = {0};
    visit(blocks, 0, new double[nb + 1][d], sufMax, r, new int[s.issues()], limit, seen, visitor);
    return seen[0];
  }

  private static void visit(
      Blocks blocks,
      int level,
      double[][] partial,
      double[][] sufMax,
      double[] r,
      int[] outcome,
      long limit,
      long[] seen,
      PackageVisitor visitor) {
    double[] part = partial[level];
    int d = part.length;
    for (int p = 0; p < d; p++) {
      if (part[p] + sufMax[level][p] < r[p]) {
        return;
      }
    }
    if (level == blocks.blocks.size()) {
      if (++seen[0] > limit) {
        throw new AnalysisLimitException(
            "more than "
                + limit
                + " packages could be acceptable under some draw of the uncertain"
                + " weights and values; narrow the ranges or raise the candidate limit");
      }
      visitor.visit(outcome.clone());
      return;
    }
    Blocks.Block b = blocks.blocks.get(level);
    double[] next = partial[level + 1];
    int m = b.issues.length;
    for (int a = 0; a < b.count; a++) {
      for (int p = 0; p < d; p++) {
        next[p] = part[p] + b.vectors[a * d + p];
      }
      for (int j = 0; j < m; j++) {
        outcome[b.issues[j]] = b.choices[a * m + j];
      }
      visit(blocks, level + 1, partial, sufMax, r, outcome, limit, seen, visitor);
    }
  }

  private static long countFrom(
      Blocks blocks,
      int level,
      double[][] partial,
      double[][] sufMax,
      double[][] sufMin,
      long[] sufCount,
      double[] r) {
    double[] part = partial[level];
    int d = part.length;
    boolean all = true;
    for (int p = 0; p < d; p++) {
      if (part[p] + sufMax[level][p] < r[p]) {
        return 0;
      }
      all &= part[p] + sufMin[level][p] >= r[p];
    }
    if (all) {
      return sufCount[level];
    }
    if (level == blocks.blocks.size()) {
      return 0; // not all reached, and nothing remains to add
    }
    Blocks.Block b = blocks.blocks.get(level);
    double[] next = partial[level + 1];
    long c = 0;
    for (int a = 0; a < b.count; a++) {
      for (int p = 0; p < d; p++) {
        next[p] = part[p] + b.vectors[a * d + p];
      }
      c += countFrom(blocks, level + 1, partial, sufMax, sufMin, sufCount, r);
    }
    return c;
  }

  private static List<String> explainEmpty(Scenario s, Blocks blocks) {
    List<String> why = new ArrayList<>();
    List<CompiledRedLine> lines = s.redLines();
    List<String> parties = s.model().partyIds();
    for (CompiledRedLine l : lines) {
      if (l.table().isEmpty()) {
        why.add(
            name(parties, l)
                + " can never hold: no option of "
                + issueNames(s, l.issues())
                + " satisfies it");
      }
    }
    if (blocks.feasibleCount() == 0) {
      for (int a = 0; a < lines.size(); a++) {
        for (int b = a + 1; b < lines.size(); b++) {
          if (!lines.get(a).table().isEmpty()
              && !lines.get(b).table().isEmpty()
              && !jointlySatisfiable(s, lines.get(a), lines.get(b))) {
            why.add(
                name(parties, lines.get(a))
                    + " and "
                    + name(parties, lines.get(b))
                    + " cannot both hold (no choice of "
                    + issueNames(s, union(lines.get(a).issues(), lines.get(b).issues()))
                    + " satisfies both)");
          }
        }
      }
    } else {
      for (int p = 0; p < s.parties(); p++) {
        double best = 0;
        for (Blocks.Block b : blocks.blocks) {
          best += b.max[p];
        }
        if (best < s.threshold(p)) {
          why.add(
              parties.get(p)
                  + " cannot reach its reservation "
                  + fmt(s.reservation(p))
                  + " within everyone's red lines: its best is "
                  + fmt(s.utilityOfScaled(p, best)));
        }
      }
    }
    for (int r = 0; r < lines.size(); r++) {
      Blocks without = new Blocks(s, Set.of(r));
      long n = count(without, s.thresholds(), ProgressListener.NONE);
      if (n > 0) {
        why.add(
            "dropping "
                + name(parties, lines.get(r))
                + " alone would make "
                + n
                + " package(s) acceptable to all");
      }
    }
    if (why.isEmpty()) {
      why.add(
          "every party's red lines can be met together, but no package gives every party its reservation at once;"
              + " no single red line's removal changes that");
    }
    return why;
  }

  private static boolean jointlySatisfiable(Scenario s, CompiledRedLine a, CompiledRedLine b) {
    int[] read = union(a.issues(), b.issues());
    int[] sizes = s.sizes();
    long combos = 1;
    for (int i : read) {
      combos *= sizes[i];
      if (combos > 4_000_000) {
        return true; // too large to decide here; do not claim a conflict
      }
    }
    int[] outcome = new int[sizes.length];
    int[] digit = new int[read.length];
    for (long c = 0; c < combos; c++) {
      if (a.holds(outcome) && b.holds(outcome)) {
        return true;
      }
      for (int j = read.length - 1; j >= 0; j--) {
        if (++digit[j] < sizes[read[j]]) {
          outcome[read[j]] = digit[j];
          break;
        }
        digit[j] = 0;
        outcome[read[j]] = 0;
      }
    }
    return false;
  }

  private static int[] union(int[] a, int[] b) {
    BitSet set = new BitSet();
    for (int i : a) {
      set.set(i);
    }
    for (int i : b) {
      set.set(i);
    }
    return set.stream().toArray();
  }

  private static String issueNames(Scenario s, int[] issues) {
    List<NegotiatedIssue> all = s.model().issues();
    return String.join(", ", Arrays.stream(issues).mapToObj(i -> all.get(i).name()).toList());
  }

  static String name(List<String> parties, CompiledRedLine l) {
    RedLine r = l.source();
    return parties.get(l.party()) + "'s red line \"" + r.condition() + "\" (" + r.at() + ")";
  }

  static String fmt(double x) {
    return String.format(Locale.ROOT, "%.4f", x);
  }
}
