package org.umbrella.cli.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.umbrella.cli.UserException;
import org.umbrella.engine.EngineException;
import org.umbrella.engine.input.RecordedInput;
import org.umbrella.engine.output.OutputCodec;
import org.umbrella.engine.output.OutputRecord;
import org.umbrella.evidence.importers.ImportFormat;
import org.umbrella.evidence.importers.PartyNames;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code umbrella why OUTPUT-ID}: the causal chain of one output of a replay, down to the
 * incidents.
 *
 * <p>Streams the output file instead of loading it: causes point back to earlier outputs, so the
 * chain is gathered in passes, each reading the file once and keeping only the records of the ids
 * the previous pass reached (a chain is a few levels deep: obligation, aggregate, findings). Memory
 * is bounded by the chain, not by the replay.
 */
@Command(
    name = "why",
    mixinStandardHelpOptions = true,
    description = {
      "Explain one output of a replay: every status change it went through and the rule behind it, then what it rests on,"
          + " down to the input records."
    })
public final class WhyCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "OUTPUT-ID",
      description = "An output id, e.g. an obligation or finding id.")
  String id;

  @Option(
      names = "--outputs",
      required = true,
      paramLabel = "FILE",
      description = "The replay's output (JSON Lines, from replay --out).")
  Path outputs;

  @Option(
      names = "--events",
      paramLabel = "FILE",
      description = "The replay's event files, to show the input records themselves.")
  List<Path> events = new ArrayList<>();

  @Option(
      names = "--format",
      defaultValue = "umbrella",
      paramLabel = "FORMAT",
      description = "Format of --events (as for replay). Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(
      names = "--agreement",
      paramLabel = "FILE",
      description =
          "The agreement replayed: its parties name the actors of --events in dataset formats. Default: the Ukraine-war names.")
  Path agreement;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(outputs)) {
      throw new UserException("cannot read " + outputs + ": no such file");
    }
    Map<String, List<OutputRecord>> index = new HashMap<>();
    Set<String> asked = new HashSet<>();
    Set<String> wanted = Set.of(id);
    while (!wanted.isEmpty()) {
      asked.addAll(wanted);
      Map<String, List<OutputRecord>> found = scan(outputs, wanted);
      index.putAll(found);
      Set<String> next = new HashSet<>();
      for (List<OutputRecord> records : found.values()) {
        for (OutputRecord r : records) {
          for (String o : r.cause().outputs()) {
            if (!asked.contains(o)) {
              next.add(o);
            }
          }
        }
      }
      wanted = next;
    }
    PartyNames parties =
        agreement == null
            ? PartyNames.ukraineWar()
            : PartyNames.forAgreement(ReplayCommand.loadAgreement(agreement));
    ImportFormat fmt =
        ImportFormat.fromWire(format)
            .orElseThrow(
                () ->
                    new UserException(
                        "unknown --format '"
                            + format
                            + "'; expected one of "
                            + ImportFormat.allWireNames()));
    Set<String> needed = ReplayExplainer.inputIds(id, index);
    Map<String, RecordedInput> inputs = new HashMap<>();
    for (Path p : events) {
      if (!Files.isRegularFile(p)) {
        throw new UserException("cannot read events file " + p + ": no such file");
      }
      Iterator<RecordedInput> it = EventFiles.open(p, fmt, parties, r -> {}, n -> {}, b -> {});
      while (it.hasNext()) {
        RecordedInput r = it.next();
        if (needed.contains(r.record().id())) {
          inputs.put(r.record().id(), r);
        }
      }
    }
    if (!new ReplayExplainer(index, inputs, spec.commandLine().getOut()).explain(id)) {
      throw new UserException("no output in " + outputs + " has the id '" + id + "'");
    }
    return 0;
  }

  /** One pass over the output file: the records whose id is in {@code wanted}, in file order. */
  private static Map<String, List<OutputRecord>> scan(Path file, Set<String> wanted)
      throws IOException {
    Map<String, List<OutputRecord>> found = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        String quick = topLevelId(line);
        if (quick != null && !wanted.contains(quick)) {
          continue;
        }
        OutputRecord r = OutputCodec.decode(line, n);
        if (wanted.contains(r.id())) {
          found.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r);
        }
      }
    } catch (EngineException e) {
      throw new UserException(file + ": " + e.getMessage());
    }
    return found;
  }

  /**
   * The id of a canonical output line without parsing it, or null when it cannot tell (then the
   * line is parsed). In canonical JSON a quote inside a string is escaped, so {@code "id":"} occurs
   * only as a key, and the only object with an {@code id} key is the record itself.
   */
  static @Nullable String topLevelId(String line) {
    int at = line.indexOf("\"id\":\"");
    if (at < 0) {
      return null;
    }
    int from = at + 6;
    int to = line.indexOf('"', from);
    if (to < 0 || line.lastIndexOf('\\', to) >= from) {
      return null;
    }
    return line.substring(from, to);
  }
}
