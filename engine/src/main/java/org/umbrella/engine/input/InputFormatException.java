package org.umbrella.engine.input;

import org.umbrella.engine.EngineException;

/**
 * An input line that is not a valid record: names the line, the field (a JSON path such as {@code
 * place.lat}, or {@code ""} for the whole line) and what would be valid.
 */
public final class InputFormatException extends EngineException {
  private static final long serialVersionUID = 1L;

  private final long line;
  private final String field;
  private final String problem;

  public InputFormatException(long line, String field, String problem) {
    super("line " + line + (field.isEmpty() ? "" : ", field '" + field + "'") + ": " + problem);
    this.line = line;
    this.field = field;
    this.problem = problem;
  }

  /** The 1-based line number. */
  public long line() {
    return line;
  }

  /** The offending field as a dotted path, or {@code ""}. */
  public String field() {
    return field;
  }

  /** What is wrong and what would be valid, without the location. */
  public String problem() {
    return problem;
  }
}
