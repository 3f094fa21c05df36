package org.umbrella.bench.stress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.umbrella.agreement.io.AgreementFiles;
import org.umbrella.agreement.load.LoadResult;
import org.umbrella.bench.engine.EngineComparison;
import org.umbrella.engine.input.RecordedInput;
import org.umbrella.evidence.importers.ImportFormat;
import org.umbrella.evidence.importers.ImportStream;
import org.umbrella.evidence.importers.PartyNames;
import org.umbrella.evidence.importers.RowOutcome;
import org.umbrella.stress.Design;
import org.umbrella.stress.Outcome;
import org.umbrella.stress.ReportJson;
import org.umbrella.stress.Settings;
import org.umbrella.stress.StressReport;
import org.umbrella.stress.StressTest;
import org.umbrella.stress.Uncertainty;

/**
 * Side by side in one JVM: the stress test over D designs x (1 + S samples), on one core and on all
 * cores, against the peer a user would otherwise run, a replay per variant: read and import the
 * events file, sort it by record time, redraw the sample, run the engine, count. Every round prints
 * the load average before and after; the summary gives the medians of the rounds and of each
 * round's ratios, and the peer must produce the same as-recorded counts as the stress test (checked
 * before timing).
 *
 * <p>Run: {@code java -cp bench/target/classes:$(cat bench/target/classpath.txt)
 * org.umbrella.bench.stress.StressComparison --events FILE --format ucdp --samples 50 --rounds 3
 * AGREEMENT...}
 */
public final class StressComparison {
  private StressComparison() {}

  public static void main(String[] args) throws IOException {
    Path events = null;
    String format = "ucdp";
    int samples = 50;
    int rounds = 3;
    List<Path> agreements = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--events" -> events = Path.of(args[++i]);
        case "--format" -> format = args[++i];
        case "--samples" -> samples = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        default -> agreements.add(Path.of(args[i]));
      }
    }
    if (events == null || agreements.isEmpty()) {
      System.err.println(
          "usage: StressComparison --events FILE [--format ucdp] [--samples N] [--rounds R] AGREEMENT...");
      System.exit(2);
      return;
    }
    ImportFormat fmt = ImportFormat.fromWire(format).orElseThrow();
    List<Design> designs = new ArrayList<>();
    for (Path a : agreements) {
      LoadResult r = AgreementFiles.load(a, a.toString());
      if (!r.isValid()) {
        throw new IllegalArgumentException(r.toDisplayString());
      }
      designs.add(new Design(a.getFileName().toString(), r.agreement()));
    }
    int variants = designs.size() * (1 + samples);
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(
        Locale.ROOT,
        "%d designs x (1 + %d samples) = %d variants over %s; %d cores; JDK %s%n",
        designs.size(),
        samples,
        variants,
        events,
        cores,
        Runtime.version());
    final Path ev = events;
    final int n = samples;
    Settings one = new Settings(samples, 1, Uncertainty.ALL, false, false);
    Settings all = new Settings(samples, 1, Uncertainty.ALL, false, true);

    // check first: the peer's as-recorded counts equal the stress test's, and the two stress runs
    // agree
    StressReport reference = stress(designs, ev, fmt, one);
    if (!ReportJson.write(reference).equals(ReportJson.write(stress(designs, ev, fmt, all)))) {
      throw new IllegalStateException("one core and all cores disagree");
    }
    for (int d = 0; d < designs.size(); d++) {
      Outcome peer = StressTest.runOnce(designs.get(d), read(ev, fmt, designs.get(d)), false);
      if (!peer.findings().equals(reference.designs().get(d).asRecorded().findings())) {
        throw new IllegalStateException(
            "peer and stress test disagree on " + designs.get(d).name());
      }
    }
    double[] one1 = new double[rounds];
    double[] onAll = new double[rounds];
    double[] onPeer = new double[rounds];
    for (int r = 1; r <= rounds; r++) {
      double t1 = time(() -> stress(designs, ev, fmt, one));
      double tAll = time(() -> stress(designs, ev, fmt, all));
      double tPeer = time(() -> peer(designs, ev, fmt, n));
      one1[r - 1] = t1;
      onAll[r - 1] = tAll;
      onPeer[r - 1] = tPeer;
      System.out.printf(
          Locale.ROOT,
          "round %d: stress one core %.2f s (%.1f variants/s), all cores %.2f s (%.1f/s), replay per variant %.2f s (%.1f/s)%n",
          r,
          t1,
          variants / t1,
          tAll,
          variants / tAll,
          tPeer,
          variants / tPeer);
    }
    // medians of the rounds, and of each round's ratios (runs seconds apart share the machine's
    // state), never the best round
    double[] peerOverOne = new double[rounds];
    double[] peerOverAll = new double[rounds];
    double[] oneOverAll = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      peerOverOne[r] = onPeer[r] / one1[r];
      peerOverAll[r] = onPeer[r] / onAll[r];
      oneOverAll[r] = one1[r] / onAll[r];
    }
    System.out.printf(
        Locale.ROOT,
        "median of %d rounds: stress one core %.1f variants/s, all %d cores %.1f variants/s (x%.2f over one core);"
            + " replay per variant (one core) %.1f variants/s; stress one core / replay per variant = x%.2f, all cores / replay = x%.2f%n",
        rounds,
        variants / EngineComparison.median(one1),
        cores,
        variants / EngineComparison.median(onAll),
        EngineComparison.median(oneOverAll),
        variants / EngineComparison.median(onPeer),
        EngineComparison.median(peerOverOne),
        EngineComparison.median(peerOverAll));
  }

  /**
   * The stress test as the command runs it: read the events once per design, then every variant
   * from memory.
   */
  static StressReport stress(List<Design> designs, Path events, ImportFormat fmt, Settings s) {
    List<List<RecordedInput>> per = new ArrayList<>();
    for (Design d : designs) {
      per.add(read(events, fmt, d));
    }
    return StressTest.run(designs, per, s);
  }

  /** The peer: each variant as its own replay (read, import, sort, redraw, run). */
  static long peer(List<Design> designs, Path events, ImportFormat fmt, int samples) {
    long confirmed = 0;
    for (Design d : designs) {
      for (int k = -1; k < samples; k++) {
        List<RecordedInput> ev = read(events, fmt, d);
        if (k >= 0) {
          ev = Uncertainty.ALL.draw(ev, 31L * k + 7);
        }
        Outcome o = StressTest.runOnce(d, ev, false);
        confirmed +=
            o.findings().values().stream().mapToLong(Outcome.FindingCount::confirmed).sum();
      }
    }
    return confirmed;
  }

  static List<RecordedInput> read(Path file, ImportFormat fmt, Design d) {
    List<RecordedInput> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      ImportStream s = fmt.importer(PartyNames.forAgreement(d.agreement())).open(r);
      while (s.hasNext()) {
        if (s.next() instanceof RowOutcome.Imported i) {
          out.add(RecordedInput.historical(i.incident()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(Comparator.comparing(RecordedInput::recordedAt));
    return out;
  }

  static double time(Runnable r) {
    String before = load();
    long t = System.nanoTime();
    r.run();
    double s = (System.nanoTime() - t) / 1e9;
    System.out.printf(Locale.ROOT, "    load average %s -> %s%n", before, load());
    return s;
  }

  private static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ", -1);
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
