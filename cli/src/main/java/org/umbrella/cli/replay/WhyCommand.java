package org.umbrella.cli.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.umbrella.cli.UserException;
import org.umbrella.engine.EngineException;
import org.umbrella.engine.input.InputRecord;
import org.umbrella.engine.output.OutputCodec;
import org.umbrella.engine.output.OutputRecord;
import org.umbrella.evidence.importers.Format;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code umbrella why OUTPUT-ID}: the causal chain of one output of a replay, down to the incidents. */
@Command(name = "why", description = {
    "Explain one output of a replay: every status change it went through and the rule behind it, then what it rests on,"
        + " down to the input records."})
public final class WhyCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OUTPUT-ID", description = "An output id, e.g. an obligation or finding id.")
  String id;

  @Option(names = "--outputs", required = true, paramLabel = "FILE", description = "The replay's output (JSON Lines, from replay --out).")
  Path outputs;

  @Option(names = "--events", paramLabel = "FILE", description = "The replay's event files, to show the input records themselves.")
  List<Path> events = new ArrayList<>();

  @Option(names = "--format", defaultValue = "umbrella", paramLabel = "FORMAT", description = "Format of --events (as for replay). Default: ${DEFAULT-VALUE}.")
  String format;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(outputs)) {
      throw new UserException("cannot read " + outputs + ": no such file");
    }
    Map<String, List<OutputRecord>> index = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(outputs, StandardCharsets.UTF_8)) {
      String line;
      long n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (!line.isBlank()) {
          OutputRecord r = OutputCodec.decode(line, n);
          index.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r);
        }
      }
    } catch (EngineException e) {
      throw new UserException(outputs + ": " + e.getMessage());
    }
    Format fmt = Format.fromWire(format).orElseThrow(() -> new UserException("unknown --format '" + format + "'; expected one of "
        + Format.allWireNames()));
    Set<String> needed = Explainer.inputIds(id, index);
    Map<String, InputRecord> inputs = new HashMap<>();
    for (Path p : events) {
      if (!Files.isRegularFile(p)) {
        throw new UserException("cannot read events file " + p + ": no such file");
      }
      Iterator<InputRecord> it = EventFiles.open(p, fmt, r -> { }, n -> { }, b -> { });
      while (it.hasNext()) {
        InputRecord r = it.next();
        if (needed.contains(r.id())) {
          inputs.put(r.id(), r);
        }
      }
    }
    if (!new Explainer(index, inputs, spec.commandLine().getOut()).explain(id)) {
      throw new UserException("no output in " + outputs + " has the id '" + id + "'");
    }
    return 0;
  }
}
