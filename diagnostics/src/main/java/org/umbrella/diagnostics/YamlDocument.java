package org.umbrella.diagnostics;

import java.io.StringReader;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Parses one YAML document into SnakeYAML's node tree (which keeps every node's line and column)
 * under limits, and turns every way that can fail into a {@link Located} error in an author's
 * terms, at the line where the mistake is.
 *
 * <p>SnakeYAML reports a missing space after a colon ({@code km:15}) on the next line, a
 * non-breaking space not at all, a value that starts with a quote as "expected &lt;block end&gt;",
 * and its alias, depth and size limits without a position. Each of those is recognised here and
 * reported where an author would fix it.
 */
public final class YamlDocument {
  private YamlDocument() {}

  /**
   * The limits a document is read under: guards against alias bombs, stack exhaustion and memory.
   *
   * @param maxAliases the most aliases to lists and mappings
   * @param maxDepth the deepest nesting of lists and mappings
   * @param maxCodePoints the largest document, in Unicode code points
   */
  public record Limits(int maxAliases, int maxDepth, int maxCodePoints) {
    /** The agreement loader's limits: 50 aliases, 40 levels, 8 MiB. */
    public static final Limits DEFAULT = new Limits(50, 40, 8 * 1024 * 1024);
  }

  /**
   * The outcome: the root node (null for an empty document or after an error) and the errors.
   *
   * @param root the document's root node, or null
   * @param errors at most one error: parsing stops at the first
   */
  public record Composed(@Nullable Node root, List<Located> errors) {
    /** Creates an outcome; the error list is copied. */
    public Composed {
      errors = List.copyOf(errors);
    }

    /** Whether the document was empty (no node and no error). */
    public boolean isEmpty() {
      return root == null && errors.isEmpty();
    }
  }

  private static final String WELL_FORMED =
      "well-formed YAML (check indentation, quotes and colons)";

  /** Whitespace that looks like a space but is not one to YAML. */
  private static final String ODD_SPACES =
      "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2009\u3000\u200b\ufeff";

  /** {@code key:value} with no space after the colon (so YAML reads one word). */
  private static final Pattern NO_SPACE_AFTER_COLON =
      Pattern.compile("^(\\s*(?:-\\s+)?)([A-Za-z0-9_.-]+):([^\\s:/].*)$");

  /** {@code key: "quoted" more}: a value that starts with a quote and goes on after it. */
  private static final Pattern QUOTE_THEN_MORE =
      Pattern.compile(
          "^(\\s*(?:-\\s+)?[^\\s:#\"'][^:#]*:\\s+)([\"'])((?:(?!\\2).)*)\\2\\s*([^\\s#].*)$");

  /**
   * Parses {@code text}. Duplicate keys are allowed by the parser: the loaders report them with
   * both lines.
   */
  public static Composed compose(SourceText source, Limits limits) {
    String text = source.text();
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints > limits.maxCodePoints()) {
      int at = text.offsetByCodePoints(0, limits.maxCodePoints());
      return failed(
          new Located(
              source.lineOf(at),
              source.columnOf(at),
              1,
              "too-large",
              String.format(
                  Locale.ROOT,
                  "the file is too large: %,d characters, more than the %,d (%d MiB) a file may hold;"
                      + " it is not read further",
                  codePoints,
                  limits.maxCodePoints(),
                  limits.maxCodePoints() / (1024 * 1024)),
              "a smaller file (this is where the limit is crossed)",
              List.of()));
    }
    LoaderOptions options = options(limits);
    try {
      Node root = yaml(options).compose(new StringReader(text));
      if (root != null
          && text.indexOf('*') >= 0
          && hasRecursion(root, new IdentityHashMap<>(), new IdentityHashMap<>())) {
        return failed(
            new Located(
                root.getStartMark().getLine() + 1,
                1,
                1,
                "yaml-syntax",
                "recursive YAML aliases are not allowed",
                "plain values",
                List.of()));
      }
      return new Composed(root, List.of());
    } catch (MarkedYAMLException e) {
      return failed(syntax(source, e));
    } catch (YAMLException e) {
      return failed(limit(source, limits, String.valueOf(e.getMessage())));
    }
  }

  private static Composed failed(Located error) {
    return new Composed(null, List.of(error));
  }

  private static LoaderOptions options(Limits limits) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(limits.maxAliases());
    options.setNestingDepthLimit(limits.maxDepth());
    options.setCodePointLimit(Math.max(limits.maxCodePoints(), 1) + 1);
    options.setAllowRecursiveKeys(false);
    return options;
  }

  private static Yaml yaml(LoaderOptions options) {
    return new Yaml(
        new SafeConstructor(options),
        new Representer(new DumperOptions()),
        new DumperOptions(),
        options);
  }

  // ---------------------------------------------------------------- syntax errors

  private static Located syntax(SourceText source, MarkedYAMLException e) {
    Mark problemMark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    Mark contextMark = e.getContextMark();
    int line = problemMark == null ? 1 : problemMark.getLine() + 1;
    int column = problemMark == null ? 1 : problemMark.getColumn() + 1;
    int contextLine = contextMark == null ? line : contextMark.getLine() + 1;
    String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();

    Located odd = oddSpace(source, Math.min(contextLine, line), line);
    if (odd != null) {
      return odd;
    }
    if (problem.contains("another document")) {
      return new Located(
          line,
          column,
          1,
          "yaml-syntax",
          "YAML syntax: a file holds one document, but a second YAML document starts here",
          WELL_FORMED,
          List.of());
    }
    for (int l = Math.min(contextLine, line); l <= line; l++) {
      Located quoted = quoteThenMore(source, l);
      if (quoted != null) {
        return quoted;
      }
    }
    if (problem.contains("could not find expected ':'")) {
      String text = source.line(contextLine);
      Matcher m = NO_SPACE_AFTER_COLON.matcher(text);
      if (m.matches()) {
        int colon = m.group(1).length() + m.group(2).length();
        return new Located(
            contextLine,
            colon + 1,
            1,
            "yaml-syntax",
            "YAML syntax: no space after the colon in '"
                + (m.group(2) + ":" + m.group(3)).strip()
                + "', so YAML reads it as one word, not a key and a value",
            "a space after the colon: " + m.group(2) + ": " + m.group(3).strip(),
            List.of());
      }
      int col = contextMark == null ? column : contextMark.getColumn() + 1;
      return new Located(
          contextLine,
          col,
          Math.max(1, text.strip().length()),
          "yaml-syntax",
          "YAML syntax: this line has no ':' after its key (or the line before it is not finished)",
          WELL_FORMED,
          List.of());
    }
    String where =
        contextMark != null && contextLine != line && !context.isEmpty()
            ? " (" + context + " at line " + contextLine + ")"
            : context.isEmpty() ? "" : " (" + context + ")";
    return new Located(
        line, column, 1, "yaml-syntax", "YAML syntax: " + problem + where, WELL_FORMED, List.of());
  }

  private static @Nullable Located oddSpace(SourceText source, int fromLine, int toLine) {
    for (int l = Math.max(1, fromLine); l <= toLine; l++) {
      String text = source.line(l);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (ODD_SPACES.indexOf(c) >= 0 && !(l == 1 && i == 0 && c == '\ufeff')) {
          return new Located(
              l,
              i + 1,
              1,
              "yaml-syntax",
              String.format(
                  Locale.ROOT,
                  "YAML syntax: a %s (U+%04X) where YAML needs a plain space",
                  Character.getName(c).toLowerCase(Locale.ROOT),
                  (int) c),
              "an ordinary space (U+0020); editors and word processors put this one in unseen",
              List.of());
        }
      }
    }
    return null;
  }

  private static @Nullable Located quoteThenMore(SourceText source, int line) {
    String text = source.line(line);
    Matcher m = QUOTE_THEN_MORE.matcher(text);
    if (!m.matches()) {
      return null;
    }
    String key = m.group(1).strip();
    String value = text.substring(m.group(1).length()).strip();
    String requoted = "'" + value.replace("'", "''") + "'";
    return new Located(
        line,
        m.group(1).length() + 1,
        m.group(2).length() + m.group(3).length() + 1,
        "yaml-syntax",
        "YAML syntax: the value starts with a quote, so YAML ends it at the closing quote and"
            + " cannot read the rest ("
            + m.group(4).strip()
            + ")",
        "quote the whole value, or start it without a quote: " + key + " " + requoted,
        List.of());
  }

  // ---------------------------------------------------------------- limits

  private static Located limit(SourceText source, Limits limits, String message) {
    if (message.startsWith("Number of aliases")) {
      Mark at = nthCollectionAlias(source, limits.maxAliases() + 1);
      return located(
          at,
          "yaml-limit",
          "more than "
              + limits.maxAliases()
              + " aliases to lists or mappings (a guard against alias bombs); this is alias "
              + (limits.maxAliases() + 1),
          "at most " + limits.maxAliases() + " such aliases; write the values out");
    }
    if (message.startsWith("Nesting Depth")) {
      Mark at = tooDeep(source, limits.maxDepth());
      return located(
          at,
          "yaml-limit",
          "lists and mappings nested more than " + limits.maxDepth() + " levels deep",
          "at most " + limits.maxDepth() + " levels of nesting");
    }
    if (message.contains("exceeds the limit")) {
      return new Located(
          1, 1, 1, "too-large", "the file is too large: " + message, "a smaller file", List.of());
    }
    return new Located(1, 1, 1, "yaml-syntax", "YAML: " + message, WELL_FORMED, List.of());
  }

  private static Located located(@Nullable Mark at, String code, String message, String expected) {
    return new Located(
        at == null ? 1 : at.getLine() + 1,
        at == null ? 1 : at.getColumn() + 1,
        1,
        code,
        message,
        expected,
        List.of());
  }

  /** The n-th alias to a list or mapping, as SnakeYAML's composer counts them. */
  private static @Nullable Mark nthCollectionAlias(SourceText source, int n) {
    Set<String> collections = new HashSet<>();
    int count = 0;
    try {
      for (Event e : events(source)) {
        if (e instanceof CollectionStartEvent c && c.getAnchor() != null) {
          collections.add(c.getAnchor());
        } else if (e instanceof AliasEvent a && collections.contains(a.getAnchor())) {
          if (++count >= n) {
            return a.getStartMark();
          }
        }
      }
    } catch (YAMLException e) {
      // the events before the failure are all a position needs
    }
    return null;
  }

  /** The first list or mapping nested deeper than {@code max}. */
  private static @Nullable Mark tooDeep(SourceText source, int max) {
    int depth = 0;
    try {
      for (Event e : events(source)) {
        if (e instanceof CollectionStartEvent) {
          if (++depth > max) {
            return e.getStartMark();
          }
        } else if (e instanceof CollectionEndEvent) {
          depth--;
        }
      }
    } catch (YAMLException e) {
      // the events before the failure are all a position needs
    }
    return null;
  }

  /** The parser's events, read lazily: a position is found without reading the rest. */
  private static Iterable<Event> events(SourceText source) {
    return yaml(options(Limits.DEFAULT)).parse(new StringReader(source.text()));
  }

  /** Whether a node contains itself through aliases; each shared node is walked once. */
  private static boolean hasRecursion(
      Node n, IdentityHashMap<Node, Boolean> path, IdentityHashMap<Node, Boolean> done) {
    if (path.containsKey(n)) {
      return true;
    }
    if (done.containsKey(n)) {
      return false;
    }
    path.put(n, Boolean.TRUE);
    boolean found = false;
    if (n instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        found =
            found
                || hasRecursion(t.getKeyNode(), path, done)
                || hasRecursion(t.getValueNode(), path, done);
      }
    } else if (n instanceof SequenceNode s) {
      for (Node item : s.getValue()) {
        found = found || hasRecursion(item, path, done);
      }
    }
    path.remove(n);
    done.put(n, Boolean.TRUE);
    return found;
  }
}
