package org.umbrella.diagnostics;

import java.util.List;

/** Prints a diagnostic as a compiler does: location and message, the line, a caret, the fix. */
public final class Caret {
  private Caret() {}

  /**
   * The display block.
   *
   * <pre>
   * plan.agreement.yaml:12:22: error[unknown-reference]: unknown party 'UK' in guarantors
   *    12 |     guarantors: [US, UK]
   *       |                      ^^
   *       = expected: parties are UA, RU, US, GB
   *       = did you mean 'GB'?
   * </pre>
   *
   * @param location {@code file:line:column}
   * @param label {@code error} or {@code warning}
   */
  public static String render(
      String location,
      String label,
      String code,
      String message,
      int line,
      int column,
      int width,
      String sourceLine,
      String expected,
      List<String> suggestions) {
    StringBuilder b = new StringBuilder();
    b.append(location)
        .append(": ")
        .append(label)
        .append('[')
        .append(code)
        .append("]: ")
        .append(message)
        .append('\n');
    String number = Integer.toString(line);
    String gutter = " ".repeat(number.length() + 2);
    String shown = sourceLine.replace('\t', ' ');
    b.append("  ").append(number).append(" | ").append(shown).append('\n');
    int caretWidth = Math.max(1, Math.min(width, Math.max(1, shown.length() - (column - 1))));
    b.append(gutter)
        .append(" | ")
        .append(" ".repeat(Math.max(0, column - 1)))
        .append("^".repeat(caretWidth))
        .append('\n');
    if (!expected.isEmpty()) {
      b.append(gutter).append(" = expected: ").append(expected).append('\n');
    }
    if (!suggestions.isEmpty()) {
      b.append(gutter).append(" = did you mean ");
      for (int i = 0; i < suggestions.size(); i++) {
        b.append(i == 0 ? "" : i == suggestions.size() - 1 ? " or " : ", ")
            .append('\'')
            .append(suggestions.get(i))
            .append('\'');
      }
      b.append("?\n");
    }
    return b.toString();
  }
}
