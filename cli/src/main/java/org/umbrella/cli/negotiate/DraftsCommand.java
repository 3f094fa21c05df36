package org.umbrella.cli.negotiate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.umbrella.cli.UserException;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.RedLine;
import org.umbrella.negotiation.analysis.Analysis;
import org.umbrella.negotiation.analysis.Analyzer;
import org.umbrella.negotiation.analysis.DraftScore;
import org.umbrella.negotiation.analysis.Drafts;
import org.umbrella.negotiation.analysis.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code umbrella negotiate drafts FILE}: every draft scored against every party. */
@Command(
    name = "drafts",
    mixinStandardHelpOptions = true,
    description =
        "Score each draft: every party's utility, the red lines it breaks, its distance to the frontier and to Nash,"
            + " and the smallest change that would make it acceptable to all.")
final class DraftsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "A *.negotiation.yaml file with drafts.")
  Path file;

  @Option(
      names = "--format",
      defaultValue = "table",
      paramLabel = "FORMAT",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  Format.Kind format;

  @Override
  public Integer call() {
    NegotiationModel m = Inputs.load(file);
    if (m.drafts().isEmpty()) {
      throw new UserException(file + ": no drafts to score; add them under 'drafts:'");
    }
    Scenario s = Inputs.guard(() -> Scenario.of(m));
    Analysis a;
    try (Progress progress = Progress.forTerminal(format)) {
      a = Inputs.guard(() -> Analyzer.analyze(s, 0, progress));
    }
    List<DraftScore> scores = Drafts.score(s, a);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.Kind.json) {
      out.println(Format.json(scores.stream().map(d -> json(m, s, d)).toList()));
    } else {
      scores.forEach(d -> out.print(text(m, s, d)));
    }
    out.flush();
    return 0;
  }

  static Map<String, Object> json(NegotiationModel m, Scenario s, DraftScore d) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("draft", d.draft().id());
    j.put("title", d.draft().title());
    j.put("utilities", Format.utilities(m, d.utilities()));
    j.put("reservation", Format.utilities(m, s.reservations()));
    Map<String, Boolean> acc = new LinkedHashMap<>();
    for (int p = 0; p < d.accepts().length; p++) {
      acc.put(m.partyIds().get(p), d.accepts()[p]);
    }
    j.put("accepts", acc);
    j.put("acceptableToAll", d.acceptableToAll());
    j.put(
        "brokenRedLines",
        d.broken().stream()
            .map(
                r ->
                    Map.of(
                        "party",
                        r.party(),
                        "condition",
                        r.condition(),
                        "text",
                        r.text(),
                        "at",
                        r.at().toString()))
            .toList());
    j.put("dominatedByFrontier", d.dominated());
    j.put(
        "distanceToFrontier", Double.isNaN(d.distanceToFrontier()) ? null : d.distanceToFrontier());
    j.put("distanceToNash", Double.isNaN(d.distanceToNash()) ? null : d.distanceToNash());
    d.repair()
        .ifPresent(
            r -> {
              Map<String, Object> x = new LinkedHashMap<>();
              Map<String, String> change = new LinkedHashMap<>();
              for (int i : r.changed()) {
                change.put(
                    m.issues().get(i).name(), m.issues().get(i).label(r.point().outcome()[i]));
              }
              x.put("change", change);
              x.put("utilities", Format.utilities(m, r.point().utilities()));
              j.put("minimalRepair", x);
            });
    if (!d.repairNote().isEmpty()) {
      j.put("repairNote", d.repairNote());
    }
    return j;
  }

  static String text(NegotiationModel m, Scenario s, DraftScore d) {
    StringBuilder b = new StringBuilder();
    b.append("draft ")
        .append(d.draft().id())
        .append(d.draft().title().isEmpty() ? "" : ": " + d.draft().title())
        .append('\n');
    List<List<String>> rows = new ArrayList<>();
    for (int p = 0; p < d.utilities().length; p++) {
      String id = m.partyIds().get(p);
      long own = d.broken().stream().filter(r -> r.party().equals(id)).count();
      rows.add(
          List.of(
              id,
              Format.num(d.utilities()[p]),
              Format.num(s.reservation(p)),
              Long.toString(own),
              d.accepts()[p] ? "yes" : "no"));
    }
    b.append(
        Format.table(
            List.of("party", "utility", "reservation", "red lines broken", "accepts"), rows));
    for (RedLine r : d.broken()) {
      b.append("  breaks ")
          .append(r.party())
          .append("'s red line ")
          .append(r.condition())
          .append("  (")
          .append(r.at())
          .append(")");
      b.append(r.text().isEmpty() ? "" : "\n      " + r.text()).append('\n');
    }
    b.append("  acceptable to all: ")
        .append(d.acceptableToAll() ? "yes" : "no")
        .append("; distance to the acceptable frontier ")
        .append(Format.num(d.distanceToFrontier()))
        .append(", to Nash ")
        .append(Format.num(d.distanceToNash()))
        .append(d.dominated() ? "; Pareto-dominated by an acceptable package" : "")
        .append('\n');
    d.repair()
        .ifPresent(
            r -> {
              List<String> changes = new ArrayList<>();
              for (int i : r.changed()) {
                changes.add(
                    m.issues().get(i).name()
                        + ": "
                        + m.issues().get(i).label(d.draft().outcome()[i])
                        + " -> "
                        + m.issues().get(i).label(r.point().outcome()[i]));
              }
              b.append("  smallest change acceptable to all (")
                  .append(r.changed().size())
                  .append(" issue")
                  .append(r.changed().size() == 1 ? "" : "s")
                  .append("): ")
                  .append(String.join("; ", changes))
                  .append('\n');
              StringBuilder u = new StringBuilder();
              for (int p = 0; p < r.point().utilities().length; p++) {
                u.append(p == 0 ? "" : ", ")
                    .append(m.partyIds().get(p))
                    .append(' ')
                    .append(Format.num(r.point().utilities()[p]));
              }
              b.append("    utilities then: ").append(u).append('\n');
            });
    if (!d.repairNote().isEmpty()) {
      b.append("  ").append(d.repairNote()).append('\n');
    }
    return b.append('\n').toString();
  }
}
