package org.umbrella.cli;

import java.io.Console;

/**
 * Whether the command line talks to a person at a terminal, which decides if progress bars are
 * drawn. Not for reading input: commands read files and standard input as streams.
 */
public final class Terminal {
  private Terminal() {}

  /**
   * True when standard input and output are a terminal. On JDK 22 and newer {@link
   * System#console()} returns a console even when output is redirected, so its {@code isTerminal()}
   * (looked up, since the code is compiled for 21) decides; on 21 a console exists only for a
   * terminal.
   */
  @SuppressWarnings(
      "SystemConsoleNull") // the null check is for JDK 21, isTerminal() for newer ones
  public static boolean interactive() {
    Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
