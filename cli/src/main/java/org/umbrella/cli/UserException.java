package org.umbrella.cli;

/**
 * A failure the user caused and can fix, with a message that says where and why.
 *
 * <p>The command line prints only the message (never a stack trace) and exits with {@link
 * ExitCodes#USER_ERROR}. Subcommands translate each module's typed errors into this one.
 */
public class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserException(String message) {
    super(message, null, false, false);
  }
}
