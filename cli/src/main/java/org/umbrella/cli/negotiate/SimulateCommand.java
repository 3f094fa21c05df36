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
import org.umbrella.cli.UserException;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.analysis.Scenario;
import org.umbrella.negotiation.simulation.Mediated;
import org.umbrella.negotiation.simulation.Saop;
import org.umbrella.negotiation.simulation.Simulation;
import org.umbrella.negotiation.simulation.Step;
import org.umbrella.negotiation.simulation.Strategy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code umbrella negotiate simulate FILE --protocol mediated|saop}. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description =
        "Simulate a negotiation: mediated single-text, or stacked alternating offers (SAOP) with"
            + " Boulware, linear, conceder or tit-for-tat parties. Deterministic under --seed; prints the trace.")
final class SimulateCommand implements Callable<Integer> {
  /** The protocols. */
  enum Protocol {
    mediated,
    saop
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A *.negotiation.yaml file.")
  Path file;

  @Option(
      names = "--protocol",
      required = true,
      paramLabel = "P",
      description = "mediated or saop.")
  Protocol protocol;

  @Option(
      names = "--rounds",
      defaultValue = "100",
      paramLabel = "N",
      description =
          "Deadline in rounds (SAOP) or proposals (mediated) (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--strategy",
      paramLabel = "PARTY=KIND",
      description =
          "SAOP strategy per party: boulware, linear, conceder, tit-for-tat (default: boulware). Repeatable.")
  Map<String, String> strategies = new LinkedHashMap<>();

  @Option(
      names = "--start",
      paramLabel = "DRAFT",
      description =
          "Mediated: start from this draft (default: the first draft, else a random package).")
  String start;

  @Option(
      names = "--concession",
      paramLabel = "KIND",
      description =
          "Mediated: parties also accept changes that keep them at their"
              + " aspiration, falling from best to reservation: boulware, linear or conceder (default: strict improvement only).")
  String concessionName;

  @Option(
      names = "--format",
      defaultValue = "table",
      paramLabel = "FORMAT",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  Format.Kind format;

  @Override
  public Integer call() {
    if (rounds < 1) {
      throw new UserException("--rounds must be at least 1, was " + rounds);
    }
    NegotiationModel m = Inputs.load(file);
    Scenario s = Inputs.guard(() -> Scenario.of(m));
    Simulation sim =
        switch (protocol) {
          case saop -> Inputs.guard(() -> Saop.run(s, strategies(m), rounds, seed));
          case mediated ->
              Inputs.guard(() -> Mediated.run(s, startText(m), rounds, seed, concession()));
        };
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.Kind.json) {
      out.println(Format.json(json(m, sim)));
    } else {
      out.print(text(m, sim));
    }
    out.flush();
    return 0;
  }

  private List<Strategy> strategies(NegotiationModel m) {
    for (String p : strategies.keySet()) {
      if (!m.partyIds().contains(p)) {
        throw new UserException(
            "--strategy names unknown party '"
                + p
                + "'; parties: "
                + String.join(", ", m.partyIds()));
      }
    }
    List<Strategy> out = new ArrayList<>();
    for (String p : m.partyIds()) {
      try {
        out.add(Strategy.parse(strategies.getOrDefault(p, "boulware")));
      } catch (IllegalArgumentException e) {
        throw new UserException("--strategy " + p + ": " + e.getMessage());
      }
    }
    return out;
  }

  private @Nullable Strategy concession() {
    if (concessionName == null) {
      return null;
    }
    try {
      Strategy st = Strategy.parse(concessionName);
      if (st == Strategy.TIT_FOR_TAT) {
        throw new UserException(
            "--concession: tit-for-tat needs offers to mirror; use boulware, linear or conceder");
      }
      return st;
    } catch (IllegalArgumentException e) {
      throw new UserException("--concession: " + e.getMessage());
    }
  }

  private int @Nullable [] startText(NegotiationModel m) {
    if (start == null) {
      return m.drafts().isEmpty() ? null : m.drafts().getFirst().outcome();
    }
    return m.drafts().stream()
        .filter(d -> d.id().equals(start))
        .findFirst()
        .orElseThrow(
            () ->
                new UserException(
                    "--start: no draft '"
                        + start
                        + "'; drafts: "
                        + String.join(", ", m.drafts().stream().map(d -> d.id()).toList())))
        .outcome();
  }

  static Map<String, Object> json(NegotiationModel m, Simulation sim) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("protocol", sim.protocol());
    j.put("seed", sim.seed());
    j.put("rounds", sim.rounds());
    j.put("agreement", sim.agreement().map(p -> AnalyzeCommand.point(m, p)).orElse(null));
    List<Object> trace = new ArrayList<>();
    for (Step st : sim.trace()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("round", st.round());
      x.put("party", st.party());
      x.put("action", st.action().name().toLowerCase(Locale.ROOT));
      if (st.point() != null) {
        x.put("utilities", Format.utilities(m, st.point().utilities()));
        x.put("package", Format.pkg(m, st.point().outcome()));
      }
      x.put("note", st.note());
      trace.add(x);
    }
    j.put("trace", trace);
    return j;
  }

  static String text(NegotiationModel m, Simulation sim) {
    StringBuilder b = new StringBuilder();
    b.append(sim.protocol()).append(" simulation, seed ").append(sim.seed()).append('\n');
    List<String> h = new ArrayList<>(List.of("round", "who", "action"));
    h.addAll(m.partyIds());
    h.add("note");
    List<List<String>> rows = new ArrayList<>();
    for (Step st : sim.trace()) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  Integer.toString(st.round()),
                  st.party(),
                  st.action().name().toLowerCase(Locale.ROOT)));
      for (int p = 0; p < m.partyIds().size(); p++) {
        row.add(st.point() == null ? "-" : Format.num(st.point().utility(p)));
      }
      row.add(st.note());
      rows.add(row);
    }
    b.append(Format.table(h, rows));
    b.append(
            sim.agreement()
                .map(p -> "agreement: " + m.describe(p.outcome()))
                .orElse("no agreement"))
        .append('\n');
    return b.toString();
  }
}
