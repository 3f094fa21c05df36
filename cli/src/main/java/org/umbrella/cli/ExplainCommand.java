package org.umbrella.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.umbrella.agreement.explain.Explainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code umbrella explain FILE}: the agreement in plain language, every clause with its citation.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Explain an agreement in plain language: who guarantees whom, what triggers what, which duties with which deadlines, what voids it, what each party undertakes; every clause with its citation.")
final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The agreement file.")
  Path file;

  @Override
  public Integer call() {
    var agreement = AgreementArgs.load(file, spec.commandLine().getErr());
    spec.commandLine().getOut().print(Explainer.explain(agreement));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
