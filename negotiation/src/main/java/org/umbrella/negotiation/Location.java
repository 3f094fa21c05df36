package org.umbrella.negotiation;

/**
 * A place in a source text: the file as the caller named it, a 1-based line and a 1-based column.
 *
 * @param file the name the caller gave the text (a path, or {@code <input>})
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record Location(String file, int line, int column) {
  /** A location for text whose position is unknown, e.g. values built in code. */
  public static Location unknown(String file) {
    return new Location(file, 0, 0);
  }

  /** The location {@code columns} characters further along the same line. */
  public Location shifted(int columns) {
    return line == 0 ? this : new Location(file, line, column + columns);
  }

  @Override
  public String toString() {
    return line == 0 ? file : file + ":" + line + ":" + column;
  }
}
