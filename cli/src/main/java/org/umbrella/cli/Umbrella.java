package org.umbrella.cli;

import org.umbrella.cli.bench.BenchCommand;
import org.umbrella.cli.negotiate.NegotiateCommand;
import org.umbrella.cli.replay.ReplayCommand;
import org.umbrella.cli.replay.WhyCommand;
import org.umbrella.cli.store.AuditCommand;
import org.umbrella.cli.store.BackupCommand;
import org.umbrella.cli.store.ImportCommand;
import org.umbrella.cli.store.LedgerCommand;
import org.umbrella.cli.store.RestoreCommand;
import org.umbrella.cli.stress.StressTestCommand;
import org.umbrella.cli.witness.WitnessCommand;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code umbrella} command: the one entry point to every capability from a terminal.
 *
 * <p>Subcommands are listed here explicitly, so that reading this class tells what the command can
 * do. Exit codes follow {@link ExitCodes}: 0 success, 1 a failure the user caused (a broken file, a
 * bad argument value), 2 a usage error, 3 and above an internal error.
 */
@Command(
    name = "umbrella",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Agreements as code, enforcement from verified evidence, a tamper-evident record.",
    subcommands = {
      ServeCommand.class,
      LoadTestCommand.class,
      CheckCommand.class,
      ExplainCommand.class,
      DiffCommand.class,
      NegotiateCommand.class,
      ImportCommand.class,
      LedgerCommand.class,
      AuditCommand.class,
      WitnessCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      ReplayCommand.class,
      WhyCommand.class,
      StressTestCommand.class,
      BenchCommand.class,
      AutoComplete.GenerateCompletion.class,
    })
public final class Umbrella implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the configured command line; tests drive it directly to capture output. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Umbrella());
    cli.setExecutionExceptionHandler(new UserErrorHandler());
    cli.setExitCodeExceptionMapper(ExitCodes::forException);
    return cli;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
