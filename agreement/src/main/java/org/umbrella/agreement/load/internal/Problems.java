package org.umbrella.agreement.load.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.umbrella.agreement.load.Issue;
import org.umbrella.agreement.load.Severity;
import org.umbrella.diagnostics.Located;
import org.umbrella.diagnostics.SourceText;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Collects the diagnostics of one file, each positioned on a YAML node with its source line: errors
 * through {@link #at} and {@link #add}, warnings through {@link #warnAt}.
 */
final class Problems {
  /**
   * The most issues a file reports: past this, one more issue says how many were left out. (One
   * duplicated id in an 8 MB file once printed 39,158 errors.)
   */
  static final int MAX_SHOWN = 100;

  private final String file;
  private final SourceText source;
  private final List<Issue> issues = new ArrayList<>();

  Problems(String file, String text) {
    this.file = file;
    this.source = new SourceText(text);
  }

  SourceText source() {
    return source;
  }

  /** An error the diagnostics kit located. */
  void add(Located l) {
    add(l, Severity.ERROR);
  }

  /** A warning or error the diagnostics kit located. */
  void add(Located l, Severity severity) {
    add(
        l.line(),
        l.column(),
        l.width(),
        severity,
        l.code(),
        l.message(),
        "",
        l.expected(),
        l.suggestions());
  }

  /** A warning at an explicit 1-based position. */
  void warn(int line, int column, int width, String code, String message, String expected) {
    add(line, column, width, Severity.WARNING, code, message, "", expected, List.of());
  }

  /** An error on a node: the caret underlines the node's text when it is on one line. */
  void at(
      Node node,
      String code,
      String message,
      String value,
      String expected,
      List<String> suggestions) {
    on(node, Severity.ERROR, code, message, value, expected, suggestions);
  }

  /** A warning on a node: the file stays valid. */
  void warnAt(Node node, String code, String message, String value, String expected) {
    on(node, Severity.WARNING, code, message, value, expected, List.of());
  }

  /** A warning on a node, with suggestions. */
  void warnAt(
      Node node,
      String code,
      String message,
      String value,
      String expected,
      List<String> suggestions) {
    on(node, Severity.WARNING, code, message, value, expected, suggestions);
  }

  private void on(
      Node node,
      Severity severity,
      String code,
      String message,
      String value,
      String expected,
      List<String> suggestions) {
    Mark start = node.getStartMark();
    Mark end = node.getEndMark();
    int width = 1;
    if (start != null && end != null && end.getLine() == start.getLine()) {
      width = end.getColumn() - start.getColumn();
    }
    if (node instanceof ScalarNode s
        && s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN
        && width <= 0) {
      width = s.getValue().length() + 2;
    }
    int line = start == null ? 1 : start.getLine() + 1;
    int column = start == null ? 1 : start.getColumn() + 1;
    add(line, column, width, severity, code, message, value, expected, suggestions);
  }

  void at(Node node, String code, String message, String value, String expected) {
    at(node, code, message, value, expected, List.of());
  }

  /** An error at an explicit 1-based position. */
  void add(
      int line,
      int column,
      int width,
      String code,
      String message,
      String value,
      String expected,
      List<String> suggestions) {
    add(line, column, width, Severity.ERROR, code, message, value, expected, suggestions);
  }

  private void add(
      int line,
      int column,
      int width,
      Severity severity,
      String code,
      String message,
      String value,
      String expected,
      List<String> suggestions) {
    int l = Math.max(1, Math.min(line, source.lineCount()));
    String text = source.line(l);
    int c = Math.max(1, Math.min(column, text.length() + 1));
    issues.add(
        new Issue(
            file,
            l,
            c,
            width,
            code,
            message,
            value == null ? "" : value,
            expected == null ? "" : expected,
            suggestions,
            text,
            severity));
  }

  /** Whether no error was recorded (warnings do not count). */
  boolean hasNoErrors() {
    return issues.stream().noneMatch(Issue::isError);
  }

  String line(int oneBased) {
    return source.line(oneBased);
  }

  /**
   * The issues sorted by position (stable for issues at the same position), at most {@link
   * #MAX_SHOWN} of them and then one saying how many more there are.
   */
  List<Issue> sorted() {
    List<Issue> copy = new ArrayList<>(issues);
    copy.sort(Comparator.comparingInt(Issue::line).thenComparingInt(Issue::column));
    if (copy.size() <= MAX_SHOWN) {
      return copy;
    }
    Issue next = copy.get(MAX_SHOWN);
    long errors = copy.subList(MAX_SHOWN, copy.size()).stream().filter(Issue::isError).count();
    int more = copy.size() - MAX_SHOWN;
    List<Issue> shown = new ArrayList<>(copy.subList(0, MAX_SHOWN));
    shown.add(
        new Issue(
            file,
            next.line(),
            next.column(),
            next.width(),
            "too-many-issues",
            String.format(
                java.util.Locale.ROOT,
                "... and %,d more (%,d errors, %,d warnings) not shown; the first %d are above",
                more,
                errors,
                more - errors,
                MAX_SHOWN),
            "",
            "fix these and check again",
            List.of(),
            next.sourceLine(),
            errors > 0 ? Severity.ERROR : Severity.WARNING));
    return shown;
  }
}
