package org.umbrella.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Prints user errors as plain messages and internal errors with a short hint, never both. */
final class UserErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    if (e instanceof UserException) {
      cli.getErr().println(cli.getColorScheme().errorText("umbrella: " + e.getMessage()));
      return ExitCodes.USER_ERROR;
    }
    cli.getErr().println(cli.getColorScheme().errorText("umbrella: internal error: " + e));
    if (System.getenv("UMBRELLA_DEBUG") != null) {
      e.printStackTrace(cli.getErr());
    } else {
      cli.getErr().println("(set UMBRELLA_DEBUG=1 to see the stack trace; please report it)");
    }
    return ExitCodes.INTERNAL;
  }
}
