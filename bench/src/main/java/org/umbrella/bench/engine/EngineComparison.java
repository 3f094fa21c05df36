package org.umbrella.bench.engine;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.engine.Engine;
import org.umbrella.engine.input.Incident;
import org.umbrella.engine.output.AlertRecord;
import org.umbrella.engine.output.FindingRecord;
import org.umbrella.engine.output.OutputRecord;

/**
 * Side by side in one JVM on one thread: the synthetic stream alone, the hand-written loop, the
 * Umbrella engine and Esper, each over the same {@code N} incidents (after a warm-up on a different
 * seed), reporting incidents per second, the ratios, and what each found (which must agree).
 *
 * <p>Run: {@code java -Xmx512m -cp bench/target/classes:$(cat bench/target/classpath.txt)
 * org.umbrella.bench.engine.EngineComparison [--incidents N] [--warmup N] [--agreement FILE]
 * [--skip-esper] [--rounds R]}, or {@code umbrella bench}. Each contestant runs R times (default
 * 3); the fastest run counts.
 */
public final class EngineComparison {
  static int ROUNDS = 3;

  /**
   * Contestants to run (generator, hand, hand-records, engine, esper); all when null. For profiling
   * one of them.
   */
  static @Nullable Set<String> ONLY;

  /** Incidents per CPU-second of each contestant run, by key. */
  static final Map<String, Double> CPU_RATES = new HashMap<>();

  private EngineComparison() {}

  public static void main(String[] args) {
    long n = 10_000_000;
    long warmup = 1_000_000;
    Path agreementFile = Path.of(TwentyPoint.DEFAULT_PATH);
    boolean esper = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--incidents" -> n = Long.parseLong(args[++i].replace("_", ""));
        case "--warmup" -> warmup = Long.parseLong(args[++i].replace("_", ""));
        case "--agreement" -> agreementFile = Path.of(args[++i]);
        case "--skip-esper" -> esper = false;
        case "--rounds" -> ROUNDS = Integer.parseInt(args[++i]);
        case "--only" -> ONLY = Set.of(args[++i].split(","));
        default -> {
          System.err.println("unknown argument " + args[i]);
          System.exit(2);
        }
      }
    }
    Agreement agreement = TwentyPoint.load(agreementFile);
    System.out.printf(
        Locale.ROOT,
        "Engine benchmark: %,d synthetic incidents, %s, one thread, JDK %s, max heap %d MB, %d CPUs visible%n",
        n,
        agreement.ref(),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors());

    double gen =
        run(
            "generator alone",
            agreement,
            warmup,
            n,
            a -> {
              long[] sink = {0};
              return new Contestant(i -> sink[0] += i.id().length(), () -> "", null);
            });
    double hand =
        run(
            "hand-written loop",
            agreement,
            warmup,
            n,
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
            });
    double handFull =
        run(
            "hand loop + records",
            agreement,
            warmup,
            n,
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
            });
    double engine =
        run(
            "Umbrella engine",
            agreement,
            warmup,
            n,
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
            });
    double esperRate = Double.NaN;
    if (esper) {
      esperRate =
          run(
              "Esper 9 (EPL)",
              agreement,
              warmup,
              n,
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
              });
    }
    double esperFull = Double.NaN;
    if (esper) {
      esperFull =
          run(
              "Esper + revisions",
              agreement,
              warmup,
              n,
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
              });
    }
    System.out.println();
    checkAgreement();
    System.out.printf(
        Locale.ROOT,
        "engine / hand-written loop: %.2f (hand loop is %.2fx faster)%n",
        engine / hand,
        hand / engine);
    System.out.printf(
        Locale.ROOT,
        "engine / hand loop + records: %.2f (that loop is %.2fx faster)%n",
        engine / handFull,
        handFull / engine);
    if (esper) {
      System.out.printf(
          Locale.ROOT,
          "engine / Esper:             %.2f (engine is %.2fx faster)%n",
          engine / esperRate,
          engine / esperRate);
      System.out.printf(
          Locale.ROOT,
          "engine / Esper + revisions: %.2f (engine is %.2fx faster)%n",
          engine / esperFull,
          engine / esperFull);
    }
    System.out.printf(
        Locale.ROOT,
        "per CPU-second (less sensitive to other load on the core): engine / hand loop %.2f, engine / Esper %.2f%n",
        CPU_RATES.getOrDefault("engine", Double.NaN) / CPU_RATES.getOrDefault("hand", Double.NaN),
        CPU_RATES.getOrDefault("engine", Double.NaN) / CPU_RATES.getOrDefault("esper", Double.NaN));
    double engineNet = 1 / (1 / engine - 1 / gen);
    double handNet = 1 / (1 / hand - 1 / gen);
    System.out.printf(
        Locale.ROOT,
        "without the generator's own cost: engine %,.0f/s, hand loop %,.0f/s (ratio %.2f)%n",
        engineNet,
        handNet,
        engineNet / handNet);
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

  /** What each contestant found, by name, to check that they all agree. */
  static final Map<String, long[]> FOUND = new LinkedHashMap<>();

  /**
   * Fails (exit 1) unless every contestant found the same counts as the engine (where it has an
   * equivalent): a faster contestant that finds something else is not a peer.
   */
  static void checkAgreement() {
    long[] engine = FOUND.get("Umbrella engine");
    if (engine == null) {
      return;
    }
    String[] what = {
      "violations",
      "significant attacks",
      "strikes on the capitals",
      "attacks on Russia",
      "decide-within alerts"
    };
    List<String> disagreements = new ArrayList<>();
    FOUND.forEach(
        (name, counts) -> {
          for (int k = 0; k < what.length; k++) {
            if (counts[k] >= 0 && counts[k] != engine[k]) {
              disagreements.add(
                  String.format(
                      Locale.ROOT,
                      "%s found %,d %s, the engine %,d",
                      name,
                      counts[k],
                      what[k],
                      engine[k]));
            }
          }
        });
    if (!disagreements.isEmpty()) {
      System.out.println("CONTESTANTS DISAGREE, the comparison is void:");
      disagreements.forEach(d -> System.out.println("  " + d));
      System.exit(1);
    }
    System.out.println(
        "All contestants found the same (checked: " + String.join(", ", FOUND.keySet()) + ").");
  }

  private static double run(
      String name, Agreement agreement, long warmup, long n, Function<Agreement, Contestant> make) {
    if (ONLY != null && !ONLY.contains(key(name))) {
      return Double.NaN;
    }
    Contestant w = make.apply(agreement);
    Iterator<Incident> ws = TwentyPoint.stream(agreement, warmup, 7);
    while (ws.hasNext()) {
      w.process().accept(ws.next());
    }
    w.close().run();
    System.gc();
    resetPeaks();
    // best of three runs: the machine may be shared, and the fastest run is the least disturbed
    long best = Long.MAX_VALUE;
    long bestCpu = Long.MAX_VALUE;
    String found = "";
    for (int round = 0; round < ROUNDS; round++) {
      Contestant c = make.apply(agreement);
      Iterator<Incident> s = TwentyPoint.stream(agreement, n, 42);
      long cpuStart = processCpuNanos();
      long start = System.nanoTime();
      while (s.hasNext()) {
        c.process().accept(s.next());
      }
      long nanos = System.nanoTime() - start;
      bestCpu = Math.min(bestCpu, processCpuNanos() - cpuStart);
      if (nanos < best) {
        best = nanos;
        found = c.found().get();
      }
      if (c.counts() != null) {
        FOUND.put(name, c.counts().get());
      }
      c.close().run();
    }
    double rate = n / (best / 1e9);
    double cpuRate = n / (bestCpu / 1e9);
    CPU_RATES.put(key(name), cpuRate);
    System.out.printf(
        Locale.ROOT,
        "%-20s %,12.0f incidents/s  %7.2f s  (%,12.0f per CPU-second)  peak heap %4d MB  %s%n",
        name,
        rate,
        best / 1e9,
        cpuRate,
        peakHeapMb(),
        found);
    return rate;
  }

  /**
   * CPU time of the whole process (every thread: the contestant's, the collector's, the
   * compiler's), which, pinned to one core, other programs on that core do not inflate as they do
   * wall time.
   */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
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

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  private static long peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum >> 20;
  }
}
