package org.umbrella.bench.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.Engine;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.output.AlertRecord;
import org.umbrella.engine.output.FindingRecord;
import org.umbrella.engine.output.OutputRecord;

/**
 * Side by side on one thread: the synthetic stream alone, the hand-written loop, the Umbrella
 * engine and Esper, each over the same {@code N} incidents (after warm-up runs on a different
 * seed), reporting incidents per second, the ratios, and what each found (which must agree). Each
 * run is made in a JVM of its own with this JVM's flags ({@link Fork}); {@code --no-fork} makes
 * every run in this one JVM, as for a profiler.
 *
 * <p>Run: {@code java -Xmx512m -cp bench/target/classes:$(cat bench/target/classpath.txt)
 * org.umbrella.bench.engine.EngineComparison [--incidents N] [--warmup N] [--agreement FILE]
 * [--skip-esper] [--rounds R] [--only KEYS] [--no-fork]}, or {@code umbrella bench}. R rounds
 * (default 3), each running every contestant once, in turn; every run is printed with the load
 * average before and after, and the summary compares medians and each round's ratios, never a best
 * run.
 */
public final class EngineComparison {
  static int ROUNDS = 3;

  /**
   * Contestants to run (generator, hand, hand-records, engine, esper); all when null. For profiling
   * one of them.
   */
  static @Nullable Set<String> ONLY;

  private EngineComparison() {}

  public static void main(String[] args) {
    long n = 10_000_000;
    long warmup = 2_000_000;
    Path agreementFile = Path.of(TwentyPoint.DEFAULT_PATH);
    boolean esper = true;
    boolean fork = true;
    @Nullable String child = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--incidents" -> n = Long.parseLong(args[++i].replace("_", ""));
        case "--warmup" -> warmup = Long.parseLong(args[++i].replace("_", ""));
        case "--agreement" -> agreementFile = Path.of(args[++i]);
        case "--skip-esper" -> esper = false;
        case "--rounds" -> ROUNDS = Integer.parseInt(args[++i]);
        case "--only" -> ONLY = Set.of(args[++i].split(","));
        case "--no-fork" -> fork = false;
        case "--child" -> child = args[++i];
        default -> {
          System.err.println("unknown argument " + args[i]);
          System.exit(2);
        }
      }
    }
    Agreement agreement = TwentyPoint.load(agreementFile);
    List<String> childArgs =
        new ArrayList<>(
            List.of(
                "--incidents",
                Long.toString(n),
                "--warmup",
                Long.toString(warmup),
                "--agreement",
                agreementFile.toAbsolutePath().toString()));
    if (!esper) {
      childArgs.add("--skip-esper");
    }
    if (child == null) {
      System.out.printf(
          Locale.ROOT,
          "Engine benchmark: %,d synthetic incidents, %s, one thread, JDK %s, max heap %d MB, %d CPUs visible%n",
          n,
          agreement.ref(),
          System.getProperty("java.version"),
          Runtime.getRuntime().maxMemory() >> 20,
          Runtime.getRuntime().availableProcessors());
      System.out.println(
          fork
              ? "each run in a JVM of its own (a fork), with this JVM's flags"
              : "every run in this one JVM (--no-fork)");
    }

    List<Entry> entries = new ArrayList<>();
    entries.add(
        new Entry(
            "generator alone",
            a -> {
              long[] sink = {0};
              return new Contestant(i -> sink[0] += i.id().length(), () -> "", null);
            }));
    entries.add(
        new Entry(
            "hand-written loop",
            a -> {
              HandLoop h = new HandLoop(a);
              return new Contestant(
                  h::process,
                  () ->
                      String.format(
                          Locale.ROOT,
                          "violations %,d, significant-attack %,d, capitals %,d, russia %,d, overdue alerts %,d",
                          h.violations,
                          h.attacks,
                          h.capitalStrikes,
                          h.attacksOnRussia,
                          h.overdue),
                  () ->
                      new long[] {
                        h.violations, h.attacks, h.capitalStrikes, h.attacksOnRussia, h.overdue
                      });
            }));
    entries.add(
        new Entry(
            "hand loop + records",
            a -> {
              long[] out = {0};
              HandLoop h = new HandLoop(a, true, o -> out[0]++);
              return new Contestant(
                  h::process,
                  () ->
                      String.format(
                          Locale.ROOT,
                          "violations %,d, significant-attack %,d (with the engine's revision index and one record per finding)",
                          h.violations,
                          h.attacks),
                  () ->
                      new long[] {
                        h.violations, h.attacks, h.capitalStrikes, h.attacksOnRussia, h.overdue
                      });
            }));
    entries.add(
        new Entry(
            "Umbrella engine",
            a -> {
              Engine e = Engine.create(a);
              long[] c = new long[5];
              Consumer<OutputRecord> sink =
                  o -> {
                    if (o instanceof FindingRecord f) {
                      switch (f.definition()) {
                        case "ceasefire-violation" -> c[0]++;
                        case "significant-attack" -> c[1]++;
                        case "unprovoked-strike-on-capitals" -> c[2]++;
                        case "unprovoked-attack-on-russia" -> c[3]++;
                        default -> {}
                      }
                    } else if (o instanceof AlertRecord al
                        && al.reason().equals("decision-overdue")) {
                      c[4]++;
                    }
                  };
              return new Contestant(
                  i -> e.process(i, sink),
                  () ->
                      String.format(
                          Locale.ROOT,
                          "violations %,d, significant-attack %,d, capitals %,d, russia %,d, overdue alerts %,d",
                          c[0],
                          c[1],
                          c[2],
                          c[3],
                          c[4]),
                  c::clone);
            }));
    if (esper) {
      entries.add(
          new Entry(
              "Esper 9 (EPL)",
              a -> {
                EsperPeer p = new EsperPeer(a);
                return new Contestant(
                    p::process,
                    () ->
                        String.format(
                            Locale.ROOT,
                            "violations %,d, significant-attack %,d, capitals %,d, russia %,d (Esper has no decide-within alerts)",
                            p.counts[0],
                            p.counts[1],
                            p.counts[2],
                            p.counts[3]),
                    () -> new long[] {p.counts[0], p.counts[1], p.counts[2], p.counts[3], -1},
                    p::close);
              }));
      entries.add(
          new Entry(
              "Esper + revisions",
              a -> {
                EsperPeer p = new EsperPeer(a, true);
                return new Contestant(
                    p::process,
                    () ->
                        String.format(
                            Locale.ROOT,
                            "violations %,d, significant-attack %,d, capitals %,d, russia %,d, revisions found %,d (with a 30-day revision window by id)",
                            p.counts[0],
                            p.counts[1],
                            p.counts[2],
                            p.counts[3],
                            p.revisions),
                    () -> new long[] {p.counts[0], p.counts[1], p.counts[2], p.counts[3], -1},
                    p::close);
              }));
    }
    if (child != null) {
      String key = child;
      Entry e =
          entries.stream()
              .filter(x -> x.key().equals(key))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("no contestant " + key));
      warmUp(List.of(e), agreement, warmup);
      System.out.println(Fork.format(timed(e, agreement, n)));
      return;
    }
    Results results = measure(entries, agreement, warmup, n, fork ? childArgs : null);
    System.out.println();
    checkAgreement(results);
    results.summary();
  }

  /**
   * One contestant's run: what it does per incident, what it found (in words, and as counts of
   * violations, significant attacks, strikes on the capitals, attacks on Russia and decide-within
   * alerts, -1 where it has no equivalent; null for the generator), and how to release it.
   */
  record Contestant(
      Consumer<Incident> process,
      Supplier<String> found,
      @Nullable Supplier<long[]> counts,
      Runnable close) {
    Contestant(
        Consumer<Incident> process, Supplier<String> found, @Nullable Supplier<long[]> counts) {
      this(process, found, counts, () -> {});
    }
  }

  /** A contestant by name, and how to make a fresh one for a run. */
  record Entry(String name, Function<Agreement, Contestant> make) {
    String key() {
      return EngineComparison.key(name);
    }
  }

  /** One measured run of one contestant. */
  record Run(long nanos, long cpuNanos, long peakHeapMb, String found, long @Nullable [] counts) {}

  /**
   * Warm-up runs of each contestant (in its own JVM; with --no-fork of every contestant, in turn),
   * each a fresh instance over the warm-up stream. The compiler leaves out of compiled code the
   * paths it has not seen run, and meeting one later throws the code away ("uncommon trap") and
   * compiles it again, on the same pinned core as the run. Two passes, because a fresh instance's
   * first records take paths (empty tables, a first party, a first window) that only a second fresh
   * start meets in compiled code; 2M incidents a run (70 days of event time), because the engine's
   * state reaches its steady state only past the 30-day revision horizon and the first aggregate
   * pruned after it. With one warm-up run of 500,000 the first timed round deoptimized the engine's
   * hot methods 25 times and compiled 71 again while being timed; with two of 1M, 7 and 21; with
   * two of 2M, none of the engine's and 7 (rounds 2 and 3: 0-1 and 0-4 in every case;
   * docs/benchmarks.md, "An eighth look").
   */
  static final int WARMUP_PASSES = 2;

  /** {@link #WARMUP_PASSES} warm-up runs of each of {@code entries}, in turn, on seed 7. */
  static void warmUp(List<Entry> entries, Agreement agreement, long warmup) {
    for (int pass = 0; pass < WARMUP_PASSES; pass++) {
      for (Entry e : entries) {
        Contestant w = e.make().apply(agreement);
        Iterator<Incident> ws = TwentyPoint.stream(agreement, warmup, 7);
        while (ws.hasNext()) {
          w.process().accept(ws.next());
        }
        w.close().run();
      }
    }
  }

  /** One timed run of a fresh instance of {@code e} over the measured stream (seed 42). */
  static Run timed(Entry e, Agreement agreement, long n) {
    System.gc();
    JvmStats.resetPeaks();
    Contestant c = e.make().apply(agreement);
    Iterator<Incident> s = TwentyPoint.stream(agreement, n, 42);
    long cpuStart = JvmStats.processCpuNanos();
    long start = System.nanoTime();
    while (s.hasNext()) {
      c.process().accept(s.next());
    }
    long nanos = System.nanoTime() - start;
    Run run =
        new Run(
            nanos,
            JvmStats.processCpuNanos() - cpuStart,
            JvmStats.peakHeapMb(),
            c.found().get(),
            c.counts() == null ? null : c.counts().get());
    c.close().run();
    return run;
  }

  /**
   * Runs the rounds: in each, every contestant once over the same stream (seed 42), in turn, so
   * that a slow minute on a shared machine falls on all of them alike; each run in a JVM of its own
   * that warms its contestant up first ({@code forkArgs} given), or all in this JVM after warming
   * every contestant up here (null). Every run is printed as it ends.
   */
  static Results measure(
      List<Entry> all, Agreement agreement, long warmup, long n, @Nullable List<String> forkArgs) {
    List<Entry> entries = all.stream().filter(e -> ONLY == null || ONLY.contains(e.key())).toList();
    System.out.println("load average before: " + JvmStats.loadAverage());
    if (forkArgs == null) {
      warmUp(entries, agreement, warmup);
    }
    Map<String, List<Run>> runs = new LinkedHashMap<>();
    for (int round = 1; round <= ROUNDS; round++) {
      for (Entry e : entries) {
        Run run = forkArgs == null ? timed(e, agreement, n) : Fork.run(e.key(), forkArgs);
        long nanos = run.nanos();
        runs.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(run);
        System.out.printf(
            Locale.ROOT,
            "round %d  %-20s %,12.0f incidents/s  %7.2f s  (%,12.0f per CPU-second)  peak heap %4d MB  %s%n",
            round,
            e.name(),
            n / (nanos / 1e9),
            nanos / 1e9,
            n / (run.cpuNanos() / 1e9),
            run.peakHeapMb(),
            run.found());
      }
    }
    System.out.println("load average after: " + JvmStats.loadAverage());
    return new Results(n, runs);
  }

  /** Every run of every contestant, by name, in round order; and what they come to. */
  record Results(long n, Map<String, List<Run>> runs) {
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
      double[] v = new double[ROUNDS];
      for (int i = 0; i < ROUNDS; i++) {
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
      System.out.printf(Locale.ROOT, "median of %d rounds (every run is above):%n", ROUNDS);
      for (String name : runs.keySet()) {
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (int i = 0; i < ROUNDS; i++) {
          lo = Math.min(lo, rate(name, i));
          hi = Math.max(hi, rate(name, i));
        }
        String key = key(name);
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
      double[] each = new double[ROUNDS];
      StringBuilder rounds = new StringBuilder();
      for (int i = 0; i < ROUNDS; i++) {
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
    }
  }

  private static String format(double ratio) {
    return String.format(Locale.ROOT, "%.2f", ratio);
  }

  /** The median of {@code values} (the mean of the middle two for an even count), NaN if none. */
  public static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int k = v.length;
    return k == 0 ? Double.NaN : k % 2 == 1 ? v[k / 2] : (v[k / 2 - 1] + v[k / 2]) / 2;
  }

  /**
   * Fails (exit 1) unless every run found the same counts as the engine's first (where it has an
   * equivalent), the engine's own later runs included: a faster contestant that finds something
   * else is not a peer.
   */
  static void checkAgreement(Results results) {
    List<Run> engineRuns = results.runs().get("Umbrella engine");
    if (engineRuns == null) {
      return;
    }
    long[] engine = Objects.requireNonNull(engineRuns.get(0).counts());
    String[] what = {
      "violations",
      "significant attacks",
      "strikes on the capitals",
      "attacks on Russia",
      "decide-within alerts"
    };
    List<String> disagreements = new ArrayList<>();
    results
        .runs()
        .forEach(
            (name, runs) -> {
              for (int round = 0; round < runs.size(); round++) {
                long[] counts = runs.get(round).counts();
                if (counts == null) {
                  continue;
                }
                for (int k = 0; k < what.length; k++) {
                  if (counts[k] >= 0 && counts[k] != engine[k]) {
                    disagreements.add(
                        String.format(
                            Locale.ROOT,
                            "%s found %,d %s in round %d, the engine %,d",
                            name,
                            counts[k],
                            what[k],
                            round + 1,
                            engine[k]));
                  }
                }
              }
            });
    if (!disagreements.isEmpty()) {
      System.out.println("CONTESTANTS DISAGREE, the comparison is void:");
      disagreements.forEach(d -> System.out.println("  " + d));
      System.exit(1);
    }
    System.out.println(
        "All contestants found the same in every round (checked: "
            + String.join(", ", results.runs().keySet())
            + ").");
  }

  private static String key(String name) {
    return switch (name) {
      case "generator alone" -> "generator";
      case "hand-written loop" -> "hand";
      case "hand loop + records" -> "hand-records";
      case "Umbrella engine" -> "engine";
      case "Esper + revisions" -> "esper-revisions";
      default -> "esper";
    };
  }
}
