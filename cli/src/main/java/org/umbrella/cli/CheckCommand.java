package org.umbrella.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.umbrella.agreement.io.AgreementFiles;
import org.umbrella.agreement.load.Issue;
import org.umbrella.agreement.load.LoadResult;
import org.umbrella.agreement.model.Agreement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code umbrella check FILE...}: validates agreement files and reports every problem of every
 * file, as a compiler does.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Validate agreement files (*.agreement.yaml): syntax, keys, references, durations, geometry, CEL conditions;"
          + " negotiation files (*.negotiation.yaml) are checked by the negotiation loader, with the same diagnostics.",
      "Exit status 0 when every file is valid, 1 otherwise. Problems go to standard error as file:line:column,"
          + " error[code] or warning[code], the line and a caret, what would be valid and suggestions; with --format json,"
          + " one JSON document on standard output.",
      "Warnings (such as a modelled number without a label in a file modelled from sources) do not change the exit"
          + " status unless --warnings-as-errors is given."
    })
final class CheckCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Agreement (or negotiation) files to check.")
  List<Path> files;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--warnings-as-errors",
      description = "Exit 1 when any file has a warning, as for an error.")
  boolean warningsAsErrors;

  /**
   * One checked file, agreement or negotiation: its diagnostics, and when valid the summary printed
   * after "ok" and the id and version given in JSON.
   */
  record Checked(
      String file,
      List<Issue> issues,
      Optional<String> summary,
      Optional<String> id,
      Optional<String> version) {
    boolean isValid() {
      return summary.isPresent();
    }

    List<Issue> errors() {
      return issues.stream().filter(Issue::isError).toList();
    }

    List<Issue> warnings() {
      return issues.stream().filter(i -> !i.isError()).toList();
    }

    String toDisplayString() {
      StringBuilder b = new StringBuilder();
      issues.forEach(i -> b.append(i.toDisplayString()));
      return b.toString();
    }

    static Checked of(LoadResult r) {
      return new Checked(
          r.file(),
          r.issues(),
          r.model().map(CheckCommand::summary),
          r.model().map(Agreement::id),
          r.model().map(Agreement::version));
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Checked> results = new ArrayList<>();
    for (Path f : files) {
      boolean negotiation =
          f.getFileName() != null && f.getFileName().toString().endsWith(".negotiation.yaml");
      results.add(negotiation ? NegotiationCheck.check(f) : Checked.of(AgreementFiles.load(f)));
    }
    boolean valid = results.stream().allMatch(Checked::isValid);
    boolean warned = results.stream().anyMatch(r -> !r.warnings().isEmpty());
    if (format == Format.json) {
      out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(json(results, valid)));
    } else {
      int errors = 0;
      int warnings = 0;
      for (Checked r : results) {
        err.print(r.toDisplayString());
        errors += r.errors().size();
        warnings += r.warnings().size();
        if (r.isValid()) {
          out.println(
              r.file()
                  + ": ok ("
                  + r.summary().orElseThrow()
                  + ")"
                  + (r.warnings().isEmpty()
                      ? ""
                      : " with " + plural(r.warnings().size(), "warning")));
        }
      }
      long bad = results.stream().filter(r -> !r.isValid()).count();
      long withWarnings = results.stream().filter(r -> !r.warnings().isEmpty()).count();
      if (bad > 0) {
        err.println(
            errors
                + (errors == 1 ? " error" : " errors")
                + " in "
                + bad
                + " of "
                + results.size()
                + (results.size() == 1 ? " file" : " files"));
      }
      if (withWarnings > 0) {
        err.println(
            plural(warnings, "warning")
                + " in "
                + withWarnings
                + " of "
                + results.size()
                + (results.size() == 1 ? " file" : " files")
                + (warningsAsErrors ? " (treated as errors: --warnings-as-errors)" : ""));
      }
    }
    out.flush();
    err.flush();
    return valid && !(warningsAsErrors && warned) ? ExitCodes.OK : ExitCodes.USER_ERROR;
  }

  private static String summary(Agreement a) {
    return a.id()
        + "@"
        + a.version()
        + ", "
        + a.status()
        + "; "
        + plural(a.parties().size(), "party").replace("partys", "parties")
        + ", "
        + plural(a.guarantees().size(), "guarantee")
        + ", "
        + plural(a.findings().size(), "finding")
        + ", "
        + plural(a.provisions().size(), "provision");
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  private static Map<String, Object> json(List<Checked> results, boolean valid) {
    List<Map<String, Object>> files = new ArrayList<>();
    for (Checked r : results) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("file", r.file());
      f.put("valid", r.isValid());
      r.id().ifPresent(id -> f.put("id", id));
      r.version().ifPresent(v -> f.put("version", v));
      List<Map<String, Object>> issues = new ArrayList<>();
      for (Issue i : r.issues()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", i.file());
        m.put("line", i.line());
        m.put("column", i.column());
        m.put("severity", i.severity().label());
        m.put("code", i.code());
        m.put("message", i.message());
        m.put("value", i.value());
        m.put("expected", i.expected());
        m.put("suggestions", i.suggestions());
        issues.add(m);
      }
      f.put("issues", issues);
      files.add(f);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("valid", valid);
    root.put("files", files);
    return root;
  }
}
