package org.umbrella.diagnostics;

import java.util.Arrays;

/** A text split into lines, with conversions between offsets and 1-based line and column. */
public final class SourceText {
  private final String text;
  private final String[] lines;
  private final int[] starts;

  /** Splits {@code text} at {@code \n}, {@code \r\n} and {@code \r}. */
  public SourceText(String text) {
    this.text = text;
    this.lines = text.split("\r\n|\r|\n", -1);
    this.starts = new int[lines.length];
    int offset = 0;
    for (int i = 0; i < lines.length; i++) {
      starts[i] = offset;
      offset += lines[i].length();
      if (offset < text.length() && text.charAt(offset) == '\r') {
        offset++;
      }
      if (offset < text.length() && text.charAt(offset) == '\n') {
        offset++;
      }
    }
  }

  /** The whole text. */
  public String text() {
    return text;
  }

  /** How many lines (an empty text has one, empty). */
  public int lineCount() {
    return lines.length;
  }

  /** The text of a 1-based line without its break, or {@code ""} outside the text. */
  public String line(int oneBased) {
    return oneBased >= 1 && oneBased <= lines.length ? lines[oneBased - 1] : "";
  }

  /** The offset of a 1-based line and column, clamped to the text. */
  public int offset(int line, int column) {
    int l = Math.max(1, Math.min(line, lines.length));
    int c = Math.max(1, Math.min(column, lines[l - 1].length() + 1));
    return starts[l - 1] + c - 1;
  }

  /** The 1-based line of an offset. */
  public int lineOf(int offset) {
    int i = Arrays.binarySearch(starts, Math.max(0, offset));
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** The 1-based column of an offset. */
  public int columnOf(int offset) {
    return Math.max(0, offset) - starts[lineOf(offset) - 1] + 1;
  }
}
