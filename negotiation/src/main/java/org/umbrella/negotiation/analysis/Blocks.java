package org.umbrella.negotiation.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.umbrella.negotiation.AnalysisLimitException;

/**
 * The outcome space cut into independent blocks of issues, each with its feasible assignments.
 *
 * <p>Red lines that read one issue remove options from that issue. Red lines that read several
 * issues tie them into one block (union-find); each block's assignments are enumerated once,
 * checked against the block's red lines, and kept with their utility vectors. Because utility is
 * additive and every red line lives inside one block, a package is feasible exactly when each of
 * its block parts is, and its utility is the sum of its parts' vectors.
 */
final class Blocks {
  /** Largest number of assignments enumerated for one block. */
  static final long MAX_BLOCK_ENUMERATION = 2_000_000_000L;

  /** Largest number of feasible assignments kept for one block. */
  static final int MAX_BLOCK_FEASIBLE = 8_000_000;

  final int parties;
  final List<Block> blocks = new ArrayList<>();

  /** Whether some red line reads no issue and is false, so nothing is feasible. */
  final boolean constantlyFalse;

  long enumerated;

  /** One block: its issues, and its feasible assignments with vectors. */
  static final class Block {
    final int[] issues;
    int count;
    int[] choices = new int[0]; // count x issues.length
    double[] vectors = new double[0]; // count x parties
    double[] max = new double[0]; // per party
    double[] min = new double[0];

    Block(int[] issues) {
      this.issues = issues;
    }
  }

  Blocks(Scenario s, Set<Integer> droppedRedLines) {
    this.parties = s.parties();
    int n = s.issues();
    int[] sizes = s.sizes();
    boolean[][] allowed = new boolean[n][];
    for (int i = 0; i < n; i++) {
      allowed[i] = new boolean[sizes[i]];
      Arrays.fill(allowed[i], true);
    }
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    boolean falseConstant = false;
    List<CompiledRedLine> pending = new ArrayList<>();
    List<CompiledRedLine> all = s.redLines();
    for (int r = 0; r < all.size(); r++) {
      if (droppedRedLines.contains(r)) {
        continue;
      }
      CompiledRedLine line = all.get(r);
      if (line.issues().length == 0) {
        falseConstant |= !line.table().get(0);
      } else if (line.issues().length == 1) {
        int i = line.issues()[0];
        for (int k = 0; k < sizes[i]; k++) {
          allowed[i][k] &= line.table().get(k);
        }
      } else {
        pending.add(line);
      }
    }
    List<CompiledRedLine> multi = propagate(pending, allowed);
    for (CompiledRedLine line : multi) {
      for (int j = 1; j < line.issues().length; j++) {
        union(parent, line.issues()[0], line.issues()[j]);
      }
    }
    this.constantlyFalse = falseConstant;
    List<List<Integer>> groups = new ArrayList<>();
    int[] groupOf = new int[n];
    Arrays.fill(groupOf, -1);
    for (int i = 0; i < n; i++) {
      int root = find(parent, i);
      if (groupOf[root] < 0) {
        groupOf[root] = groups.size();
        groups.add(new ArrayList<>());
      }
      groups.get(groupOf[root]).add(i);
    }
    for (List<Integer> g : groups) {
      int[] issues = g.stream().mapToInt(Integer::intValue).toArray();
      Block b = new Block(issues);
      List<CompiledRedLine> inside = multi.stream().filter(l -> g.contains(l.issues()[0])).toList();
      enumerate(s, b, allowed, inside);
      blocks.add(b);
    }
  }

  /**
   * Issue-wise constraint propagation over red lines that read several issues: an option with no
   * satisfying combination of the other issues' remaining options is removed (to a fixpoint), and a
   * red line that then holds for every remaining combination is dropped, so it ties no issues
   * together. {@code "nato != 'open-door' && guarantee != 'nato-membership'"} thus becomes two
   * option removals and no block. Returns the red lines that still constrain combinations.
   */
  private static List<CompiledRedLine> propagate(List<CompiledRedLine> lines, boolean[][] allowed) {
    List<CompiledRedLine> live = new ArrayList<>(lines);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Iterator<CompiledRedLine> it = live.iterator(); it.hasNext(); ) {
        CompiledRedLine line = it.next();
        int[] read = line.issues();
        int m = read.length;
        boolean[][] supported = new boolean[m][];
        int[] radix = new int[m];
        for (int j = 0; j < m; j++) {
          supported[j] = new boolean[allowed[read[j]].length];
          radix[j] = allowed[read[j]].length;
        }
        long combos = 1;
        for (int r : radix) {
          combos *= r;
        }
        long allowedCombos = 0;
        long satisfied = 0;
        int[] digit = new int[m];
        for (long idx = 0; idx < combos; idx++) {
          boolean ok = true;
          int index = 0;
          for (int j = 0; j < m; j++) {
            ok &= allowed[read[j]][digit[j]];
            index += digit[j] * line.strides()[j];
          }
          if (ok) {
            allowedCombos++;
            if (line.table().get(index)) {
              satisfied++;
              for (int j = 0; j < m; j++) {
                supported[j][digit[j]] = true;
              }
            }
          }
          for (int j = m - 1; j >= 0; j--) {
            if (++digit[j] < radix[j]) {
              break;
            }
            digit[j] = 0;
          }
        }
        for (int j = 0; j < m; j++) {
          for (int k = 0; k < radix[j]; k++) {
            if (allowed[read[j]][k] && !supported[j][k]) {
              allowed[read[j]][k] = false;
              changed = true;
            }
          }
        }
        if (satisfied == allowedCombos) {
          it.remove(); // holds for every remaining combination: nothing left to tie
          changed = true;
        }
      }
    }
    return live;
  }

  /** The number of packages meeting every (non-dropped) red line. */
  long feasibleCount() {
    if (constantlyFalse) {
      return 0;
    }
    long c = 1;
    for (Block b : blocks) {
      c = Math.multiplyExact(c, (long) b.count);
    }
    return c;
  }

  private void enumerate(Scenario s, Block b, boolean[][] allowed, List<CompiledRedLine> lines) {
    int m = b.issues.length;
    int[][] opts = new int[m][];
    long total = 1;
    for (int j = 0; j < m; j++) {
      int i = b.issues[j];
      opts[j] = IntStream.range(0, allowed[i].length).filter(k -> allowed[i][k]).toArray();
      total *= opts[j].length;
      if (total > MAX_BLOCK_ENUMERATION) {
        throw new AnalysisLimitException(
            "red lines tie "
                + m
                + " issues into one block of more than "
                + MAX_BLOCK_ENUMERATION
                + " option combinations; split conditions so each reads fewer issues, or narrow the issues' options");
      }
    }
    enumerated += total;
    int cap = (int) Math.min(total, 1024);
    int[] choices = new int[cap * m];
    double[] vectors = new double[cap * parties];
    int count = 0;
    b.max = new double[parties];
    b.min = new double[parties];
    Arrays.fill(b.max, Double.NEGATIVE_INFINITY);
    Arrays.fill(b.min, Double.POSITIVE_INFINITY);
    if (total == 0) {
      b.count = 0;
      b.choices = new int[0];
      b.vectors = new double[0];
      return;
    }
    int[] outcome = new int[s.issues()];
    int[] digit = new int[m];
    for (int j = 0; j < m; j++) {
      outcome[b.issues[j]] = opts[j][0];
    }
    for (long step = 0; step < total; step++) {
      boolean ok = true;
      for (CompiledRedLine l : lines) {
        if (!l.holds(outcome)) {
          ok = false;
          break;
        }
      }
      if (ok) {
        if (count == MAX_BLOCK_FEASIBLE) {
          throw new AnalysisLimitException(
              "a block of "
                  + m
                  + " issues tied by red lines has more than "
                  + MAX_BLOCK_FEASIBLE
                  + " feasible combinations; split conditions so each reads fewer issues");
        }
        if (count * m + m > choices.length) {
          choices = Arrays.copyOf(choices, Math.max(choices.length * 2, m));
          vectors = Arrays.copyOf(vectors, Math.max(vectors.length * 2, parties));
        }
        for (int j = 0; j < m; j++) {
          choices[count * m + j] = outcome[b.issues[j]];
        }
        for (int p = 0; p < parties; p++) {
          double v = 0;
          for (int j = 0; j < m; j++) {
            v += s.contribution(p, b.issues[j], outcome[b.issues[j]]);
          }
          vectors[count * parties + p] = v;
          b.max[p] = Math.max(b.max[p], v);
          b.min[p] = Math.min(b.min[p], v);
        }
        count++;
      }
      for (int j = m - 1; j >= 0; j--) {
        if (++digit[j] < opts[j].length) {
          outcome[b.issues[j]] = opts[j][digit[j]];
          break;
        }
        digit[j] = 0;
        outcome[b.issues[j]] = opts[j][0];
      }
    }
    b.count = count;
    b.choices = Arrays.copyOf(choices, count * m);
    b.vectors = Arrays.copyOf(vectors, count * parties);
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    parent[find(parent, a)] = find(parent, b);
  }
}
