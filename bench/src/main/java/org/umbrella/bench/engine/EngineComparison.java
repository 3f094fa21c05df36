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
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.Engine;
import org.umbrella.engine.input.Incident;

/**
 * Side by side on one thread: the synthetic stream alone, the hand-written loop, the Umbrella
 * engine and Esper, each over the same {@code N} incidents (after warm-up runs on a different
 * seed), reporting incidents per second, the ratios, and what each found (which must agree). Each
 * run is made in a JVM of its own with this JVM's flags; in a round the runs go side by side, the
 * stream fed to them in chunks taken in turn ({@link Interleaved}; {@code --chunk 0}: one whole run
 * after another, {@link Fork}); {@code --no-fork} makes every run in this one JVM, as for a
 * profiler.
 *
 * <p>Run: {@code java -Xmx512m -cp bench/target/classes:$(cat bench/target/classpath.txt)
 * org.umbrella.bench.engine.EngineComparison [--incidents N] [--warmup N] [--agreement FILE]
 * [--skip-esper] [--rounds R] [--only KEYS] [--chunk N] [--no-fork]}, or {@code umbrella bench}. R
 * rounds (default 3) of every contestant once; chunks of 500,000 by default. Every run is printed
 * with the load average before and after, and the summary compares medians, each round's ratios and
 * the chunks' paired ratios, never a best run.
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
    long chunk = 500_000;
    @Nullable String child = null;
    @Nullable String serve = null;
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
        case "--serve" -> serve = args[++i];
        case "--chunk" -> chunk = Long.parseLong(args[++i].replace("_", ""));
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
    if (child == null && serve == null) {
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
              EngineCounts sink = new EngineCounts();
              return new Contestant(
                  i -> e.process(i, sink),
                  () -> {
                    long[] c = sink.counts();
                    return String.format(
                        Locale.ROOT,
                        "violations %,d, significant-attack %,d, capitals %,d, russia %,d, overdue alerts %,d",
                        c[0],
                        c[1],
                        c[2],
                        c[3],
                        c[4]);
                  },
                  sink::counts);
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
    if (child != null || serve != null) {
      String key = child != null ? child : serve;
      Entry e =
          entries.stream()
              .filter(x -> x.key().equals(key))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("no contestant " + key));
      if (serve != null) {
        Interleaved.serve(e, agreement, n, warmup);
        return;
      }
      warmUp(List.of(e), agreement, warmup);
      System.out.println(Fork.format(timed(e, agreement, n)));
      return;
    }
    Results results = measure(entries, agreement, warmup, n, fork ? childArgs : null, chunk);
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
   * Runs the rounds: in each, every contestant once over the same stream (seed 42). With {@code
   * forkArgs}, each run in a JVM of its own that warms its contestant up first: side by side, in
   * chunks of {@code chunk} taken in turn ({@link Interleaved}), so that a slow minute of a shared
   * machine falls on all of them alike, or whole runs in turn when {@code chunk} is 0. Without
   * (null), all in this JVM after warming every contestant up here. Every run is printed.
   */
  static Results measure(
      List<Entry> all,
      Agreement agreement,
      long warmup,
      long n,
      @Nullable List<String> forkArgs,
      long chunk) {
    List<Entry> entries = all.stream().filter(e -> ONLY == null || ONLY.contains(e.key())).toList();
    System.out.println("load average before: " + JvmStats.loadAverage());
    if (forkArgs == null) {
      warmUp(entries, agreement, warmup);
    }
    Map<String, List<Run>> runs = new LinkedHashMap<>();
    Map<String, List<Long>> chunks = new LinkedHashMap<>();
    boolean interleaved = forkArgs != null && chunk > 0 && entries.size() > 1;
    if (interleaved) {
      System.out.printf(
          Locale.ROOT, "the runs of a round side by side, in chunks of %,d taken in turn%n", chunk);
    }
    for (int round = 1; round <= ROUNDS; round++) {
      Map<String, Run> made =
          interleaved && forkArgs != null
              ? Interleaved.round(entries, forkArgs, n, chunk, chunks)
              : Map.of();
      for (Entry e : entries) {
        Run run =
            interleaved
                ? Objects.requireNonNull(made.get(e.name()))
                : forkArgs == null ? timed(e, agreement, n) : Fork.run(e.key(), forkArgs);
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
    return new Results(n, runs, chunks);
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

  static String key(String name) {
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
