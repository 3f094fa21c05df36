package org.umbrella.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.umbrella.agreement.diff.AgreementDiff;
import org.umbrella.agreement.diff.Change;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code umbrella diff OLD NEW}: what changed in meaning between two versions of an agreement. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two versions of an agreement by meaning, clause by clause (matched by id): clauses added and removed,"
          + " and changes such as 'term 10y -> 15y' or 'void-if gains unprovoked-strike-on-capitals'. Not a text diff.",
      "Exit status 0 whether or not they differ; 1 if either file is invalid."
    })
final class DiffCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "The earlier version.")
  Path before;

  @Parameters(index = "1", paramLabel = "NEW", description = "The later version.")
  Path after;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--citations",
      description =
          "Also report clauses whose citations changed (left out by default: they change with every redraft).")
  boolean citations;

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    var old = AgreementArgs.load(before, err);
    var now = AgreementArgs.load(after, err);
    List<Change> changes = AgreementDiff.compare(old, now, citations);
    var out = spec.commandLine().getOut();
    if (format == Format.json) {
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("old", old.ref().toString());
      root.put("new", now.ref().toString());
      root.put(
          "changes",
          changes.stream()
              .map(
                  c -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("section", c.section());
                    m.put("clause", c.clause());
                    m.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
                    m.put("description", c.description());
                    m.put("modelled", c.modelled().name().toLowerCase(Locale.ROOT));
                    return m;
                  })
              .toList());
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
    } else {
      out.print(AgreementDiff.render(old, now, changes));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
