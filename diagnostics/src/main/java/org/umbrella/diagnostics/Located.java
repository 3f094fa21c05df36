package org.umbrella.diagnostics;

import java.util.List;
import java.util.Objects;

/**
 * One problem at a position of a text, before a loader gives it a file name and a severity.
 *
 * @param line 1-based line
 * @param column 1-based column
 * @param width how many characters the caret underlines (at least 1)
 * @param code a stable kebab-case code ({@code yaml-syntax}, {@code condition})
 * @param message what is wrong, in the author's terms
 * @param expected what would be valid, or {@code ""}
 * @param suggestions replacements to offer ("did you mean"), best first
 */
public record Located(
    int line,
    int column,
    int width,
    String code,
    String message,
    String expected,
    List<String> suggestions) {

  /** Creates a problem; the suggestion list is copied and the width is at least 1. */
  public Located {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(expected, "expected");
    suggestions = List.copyOf(suggestions);
    width = Math.max(1, width);
    line = Math.max(1, line);
    column = Math.max(1, column);
  }
}
