package org.umbrella.agreement.explain;

import java.util.Locale;

/**
 * The explanation's page layout: headings, paragraphs and list items, word-wrapped at a fixed width
 * with hanging indents, appended to one growing text.
 *
 * <p>For {@link Explainer} and its sections only. It decides where lines break, never what they
 * say; the wording is {@link ExplainPhrases}' and the sections'. Not thread-safe: one per
 * explanation.
 */
final class ExplainLayout {
  private static final int WIDTH = 100;

  private final StringBuilder out = new StringBuilder();

  /** The text so far. */
  String text() {
    return out.toString();
  }

  /** A line as given, not wrapped. */
  void line(String text) {
    out.append(text).append('\n');
  }

  /** An empty line, between clauses. */
  void blankLine() {
    out.append('\n');
  }

  void heading(String title) {
    out.append('\n').append(title.toUpperCase(Locale.ROOT)).append('\n');
  }

  /** A paragraph wrapped at WIDTH, every line indented by {@code indent}, hanging lines too. */
  void para(int indent, String text) {
    wrapped(" ".repeat(indent), " ".repeat(indent), text);
  }

  /** A list item: "- " then text, continuation lines aligned after the dash. */
  void item(int indent, String text) {
    wrapped(" ".repeat(indent) + "- ", " ".repeat(indent + 2), text);
  }

  private void wrapped(String first, String rest, String text) {
    String prefix = first;
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ", -1)) {
      if (word.isEmpty()) {
        continue;
      }
      if (line.length() > 0 && prefix.length() + line.length() + 1 + word.length() > WIDTH) {
        out.append(prefix).append(line).append('\n');
        prefix = rest;
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    out.append(prefix).append(line).append('\n');
  }
}
