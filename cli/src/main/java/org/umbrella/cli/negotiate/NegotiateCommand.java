package org.umbrella.cli.negotiate;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code umbrella negotiate}: the packages every party can live with. */
@Command(
    name = "negotiate",
    mixinStandardHelpOptions = true,
    description =
        "Analyse a negotiation: acceptable packages, Pareto frontier, bargaining solutions, drafts, simulations, GENIUS files.",
    subcommands = {
      AnalyzeCommand.class,
      DraftsCommand.class,
      SimulateCommand.class,
      PlotCommand.class,
      ImportGeniusCommand.class,
      ExportGeniusCommand.class,
    })
public final class NegotiateCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
