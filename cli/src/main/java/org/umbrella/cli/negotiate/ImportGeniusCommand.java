package org.umbrella.cli.negotiate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.genius.GeniusImport;
import org.umbrella.negotiation.load.NegotiationWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code umbrella negotiate import-genius DOMAIN PROFILE...}: GENIUS XML to a negotiation file. */
@Command(
    name = "import-genius",
    mixinStandardHelpOptions = true,
    description =
        "Convert a GENIUS domain and its preference profiles into a *.negotiation.yaml file"
            + " (GENIUS normalisation: weight x evaluation / the issue's best evaluation).")
final class ImportGeniusCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DOMAIN", description = "The GENIUS domain XML.")
  Path domain;

  @Parameters(
      index = "1..*",
      arity = "2..*",
      paramLabel = "PROFILE",
      description = "Two or more GENIUS profile XMLs, one per party (party id from the file name).")
  List<Path> profiles = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the negotiation file here (default: standard output).")
  Path output;

  @Option(
      names = "--renormalise",
      description =
          "Divide each profile's weights by their sum. GENIUS does not for profiles loaded"
              + " from files (weights as written, utility capped at 1), and neither does this import by default.")
  boolean renormalise;

  @Override
  public Integer call() {
    List<GeniusImport.Profile> ps = new ArrayList<>();
    for (Path p : profiles) {
      ps.add(
          new GeniusImport.Profile(
              GeniusImport.partyIdFromFileName(p.getFileName().toString()),
              Inputs.read(p),
              p.toString()));
    }
    NegotiationModel m =
        Inputs.guard(
            () -> GeniusImport.read(Inputs.read(domain), domain.toString(), ps, renormalise));
    String yaml = NegotiationWriter.write(m);
    PrintWriter out = spec.commandLine().getOut();
    if (output == null) {
      out.print(yaml);
    } else {
      Inputs.write(output, yaml);
      out.println(
          "wrote "
              + output
              + ": "
              + m.parties().size()
              + " parties, "
              + m.issues().size()
              + " issues, "
              + String.format(Locale.ROOT, "%,.0f", m.spaceSize())
              + " packages");
    }
    out.flush();
    return 0;
  }
}
