package org.umbrella.agreement.load.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.umbrella.agreement.load.Issue;
import org.umbrella.agreement.load.Severity;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Collects the diagnostics of one file, each positioned on a YAML node with its source line: errors
 * through {@link #at} and {@link #add}, warnings through {@link #warnAt}.
 */
final class Problems {
  private final String file;
  private final String[] lines;
  private final List<Issue> issues = new ArrayList<>();

  Problems(String file, String text) {
    this.file = file;
    this.lines = text.split("\r\n|\r|\n", -1);
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
    int l = Math.max(1, Math.min(line, lines.length));
    String source = lines[l - 1];
    int c = Math.max(1, Math.min(column, source.length() + 1));
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
            source,
            severity));
  }

  /** Whether no error was recorded (warnings do not count). */
  boolean hasNoErrors() {
    return issues.stream().noneMatch(Issue::isError);
  }

  String line(int oneBased) {
    return oneBased >= 1 && oneBased <= lines.length ? lines[oneBased - 1] : "";
  }

  /** The issues sorted by position (stable for issues at the same position). */
  List<Issue> sorted() {
    List<Issue> copy = new ArrayList<>(issues);
    copy.sort(Comparator.comparingInt(Issue::line).thenComparingInt(Issue::column));
    return copy;
  }
}
