package org.umbrella.bench.negotiation;

import org.umbrella.negotiation.analysis.Analysis;
import org.umbrella.negotiation.analysis.Analyzer;
import org.umbrella.negotiation.analysis.ProgressListener;
import org.umbrella.negotiation.analysis.Solution;

/**
 * Runs each benchmark space once with both analyses and checks they agree (frontier size, Nash
 * product, acceptable count) before anyone trusts the timings. {@code java ... QuickCheck
 * [--pairwise]}.
 */
public final class QuickCheck {
  private QuickCheck() {}

  public static void main(String[] args) {
    boolean pairwise = args.length > 0 && args[0].equals("--pairwise");
    for (String space : new String[] {"1e6x5", "1e8-redlines"}) {
      NegotiationBenchmark b = new NegotiationBenchmark();
      b.space = space;
      b.setUp();
      long t0 = System.nanoTime();
      Analysis a = Analyzer.analyze(b.scenario, 5, ProgressListener.NONE);
      long t1 = System.nanoTime();
      System.out.printf(
          "%s umbrella: %.0f ms, acceptable %d, frontier %d, nash %.9f, blocks %d, enumerated %d%n",
          space,
          (t1 - t0) / 1e6,
          a.acceptable(),
          a.frontier().size(),
          a.solution(Solution.Concept.NASH).map(Solution::score).orElse(-1.0),
          a.blocks(),
          a.enumerated());
      PairwiseAnalysis.Result s = PairwiseAnalysis.enumerateThenSkyline(b.scenario);
      long t2 = System.nanoTime();
      System.out.printf(
          "%s enumerate+skyline: %.0f ms, acceptable %d, frontier %d, nash %.9f%n",
          space, (t2 - t1) / 1e6, s.acceptable(), s.frontier(), s.nash());
      if (pairwise) {
        PairwiseAnalysis.Result p = PairwiseAnalysis.pairwise(b.scenario);
        long t3 = System.nanoTime();
        System.out.printf(
            "%s pairwise: %.0f ms, frontier %d, nash %.9f%n",
            space, (t3 - t2) / 1e6, p.frontier(), p.nash());
      }
    }
  }
}
