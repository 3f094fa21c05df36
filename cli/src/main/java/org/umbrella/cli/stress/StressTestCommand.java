package org.umbrella.cli.stress;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.io.AgreementFiles;
import org.umbrella.agreement.load.AgreementLoader;
import org.umbrella.agreement.load.LoadResult;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.cli.UserException;
import org.umbrella.cli.replay.EventOptions;
import org.umbrella.cli.replay.ReplayCommand;
import org.umbrella.engine.EngineException;
import org.umbrella.engine.input.RecordedInput;
import org.umbrella.evidence.importers.PartyNames;
import org.umbrella.stress.Design;
import org.umbrella.stress.Outcome;
import org.umbrella.stress.ReportHtml;
import org.umbrella.stress.ReportJson;
import org.umbrella.stress.Settings;
import org.umbrella.stress.StressReport;
import org.umbrella.stress.StressTest;
import org.umbrella.stress.Sweep;
import org.umbrella.stress.Uncertainty;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code umbrella stress-test AGREEMENT... --events FILE... --out DIR}: runs every design over the
 * same events, as recorded and (with {@code --samples}) under the evidence's uncertainty, and
 * writes {@code DIR/report.json} and {@code DIR/report.html} (docs/stress-test.md).
 */
@Command(
    name = "stress-test",
    mixinStandardHelpOptions = true,
    description = {
      "Run several guarantee designs over the same events and report what each would have triggered, when, and on whom;"
          + " with --samples, how likely each outcome is under the evidence's uncertainty (attribution, place, fatalities, sources).",
      "Writes DIR/report.json (canonical JSON: the same seed gives the same bytes) and DIR/report.html (one self-contained page)."
    })
public final class StressTestCommand implements Callable<Integer> {
  private static final int MAX_DESIGNS = 10_000;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "AGREEMENT",
      description = "The designs: agreement files (*.agreement.yaml).")
  List<Path> agreements;

  @Option(
      names = "--events",
      arity = "1..*",
      required = true,
      paramLabel = "FILE",
      description = "Event files, read as one stream.")
  List<Path> events;

  @CommandLine.Mixin EventOptions eventOptions;

  @Option(
      names = "--sweep",
      paramLabel = "PATH=V1,V2,...",
      description =
          "Also run each agreement with the value at PATH (dot-separated keys, e.g. findings.significant-attack.over.at-least) replaced"
              + " by each value in turn; one sweep varies one parameter of the file as written. Repeatable; applies to the files that have PATH.")
  List<String> sweeps = new ArrayList<>();

  @Option(
      names = "--grid",
      description =
          "Run every combination of the sweeps' values (per file) instead of one sweep at a time.")
  boolean grid;

  @Option(
      names = "--samples",
      defaultValue = "0",
      paramLabel = "N",
      description = "Runs per design under uncertainty (0..1000000). Default: ${DEFAULT-VALUE}.")
  int samples;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Seed of the samples' draws. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--source-drop",
      defaultValue = "0.1",
      paramLabel = "P",
      description =
          "Probability that a sampled incident loses one source (an incident left with none is not reported). Default: ${DEFAULT-VALUE}.")
  double sourceDrop;

  @Option(
      names = "--sensitivity",
      description =
          "Also run the samples once per source of uncertainty alone, to rank what the outcome is most sensitive to (5x the runs).")
  boolean sensitivity;

  @Option(
      names = "--one-core",
      description =
          "Run designs and samples one after another on one core (for comparison; the report is the same).")
  boolean oneCore;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory for report.json and report.html (created if missing).")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (samples < 0 || samples > 1_000_000) {
      throw new UserException("--samples must be between 0 and 1000000, was " + samples);
    }
    if (!(sourceDrop >= 0 && sourceDrop <= 1)) {
      throw new UserException("--source-drop must be between 0 and 1, was " + sourceDrop);
    }
    if (sensitivity && samples == 0) {
      throw new UserException("--sensitivity needs --samples N (N > 0)");
    }
    EventOptions.checkFiles(events);
    List<Sweep> parsedSweeps = new ArrayList<>();
    for (String spec : sweeps) {
      try {
        parsedSweeps.add(Sweep.parse(spec));
      } catch (IllegalArgumentException e) {
        throw UserException.from(e);
      }
    }
    Set<Sweep> applied = new HashSet<>();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    List<Design> designs = new ArrayList<>();
    List<List<RecordedInput>> perDesign = new ArrayList<>();
    Set<String> names = new HashSet<>();
    AtomicLong rejected = new AtomicLong();
    for (int i = 0; i < agreements.size(); i++) {
      Path file = agreements.get(i);
      Agreement a = ReplayCommand.loadAgreement(file);
      String name =
          file.getFileName()
              .toString()
              .replaceFirst("\\.agreement\\.ya?ml$", "")
              .replaceFirst("\\.ya?ml$", "");
      if (!names.add(name)) {
        name = name + "#" + (i + 1);
        names.add(name);
      }
      boolean first = i == 0;
      List<RecordedInput> ev =
          eventOptions.readAll(
              events,
              PartyNames.forAgreement(a),
              r -> {
                if (first) {
                  rejected.incrementAndGet();
                }
              },
              note -> {
                if (first) {
                  err.println("note: " + note);
                }
              });
      designs.add(new Design(name, a));
      perDesign.add(ev);
      String text = AgreementFiles.read(file).orElseThrow();
      List<Sweep> mine = parsedSweeps.stream().filter(sw -> sw.appliesTo(text)).toList();
      applied.addAll(mine);
      for (SortedMap<String, String> point : points(mine)) {
        String variant =
            name
                + " ["
                + String.join(
                    ", ",
                    point.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                + "]";
        String edited = text;
        try {
          for (Sweep sw : mine) {
            if (point.containsKey(sw.path())) {
              edited = sw.apply(edited, point.get(sw.path()));
            }
          }
        } catch (IllegalArgumentException e) {
          throw UserException.from(e);
        }
        LoadResult r = AgreementLoader.load(variant, edited, AgreementFiles.relativeTo(file));
        if (!r.isValid()) {
          throw new UserException(
              "--sweep "
                  + point
                  + " makes "
                  + file
                  + " invalid:\n"
                  + r.toDisplayString().stripTrailing());
        }
        designs.add(new Design(variant, r.agreement(), Optional.of(new Design.Point(name, point))));
        perDesign.add(ev);
        if (designs.size() > MAX_DESIGNS) {
          throw new UserException("more than " + MAX_DESIGNS + " designs; sweep fewer values");
        }
      }
    }
    for (Sweep sweep : parsedSweeps) {
      if (!applied.contains(sweep)) {
        throw new UserException("--sweep " + sweep.path() + ": no agreement file has this path");
      }
    }
    if (rejected.get() > 0) {
      err.printf(
          "note: %,d rows could not be mapped and were left out (umbrella replay --rejects FILE lists them)%n",
          rejected.get());
    }
    Settings settings =
        new Settings(
            samples, seed, new Uncertainty(true, true, true, sourceDrop), sensitivity, !oneCore);
    long started = System.nanoTime();
    StressReport report;
    try {
      report = StressTest.run(designs, perDesign, settings);
    } catch (EngineException e) {
      throw new UserException("stress test stopped: " + e.getMessage());
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Files.createDirectories(out);
    Files.writeString(out.resolve("report.json"), ReportJson.write(report), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("report.html"), ReportHtml.write(report), StandardCharsets.UTF_8);
    printSummary(stdout, report, perDesign.get(0).size(), seconds);
    return 0;
  }

  /** The sweeps' points: each value of each sweep alone, or with --grid every combination. */
  private List<SortedMap<String, String>> points(List<Sweep> mine) {
    List<SortedMap<String, String>> out = new ArrayList<>();
    if (!grid) {
      for (Sweep sw : mine) {
        for (String v : sw.values()) {
          out.add(new TreeMap<>(Map.of(sw.path(), v)));
        }
      }
      return out;
    }
    if (mine.isEmpty()) {
      return out;
    }
    out.add(new TreeMap<>());
    for (Sweep sw : mine) {
      List<SortedMap<String, String>> next = new ArrayList<>();
      for (SortedMap<String, String> p : out) {
        for (String v : sw.values()) {
          SortedMap<String, String> q = new TreeMap<>(p);
          q.put(sw.path(), v);
          next.add(q);
          if (next.size() > MAX_DESIGNS) {
            throw new UserException(
                "--grid makes more than " + MAX_DESIGNS + " designs; sweep fewer values");
          }
        }
      }
      out = next;
    }
    return out;
  }

  private void printSummary(PrintWriter o, StressReport report, int events, double seconds) {
    int runs = report.designs().size() * (1 + samples * (sensitivity ? 5 : 1));
    o.printf(
        Locale.ROOT,
        "Stress test: %d designs x %,d events, %,d runs in %.1f s (%.1f runs/s)%s%n",
        report.designs().size(),
        events,
        runs,
        seconds,
        runs / Math.max(seconds, 1e-9),
        samples > 0 ? ", " + samples + " samples, seed " + seed : "");
    o.printf(
        Locale.ROOT,
        "  %-44s %9s %9s %s%n",
        "finding / guarantee",
        "recorded",
        "P(>=1)",
        "first (recorded)");
    for (StressReport.DesignResult d : report.designs()) {
      Outcome r = d.asRecorded();
      o.println(d.name() + " (" + d.agreement() + ")");
      r.findings()
          .forEach(
              (def, c) ->
                  o.printf(
                      Locale.ROOT,
                      "  %-44s %9d %9s %s%n",
                      trim(def, 44),
                      c.confirmed(),
                      d.sampled().map(s -> pct(s.findingConfirmed().get(def))).orElse("-"),
                      c.firstConfirmed().map(Object::toString).orElse("")));
      r.guarantees()
          .forEach(
              (g, c) ->
                  o.printf(
                      Locale.ROOT,
                      "  %-44s %9s %9s %s%n",
                      trim("guarantee " + g, 44),
                      c.firstTriggered().isPresent() ? "triggered" : (c.voided() ? "void" : "no"),
                      d.sampled().map(s -> pct(s.guaranteeTriggered().get(g))).orElse("-"),
                      c.firstTriggered().map(Object::toString).orElse("")));
      for (Map.Entry<String, Map<String, Long>> e : r.obligations().entrySet()) {
        o.printf(
            Locale.ROOT, "  %-44s %s%n", trim("obligations of " + e.getKey(), 44), e.getValue());
      }
    }
    report
        .parameterSensitivity()
        .forEach(
            (p, v) -> o.printf(Locale.ROOT, "sensitivity to %s: largest change %s%n", p, pct(v)));
    o.println("Wrote " + out.resolve("report.json") + " and " + out.resolve("report.html"));
    o.flush();
  }

  private static String pct(@Nullable Double p) {
    return p == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * p);
  }

  private static String trim(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "~";
  }
}
