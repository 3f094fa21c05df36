package org.umbrella.bench.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.umbrella.bench.engine.EngineComparison.Run;

/**
 * Every run of every contestant of {@link EngineComparison}, by name, in round order, and the
 * nanoseconds of each chunk when the runs were interleaved ({@link Interleaved}; empty otherwise);
 * and what they come to: the medians, each round's ratio of the engine to a peer with the median of
 * those, and the median of the chunks' paired ratios.
 */
record Results(long n, Map<String, List<Run>> runs, Map<String, List<Long>> chunks) {
  private double rate(String name, int round) {
    List<Run> r = runs.get(name);
    return r == null ? Double.NaN : n / (r.get(round).nanos() / 1e9);
  }

  private double cpuRate(String name, int round) {
    List<Run> r = runs.get(name);
    return r == null ? Double.NaN : n / (r.get(round).cpuNanos() / 1e9);
  }

  /** The median over the rounds of {@code f(round)}. */
  private double median(IntToDoubleFunction f) {
    double[] v = new double[rounds()];
    for (int i = 0; i < rounds(); i++) {
      v[i] = f.applyAsDouble(i);
    }
    return EngineComparison.median(v);
  }

  /**
   * The medians of every contestant's runs, and the ratios: each round's ratio of two contestants
   * (runs minutes apart, so that they share the machine's state), then the median of those.
   */
  void summary() {
    System.out.println();
    System.out.printf(Locale.ROOT, "median of %d rounds (every run is above):%n", rounds());
    for (String name : runs.keySet()) {
      double lo = Double.MAX_VALUE;
      double hi = 0;
      for (int i = 0; i < rounds(); i++) {
        lo = Math.min(lo, rate(name, i));
        hi = Math.max(hi, rate(name, i));
      }
      String key = EngineComparison.key(name);
      System.out.printf(
          Locale.ROOT,
          "%-20s %,12.0f incidents/s  (runs %,.0f .. %,.0f; %,.0f per CPU-second)%n",
          name,
          median(i -> rate(name, i)),
          lo,
          hi,
          median(i -> cpuRate(name, i)));
      if (key.equals("engine")) {
        System.out.println("  " + runs.get(name).get(runs.get(name).size() - 1).found());
      }
    }
    ratio("Umbrella engine", "hand-written loop", "the hand loop");
    ratio("Umbrella engine", "hand loop + records", "that loop");
    ratio("Umbrella engine", "Esper 9 (EPL)", null);
    ratio("Umbrella engine", "Esper + revisions", null);
    if (runs.containsKey("Umbrella engine")
        && runs.containsKey("hand-written loop")
        && runs.containsKey("generator alone")) {
      double engineNet =
          median(i -> 1 / (1 / rate("Umbrella engine", i) - 1 / rate("generator alone", i)));
      double handNet =
          median(i -> 1 / (1 / rate("hand-written loop", i) - 1 / rate("generator alone", i)));
      System.out.printf(
          Locale.ROOT,
          "without the generator's own cost (medians): engine %,.0f/s, hand loop %,.0f/s (ratio %.2f)%n",
          engineNet,
          handNet,
          engineNet / handNet);
    }
  }

  /** Prints a's rate over b's, per round and its median (as "b is Nx faster" when slower). */
  private void ratio(String a, String b, @Nullable String faster) {
    if (!runs.containsKey(a) || !runs.containsKey(b)) {
      return;
    }
    double[] each = new double[rounds()];
    StringBuilder rounds = new StringBuilder();
    for (int i = 0; i < rounds(); i++) {
      each[i] = rate(a, i) / rate(b, i);
      rounds.append(rounds.isEmpty() ? "" : ", ").append(format(each[i]));
    }
    double m = EngineComparison.median(each);
    System.out.printf(
        Locale.ROOT,
        "engine / %-20s %.2f median of rounds (%s)%s%n",
        b + ":",
        m,
        rounds,
        faster != null && m < 1
            ? String.format(Locale.ROOT, "; %s is %.2fx faster", faster, 1 / m)
            : String.format(Locale.ROOT, "; the engine is %.2fx faster", m));
    List<Long> ta = chunks.get(a);
    List<Long> tb = chunks.get(b);
    if (ta != null && tb != null && ta.size() == tb.size()) {
      // each chunk's pair ran in the same seconds over the same incidents: b's time over a's is
      // a's speed over b's
      double[] pairs = new double[ta.size()];
      for (int i = 0; i < pairs.length; i++) {
        pairs[i] = (double) tb.get(i) / ta.get(i);
      }
      Arrays.sort(pairs);
      double c = EngineComparison.median(pairs);
      System.out.printf(
          Locale.ROOT,
          "  chunk by chunk:        %.2f median of %d chunks (quartiles %.2f, %.2f)%s%n",
          c,
          pairs.length,
          pairs[pairs.length / 4],
          pairs[(3 * pairs.length) / 4],
          faster != null && c < 1
              ? String.format(Locale.ROOT, "; %s is %.2fx faster", faster, 1 / c)
              : String.format(Locale.ROOT, "; the engine is %.2fx faster", c));
    }
  }

  /** Rounds run: as many as every contestant's runs. */
  private int rounds() {
    return runs.values().iterator().next().size();
  }

  private static String format(double ratio) {
    return String.format(Locale.ROOT, "%.2f", ratio);
  }
}
