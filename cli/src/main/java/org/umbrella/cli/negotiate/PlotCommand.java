package org.umbrella.cli.negotiate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.umbrella.cli.UserException;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.analysis.Analysis;
import org.umbrella.negotiation.analysis.Analyzer;
import org.umbrella.negotiation.analysis.DraftScore;
import org.umbrella.negotiation.analysis.Drafts;
import org.umbrella.negotiation.analysis.Point;
import org.umbrella.negotiation.analysis.ProgressListener;
import org.umbrella.negotiation.analysis.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code umbrella negotiate plot FILE}: the frontier and the drafts in utility space, as SVG. */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    description =
        "Plot the Pareto frontier, the Nash package and the drafts in utility space as SVG:"
            + " two parties at a time (--x, --y) or parallel coordinates for all parties (--parallel).")
final class PlotCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A *.negotiation.yaml file.")
  Path file;

  @Option(
      names = "--x",
      paramLabel = "PARTY",
      description = "Party on the horizontal axis (default: the first).")
  String x;

  @Option(
      names = "--y",
      paramLabel = "PARTY",
      description = "Party on the vertical axis (default: the second).")
  String y;

  @Option(
      names = "--parallel",
      description = "Parallel coordinates over every party instead of two axes.")
  boolean parallel;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the SVG here (default: standard output).")
  Path output;

  @Override
  public Integer call() {
    NegotiationModel m = Inputs.load(file);
    Scenario s = Inputs.guard(() -> Scenario.of(m));
    Analysis a = Inputs.guard(() -> Analyzer.analyze(s, 0, ProgressListener.NONE));
    List<DraftScore> drafts = Drafts.score(s, a);
    String svg;
    if (parallel) {
      svg = SvgPlot.parallel(m, a, drafts);
    } else {
      int xi = party(m, x, 0, "--x");
      int yi = party(m, y, 1, "--y");
      List<Point> feasible = Inputs.guard(() -> Analyzer.feasibleFrontier(s));
      svg = SvgPlot.scatter(m, a, feasible, drafts, xi, yi);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (output == null) {
      out.print(svg);
    } else {
      Inputs.write(output, svg);
      out.println("wrote " + output);
    }
    out.flush();
    return 0;
  }

  private static int party(NegotiationModel m, String id, int fallback, String option) {
    if (id == null) {
      return fallback;
    }
    int i = m.partyIds().indexOf(id);
    if (i < 0) {
      throw new UserException(
          option + ": no party '" + id + "'; parties: " + String.join(", ", m.partyIds()));
    }
    return i;
  }
}
