package org.umbrella.server;

import java.sql.SQLException;
import java.util.Objects;

/**
 * What of an exception may be written to the log. A database error's message quotes the values it
 * failed on ("invalid byte sequence ... 0x00", "Failing row contains (...)"), and JDBI adds the
 * statement and every bound argument: user data (report summaries, notes, names) that must not
 * leave the database through the log. Such exceptions are logged as their class names, the
 * database's SQLState and their stack traces, without messages; other exceptions as they are.
 */
public final class Redaction {
  private Redaction() {}

  /** An exception whose message was withheld; it keeps the original's stack trace. */
  static final class Withheld extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Withheld(String what, StackTraceElement[] trace) {
      super(what);
      setStackTrace(trace);
    }
  }

  /** Whether {@code e} or a cause is a database error (whose message may quote user data). */
  @SuppressWarnings(
      "ReferenceEquality") // a cause chain ends where a throwable is its own cause: identity is the
  // test
  public static boolean fromDatabase(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException || t.getClass().getName().startsWith("org.jdbi.")) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code e} as it may be logged: itself, or for a database error a copy of its chain without
   * messages.
   */
  @SuppressWarnings("ReferenceEquality") // as in fromDatabase
  public static Throwable loggable(Throwable e) {
    if (!fromDatabase(e)) {
      return e;
    }
    Withheld top = null;
    Withheld last = null;
    int depth = 0;
    for (Throwable t = e;
        t != null && depth < 20;
        t = t.getCause() == t ? null : t.getCause(), depth++) {
      Withheld w =
          new Withheld(
              t.getClass().getName()
                  + (t instanceof SQLException q && q.getSQLState() != null
                      ? " (SQLState " + q.getSQLState() + ")"
                      : "")
                  + " [message withheld: it may quote user data]",
              t.getStackTrace());
      if (top == null) {
        top = w;
      } else {
        Objects.requireNonNull(last).initCause(w);
      }
      last = w;
    }
    return Objects.requireNonNull(top); // the loop ran at least once: e is not null
  }

  /**
   * One line for a log message: the class, the SQLState of a database error, never a database
   * error's message.
   */
  @SuppressWarnings("ReferenceEquality") // as in fromDatabase
  public static String describe(Throwable e) {
    if (!fromDatabase(e)) {
      return e.toString();
    }
    StringBuilder sb = new StringBuilder(e.getClass().getName());
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        sb.append(" (SQLState ").append(s.getSQLState()).append(')');
        break;
      }
    }
    return sb.append(" [message withheld: it may quote user data]").toString();
  }
}
