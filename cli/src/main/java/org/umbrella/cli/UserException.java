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

  /**
   * The user error that {@code cause} reports: its message, which each module's typed errors write
   * to say where and why (the cause's class name for the rare one without a message).
   */
  public static UserException from(Throwable cause) {
    String message = cause.getMessage();
    return new UserException(message != null ? message : cause.getClass().getSimpleName());
  }

  /** The message of the cause of {@code e} (an unwrapped I/O failure), or of {@code e} itself. */
  public static String causeMessage(Throwable e) {
    Throwable c = e.getCause() != null ? e.getCause() : e;
    return String.valueOf(c.getMessage());
  }
}
