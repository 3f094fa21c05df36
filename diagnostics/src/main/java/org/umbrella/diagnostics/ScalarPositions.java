package org.umbrella.diagnostics;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Maps a position inside a scalar's value (where CEL found an error in a condition) to the file.
 *
 * <p>A value is not its source text: quotes open it, escapes and doubled quotes shrink it, folded
 * and plain multi-line scalars turn line breaks and indentation into single spaces, and block
 * scalars start on the line after their header. Rather than model each style, the value is aligned
 * with its source character by character: each value character is matched with the next equal
 * source character, any whitespace matching any whitespace, and source characters that have no
 * counterpart (quotes, escape backslashes, indentation) are skipped. So the caret lands on the
 * expression itself, never on the quote or the {@code >-} header.
 */
public final class ScalarPositions {
  private ScalarPositions() {}

  /**
   * The 1-based {@code {line, column}} in the file of a 0-based offset in the scalar's value.
   *
   * @param source the whole file
   * @param scalar the node, with marks from parsing {@code source}
   * @param valueOffset an offset in {@code scalar.getValue()}, clamped to it
   */
  public static int[] locate(SourceText source, ScalarNode scalar, int valueOffset) {
    Mark start = scalar.getStartMark();
    Mark end = scalar.getEndMark();
    String text = source.text();
    int from = source.offset(start.getLine() + 1, start.getColumn() + 1);
    int to = end == null ? text.length() : source.offset(end.getLine() + 1, end.getColumn() + 1);
    to = Math.max(from, Math.min(to, text.length()));
    ScalarStyle style = scalar.getScalarStyle();
    if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
      int nl = text.indexOf('\n', from);
      from = nl < 0 || nl >= to ? from : nl + 1;
    } else if (style == ScalarStyle.DOUBLE_QUOTED || style == ScalarStyle.SINGLE_QUOTED) {
      from = Math.min(from + 1, to);
    }
    String value = scalar.getValue();
    int target = Math.max(0, Math.min(valueOffset, value.length()));
    int p = from;
    for (int i = 0; i <= target && i < value.length(); i++) {
      char v = value.charAt(i);
      int q = p;
      while (q < to && !matches(text.charAt(q), v)) {
        q++;
      }
      if (q >= to) {
        break; // the alignment ran out (an escape it cannot follow): keep the last good position
      }
      if (i == target) {
        p = q;
        break;
      }
      p = q + 1;
    }
    p = Math.min(p, to);
    return new int[] {source.lineOf(p), source.columnOf(p)};
  }

  private static boolean matches(char source, char value) {
    return source == value || (Character.isWhitespace(source) && Character.isWhitespace(value));
  }

  /**
   * The 0-based offset in {@code value} of a 1-based line and column as CEL counts them in the
   * value's own text.
   */
  public static int valueOffset(String value, int line, int column) {
    int offset = 0;
    for (int l = 1; l < line; l++) {
      int nl = value.indexOf('\n', offset);
      if (nl < 0) {
        break;
      }
      offset = nl + 1;
    }
    return Math.max(0, Math.min(value.length(), offset + column - 1));
  }
}
