package org.umbrella.cli;

/** The process exit codes of the {@code umbrella} command, in one place. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;

  /** A failure the user caused: a broken input file, a value out of range, a missing file. */
  public static final int USER_ERROR = 1;

  /** The command line itself was wrong (picocli's usage error). */
  public static final int USAGE = 2;

  /** Something failed inside Umbrella; this is a bug or an environment problem. */
  public static final int INTERNAL = 3;

  private ExitCodes() {}

  static int forException(Throwable t) {
    return t instanceof UserException ? USER_ERROR : INTERNAL;
  }
}
