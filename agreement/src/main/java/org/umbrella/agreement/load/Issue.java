package org.umbrella.agreement.load;

import java.util.List;
import java.util.Objects;
import org.umbrella.diagnostics.Caret;

/**
 * One diagnostic in an agreement file, at an exact position, with what would be valid: an error
 * (the file is invalid) or a warning (the file loads; something in it deserves a look).
 *
 * @param file the file name as given to the loader
 * @param line 1-based line
 * @param column 1-based column
 * @param width how many characters the caret underlines (at least 1)
 * @param code a stable kebab-case code naming the kind of problem ({@code unknown-key})
 * @param message what is wrong, naming the offending value
 * @param value the offending value as written, or {@code ""}
 * @param expected what would be valid, or {@code ""}
 * @param suggestions close valid values ("did you mean"), best first
 * @param sourceLine the text of the line, without its line break
 * @param severity whether it makes the file invalid ({@link Severity#ERROR}) or not ({@link
 *     Severity#WARNING})
 */
public record Issue(
    String file,
    int line,
    int column,
    int width,
    String code,
    String message,
    String value,
    String expected,
    List<String> suggestions,
    String sourceLine,
    Severity severity) {

  /** Creates an issue; the suggestion list is copied. */
  public Issue {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(severity, "severity");
    suggestions = List.copyOf(suggestions);
    width = Math.max(1, width);
  }

  /** An error (the common case): the file is invalid. */
  public Issue(
      String file,
      int line,
      int column,
      int width,
      String code,
      String message,
      String value,
      String expected,
      List<String> suggestions,
      String sourceLine) {
    this(
        file,
        line,
        column,
        width,
        code,
        message,
        value,
        expected,
        suggestions,
        sourceLine,
        Severity.ERROR);
  }

  /** Whether this diagnostic makes the file invalid. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:column}. */
  public String location() {
    return file + ":" + line + ":" + column;
  }

  /**
   * The issue as a compiler prints it: the location, {@code error[code]} or {@code warning[code]}
   * and the message, the source line with a caret under the offending value, then what would be
   * valid and suggestions.
   *
   * <pre>
   * plan.agreement.yaml:12:22: error[unknown-reference]: unknown party 'UK' in guarantors
   *    12 |     guarantors: [US, UK]
   *       |                      ^^
   *       = expected: parties are UA, RU, US, GB
   *       = did you mean 'GB'?
   * </pre>
   */
  public String toDisplayString() {
    return Caret.render(
        location(),
        severity.label(),
        code,
        message,
        line,
        column,
        width,
        sourceLine,
        expected,
        suggestions);
  }
}
