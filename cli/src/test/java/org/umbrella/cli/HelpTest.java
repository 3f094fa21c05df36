package org.umbrella.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command and subcommand answers {@code --help} with its usage and exit 0, as users of a
 * command-line tool expect, without starting any work.
 */
class HelpTest {
  @Test
  void everyCommand_answersHelp() {
    List<List<String>> paths = new ArrayList<>();
    collect(Umbrella.commandLine(), new ArrayList<>(), paths);
    List<String> failing = new ArrayList<>();
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      StringWriter out = new StringWriter();
      CommandLine cli = Umbrella.commandLine();
      cli.setOut(new PrintWriter(out));
      cli.setErr(new PrintWriter(new StringWriter()));
      int exit = cli.execute(args.toArray(String[]::new));
      String usage = "Usage: umbrella" + (path.isEmpty() ? "" : " " + String.join(" ", path));
      if (exit != 0 || !out.toString().startsWith(usage)) {
        failing.add(String.join(" ", path) + " (exit " + exit + ")");
      }
    }
    assertThat(paths).hasSizeGreaterThan(15); // every command was found
    assertThat(failing).as("commands without --help").isEmpty();
  }

  private static void collect(CommandLine c, List<String> path, List<List<String>> into) {
    into.add(List.copyOf(path));
    c.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (sub.getCommandName().equals(name)) { // an alias would repeat the command
                List<String> next = new ArrayList<>(path);
                next.add(name);
                collect(sub, next, into);
              }
            });
  }
}
