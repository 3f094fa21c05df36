package org.umbrella.bench.negotiation;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.umbrella.negotiation.analysis.Analysis;
import org.umbrella.negotiation.analysis.Analyzer;
import org.umbrella.negotiation.analysis.ProgressListener;
import org.umbrella.negotiation.analysis.Scenario;

/**
 * Frontier + Nash (+ the exact count of acceptable packages) for two spaces, Umbrella's analysis
 * against the straightforward pairwise one, in the same run.
 *
 * <ul>
 *   <li>{@code 1e6x5}: 6 issues x 10 options = 10^6 packages, 5 parties, no red lines, reservation
 *       0.3 (the count then has real work to do).
 *   <li>{@code 1e8-redlines}: 8 issues x 10 options = 10^8 packages, 5 parties; red lines allow 4
 *       options per issue and forbid one combination on 4 issue pairs (over 99.9% of the space
 *       pruned).
 * </ul>
 *
 * <p>Run: see docs/benchmarks.md, section "Negotiation".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx3g", "-XX:+UseSerialGC"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class NegotiationBenchmark {
  @Param({"1e6x5", "1e8-redlines"})
  public String space;

  Scenario scenario;

  /**
   * The same space in the arithmetic used before issue 13: each contribution a double rounded to
   * 2^-40.
   */
  Scenario grid;

  @Setup(Level.Trial)
  public void setUp() {
    scenario =
        Scenario.of(
            switch (space) {
              case "1e6x5" -> Spaces.model(42, 6, 10, 5, false, 10, 0.3);
              case "1e8-redlines" -> Spaces.model(42, 8, 10, 5, true, 4, 0.3);
              default -> throw new IllegalArgumentException(space);
            });
    int d = scenario.parties();
    int n = scenario.issues();
    int[] sizes = scenario.sizes();
    double[][][] t = new double[d][n][];
    for (int p = 0; p < d; p++) {
      for (int i = 0; i < n; i++) {
        t[p][i] = new double[sizes[i]];
        for (int k = 0; k < sizes[i]; k++) {
          double x = scenario.contribution(p, i, k) / scenario.scale(p);
          t[p][i][k] = Math.scalb(Math.rint(Math.scalb(x, 40)), -40);
        }
      }
    }
    grid = Scenario.ofTables(scenario.model(), t, scenario.reservations());
  }

  /** Umbrella: blocks, frontier folding with sort-filter-skyline, bounded count, all solutions. */
  @Benchmark
  public Analysis umbrellaAnalyze() {
    return Analyzer.analyze(scenario, 5, ProgressListener.NONE);
  }

  /**
   * The same analysis on the 2^-40 grid (the arithmetic before exact ties): what exactness costs.
   */
  @Benchmark
  public Analysis umbrellaAnalyzeGrid() {
    return Analyzer.analyze(grid, 5, ProgressListener.NONE);
  }

  /** Peer: enumerate every package, pairwise dominance, Nash over the frontier. */
  @Benchmark
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public PairwiseAnalysis.Result pairwiseAnalyze() {
    return PairwiseAnalysis.pairwise(scenario);
  }

  /** Middle ground: enumerate every package, then sort-filter-skyline (shows what folding adds). */
  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public PairwiseAnalysis.Result enumerateThenSkyline() {
    return PairwiseAnalysis.enumerateThenSkyline(scenario);
  }
}
