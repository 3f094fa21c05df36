package org.umbrella.cli.negotiate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.genius.GeniusExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code umbrella negotiate export-genius FILE DIR}: a negotiation file as GENIUS XML. */
@Command(
    name = "export-genius",
    mixinStandardHelpOptions = true,
    description =
        "Write a negotiation file as a GENIUS domain (DIR/<id>_domain.xml) and one profile per party"
            + " (DIR/<id>_<party>.xml), midpoint estimates; red lines have no GENIUS form and are kept as comments.")
final class ExportGeniusCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A *.negotiation.yaml file.")
  Path file;

  @Parameters(
      index = "1",
      paramLabel = "DIR",
      description = "Directory to write the XML files into.")
  Path dir;

  @Override
  public Integer call() {
    NegotiationModel m = Inputs.load(file);
    PrintWriter out = spec.commandLine().getOut();
    Path domainFile = dir.resolve(m.id() + "_domain.xml");
    Inputs.write(domainFile, GeniusExport.domain(m));
    out.println("wrote " + domainFile);
    for (Map.Entry<String, String> e : GeniusExport.profiles(m).entrySet()) {
      Path f = dir.resolve(m.id() + "_" + e.getKey() + ".xml");
      Inputs.write(f, e.getValue());
      out.println("wrote " + f);
    }
    out.flush();
    return 0;
  }
}
