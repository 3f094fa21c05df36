package org.umbrella.cli.negotiate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.RedLine;
import org.umbrella.negotiation.analysis.Analysis;
import org.umbrella.negotiation.analysis.Analyzer;
import org.umbrella.negotiation.analysis.Point;
import org.umbrella.negotiation.analysis.Robustness;
import org.umbrella.negotiation.analysis.Scenario;
import org.umbrella.negotiation.analysis.Solution;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code umbrella negotiate analyze FILE}: acceptable set, frontier, solutions, robustness. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description =
        "Count the packages every party accepts, find their Pareto frontier and the Nash, Kalai-Smorodinsky,"
            + " GENIUS-KS, egalitarian and utilitarian packages; with --samples, the probability each package is accepted"
            + " by all under the uncertain weights.")
final class AnalyzeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A *.negotiation.yaml file.")
  Path file;

  @Option(
      names = "--top",
      defaultValue = "5",
      paramLabel = "N",
      description =
          "List the N frontier packages with the largest Nash product (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--samples",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "Monte Carlo draws over uncertain weights, values and reservations (default: none).")
  int samples;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Seed for --samples (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--max-candidates",
      defaultValue = "2000000",
      paramLabel = "N",
      description =
          "Refuse Monte Carlo over more candidate packages than this (default: ${DEFAULT-VALUE}).")
  long maxCandidates;

  @Option(
      names = "--format",
      defaultValue = "table",
      paramLabel = "FORMAT",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  Format.Kind format;

  @Override
  public Integer call() {
    NegotiationModel m = Inputs.load(file);
    PrintWriter out = spec.commandLine().getOut();
    Scenario s = Inputs.guard(() -> Scenario.of(m));
    Analysis a;
    Robustness.@Nullable Result r;
    try (Progress progress = Progress.forTerminal(format)) {
      a = Inputs.guard(() -> Analyzer.analyze(s, top, progress));
      r =
          samples > 0
              ? Inputs.guard(() -> Robustness.run(s, samples, seed, top, maxCandidates, progress))
              : null;
    }
    if (format == Format.Kind.json) {
      out.println(Format.json(json(m, a, r)));
    } else {
      out.print(text(m, a, r));
    }
    out.flush();
    return 0;
  }

  static Map<String, Object> json(NegotiationModel m, Analysis a, Robustness.@Nullable Result r) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("id", m.id());
    j.put("parties", m.partyIds());
    j.put("packages", a.spaceSize());
    j.put("meetingAllRedLines", a.redLineFeasible());
    j.put("acceptableToAll", a.acceptable());
    j.put("frontierOfRedLineFeasible", a.feasibleFrontierSize());
    j.put("frontierOfAcceptable", a.frontier().size());
    j.put("reservation", Format.utilities(m, a.reservation()));
    if (a.ideal().length > 0) {
      j.put("ideal", Format.utilities(m, a.ideal()));
    }
    List<Object> sols = new ArrayList<>();
    for (Solution s : a.solutions()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("concept", s.concept().title());
      x.put("convention", s.concept().convention());
      x.put("score", s.score());
      x.put("utilities", Format.utilities(m, s.point().utilities()));
      x.put("package", Format.pkg(m, s.point().outcome()));
      sols.add(x);
    }
    j.put("solutions", sols);
    j.put("top", a.top().stream().map(p -> point(m, p)).toList());
    j.put("whyEmpty", a.emptiness());
    j.put("frontier", a.frontier().stream().map(p -> point(m, p)).toList());
    if (r != null) {
      Map<String, Object> rob = new LinkedHashMap<>();
      rob.put("samples", r.samples());
      rob.put("seed", r.seed());
      rob.put("candidates", r.candidates());
      rob.put(
          "mostRobust",
          r.top().stream()
              .map(
                  x -> {
                    Map<String, Object> y = point(m, x.point());
                    y.put("probabilityAllAccept", x.probability());
                    return y;
                  })
              .toList());
      rob.put(
          "drafts",
          r.drafts().stream()
              .map(
                  o -> {
                    Map<String, Object> y = new LinkedHashMap<>();
                    y.put("draft", o.draft().id());
                    y.put("probabilityAllAccept", o.all());
                    y.put("probabilityEachAccepts", Format.utilities(m, o.perParty()));
                    List<Map<String, Object>> without = new ArrayList<>();
                    for (int k = 0; k < o.withoutRedLine().length; k++) {
                      RedLine line = redLines(m).get(k);
                      Map<String, Object> w = new LinkedHashMap<>();
                      w.put("party", line.party());
                      w.put("condition", line.condition());
                      w.put("at", line.at().toString());
                      w.put("probabilityAllAccept", o.withoutRedLine()[k]);
                      without.add(w);
                    }
                    y.put("withEachRedLineDropped", without);
                    return y;
                  })
              .toList());
      j.put("robustness", rob);
    }
    return j;
  }

  /** The red lines in the order the analysis compiles them (party order, then file order). */
  static List<RedLine> redLines(NegotiationModel m) {
    List<RedLine> out = new ArrayList<>();
    m.preferences().values().forEach(p -> out.addAll(p.redLines()));
    return out;
  }

  /**
   * Beside each draft's P(all accept), how it changes when each red line alone is dropped (R1, R2,
   * ... with a legend), so that the analyst sees which red line decides the result.
   */
  static String redLineEffects(NegotiationModel m, Robustness.Result r) {
    List<RedLine> lines = redLines(m);
    if (lines.isEmpty()) {
      return "";
    }
    StringBuilder b =
        new StringBuilder(
            "\nP(all accept) with one red line dropped (change from the row's P(all accept)):\n");
    List<String> h = new ArrayList<>(List.of("draft", "P(all accept)"));
    for (int j = 0; j < lines.size(); j++) {
      h.add("R" + (j + 1));
    }
    List<List<String>> rows = new ArrayList<>();
    for (Robustness.DraftOdds o : r.drafts()) {
      List<String> row = new ArrayList<>(List.of(o.draft().id(), Format.num(o.all())));
      for (double x : o.withoutRedLine()) {
        double delta = x - o.all();
        row.add(delta == 0 ? "." : String.format(Locale.ROOT, "%+.4f", delta));
      }
      rows.add(row);
    }
    b.append(Format.table(h, rows));
    for (int j = 0; j < lines.size(); j++) {
      RedLine l = lines.get(j);
      b.append("  R")
          .append(j + 1)
          .append(" ")
          .append(l.party())
          .append(": ")
          .append(l.condition())
          .append(l.text().isEmpty() ? "" : "  (" + l.text() + ")")
          .append('\n');
    }
    return b.toString();
  }

  static Map<String, Object> point(NegotiationModel m, Point p) {
    Map<String, Object> x = new LinkedHashMap<>();
    x.put("utilities", Format.utilities(m, p.utilities()));
    x.put("package", Format.pkg(m, p.outcome()));
    return x;
  }

  static String text(NegotiationModel m, Analysis a, Robustness.@Nullable Result r) {
    StringBuilder b = new StringBuilder();
    b.append(m.id())
        .append(": ")
        .append(m.parties().size())
        .append(" parties, ")
        .append(m.issues().size())
        .append(" issues, ")
        .append(String.format(Locale.ROOT, "%,d", a.spaceSize()))
        .append(" packages\n");
    b.append("  meet every red line:      ").append(Format.count(a.redLineFeasible())).append('\n');
    b.append("  acceptable to all:        ")
        .append(Format.count(a.acceptable()))
        .append("  (red lines and reservation values)\n");
    b.append("  Pareto frontier:          ")
        .append(a.frontier().size())
        .append(" of the acceptable set (")
        .append(a.feasibleFrontierSize())
        .append(" of the red-line-feasible set)\n");
    b.append("  work: ")
        .append(a.blocks())
        .append(" independent issue blocks, ")
        .append(Format.count(a.enumerated()))
        .append(" block assignments enumerated\n\n");
    if (a.frontier().isEmpty()) {
      b.append("No package is acceptable to every party. Why:\n");
      a.emptiness().forEach(w -> b.append("  - ").append(w).append('\n'));
    } else {
      List<String> header = new ArrayList<>(List.of("solution"));
      header.addAll(m.partyIds());
      header.add("package");
      List<List<String>> rows = new ArrayList<>();
      for (Solution s : a.solutions()) {
        List<String> row = new ArrayList<>(List.of(s.concept().title()));
        for (double u : s.point().utilities()) {
          row.add(Format.num(u));
        }
        row.add(m.describe(s.point().outcome()));
        rows.add(row);
      }
      b.append(
          "Bargaining solutions on the acceptable frontier (conventions: docs/negotiation.md):\n");
      b.append(Format.table(header, rows));
      if (!a.top().isEmpty()) {
        b.append("\nTop ").append(a.top().size()).append(" frontier packages by Nash product:\n");
        List<List<String>> t = new ArrayList<>();
        for (Point p : a.top()) {
          List<String> row = new ArrayList<>(List.of(Integer.toString(t.size() + 1)));
          for (double u : p.utilities()) {
            row.add(Format.num(u));
          }
          row.add(m.describe(p.outcome()));
          t.add(row);
        }
        List<String> h = new ArrayList<>(List.of("#"));
        h.addAll(m.partyIds());
        h.add("package");
        b.append(Format.table(h, t));
      }
    }
    if (r != null) {
      b.append("\nRobustness: ")
          .append(r.samples())
          .append(" draws (seed ")
          .append(r.seed())
          .append(") over ")
          .append(Format.count(r.candidates()))
          .append(" packages that some draw could make acceptable\n");
      List<List<String>> t = new ArrayList<>();
      for (Robustness.Robust x : r.top()) {
        t.add(List.of(Format.num(x.probability()), m.describe(x.point().outcome())));
      }
      if (!t.isEmpty()) {
        b.append(Format.table(List.of("P(all accept)", "package"), t));
      }
      List<List<String>> d = new ArrayList<>();
      for (Robustness.DraftOdds o : r.drafts()) {
        List<String> row = new ArrayList<>(List.of(o.draft().id(), Format.num(o.all())));
        for (double x : o.perParty()) {
          row.add(Format.num(x));
        }
        d.add(row);
      }
      if (!d.isEmpty()) {
        List<String> h = new ArrayList<>(List.of("draft", "P(all accept)"));
        m.partyIds().forEach(p -> h.add("P(" + p + ")"));
        b.append('\n').append(Format.table(h, d));
        b.append(redLineEffects(m, r));
      }
    }
    return b.toString();
  }
}
