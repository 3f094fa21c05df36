package org.umbrella.agreement.load.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.model.TimeSpan;
import org.umbrella.diagnostics.Suggestions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reads of YAML nodes that report what is wrong instead of throwing: each returns the value,
 * or null after recording an issue.
 *
 * <p>The key checks of mappings and sections are {@link MappingKeys}'s; they are reached through
 * here so that parsers read everything from one object.
 */
final class Nodes {
  static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
  static final String DURATION_HINT =
      "a positive whole number and a unit (m, h, d, w, mo, y), e.g. 30m, 72h, 7d, 2w, 6mo, 15y";

  private final Problems problems;
  private final MappingKeys keys;

  Nodes(Problems problems) {
    this.problems = problems;
    this.keys = new MappingKeys(problems);
  }

  /** A mapping's entries by key, after checking each key is known for its kind and unique. */
  record Fields(MappingNode node, Map<String, NodeTuple> entries, String owner) {
    Optional<Node> get(String key) {
      NodeTuple t = entries.get(key);
      return t == null ? Optional.empty() : Optional.of(t.getValueNode());
    }

    /** The key node of {@code key}, which the mapping must hold ({@link #has}). */
    Node keyNode(String key) {
      NodeTuple t = entries.get(key);
      if (t == null) {
        throw new IllegalStateException("no key '" + key + "' in " + owner);
      }
      return t.getKeyNode();
    }

    boolean has(String key) {
      return entries.containsKey(key);
    }
  }

  /** One {@code id: value} entry of a section such as {@code parties:}. */
  record Entry(String id, ScalarNode key, Node value) {}

  static String describe(Node n) {
    return switch (n) {
      case MappingNode m -> "a mapping";
      case SequenceNode s -> "a list";
      case ScalarNode s when s.getTag().equals(Tag.NULL) -> "nothing";
      case ScalarNode s when s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT) ->
          "the number " + s.getValue();
      case ScalarNode s when s.getTag().equals(Tag.BOOL) -> "the boolean " + s.getValue();
      case ScalarNode s -> "'" + abbreviate(s.getValue()) + "'";
      default -> "an unexpected node";
    };
  }

  static String abbreviate(String s) {
    String one = s.replace("\n", " ");
    return one.length() <= 60 ? one : one.substring(0, 57) + "...";
  }

  static String value(Node n) {
    return n instanceof ScalarNode s ? s.getValue() : "";
  }

  static String listing(List<String> items) {
    if (items.size() <= 15) {
      return String.join(", ", items);
    }
    return String.join(", ", items.subList(0, 15)) + ", ... (" + items.size() + " in all)";
  }

  /**
   * Reads a mapping of kind {@code kind} (see {@code Keys}); unknown and duplicate keys are issues.
   */
  @Nullable Fields mapping(Node n, String kind, String owner) {
    return keys.mapping(n, kind, owner);
  }

  /** Reads a section of {@code id: value} entries; ids must be well-formed and unique. */
  List<Entry> entries(Node n, String section, String idKind) {
    return keys.entries(n, section, idKind);
  }

  @Nullable Node required(Fields f, String key) {
    Optional<Node> n = f.get(key);
    if (n.isEmpty()) {
      problems.at(
          f.node(),
          "missing-key",
          f.owner() + " is missing the required key '" + key + "'",
          "",
          "add '" + key + ":'");
      return null;
    }
    return n.get();
  }

  @Nullable ScalarNode scalar(Node n, String what, String expected) {
    if (n instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
      return s;
    }
    problems.at(
        n,
        "type",
        "expected " + expected + " for " + what + ", found " + describe(n),
        value(n),
        expected);
    return null;
  }

  @Nullable String text(Node n, String what) {
    ScalarNode s = scalar(n, what, "text");
    if (s == null) {
      return null;
    }
    if (s.getValue().isBlank()) {
      problems.at(n, "type", "expected text for " + what + ", found an empty string", "", "text");
      return null;
    }
    return s.getValue();
  }

  @Nullable Long integer(Node n, String what, long min, long max) {
    ScalarNode s = scalar(n, what, "a whole number");
    if (s == null) {
      return null;
    }
    long v;
    try {
      if (!s.getTag().equals(Tag.INT)) {
        throw new NumberFormatException();
      }
      v = Long.parseLong(s.getValue().replace("_", ""));
    } catch (NumberFormatException e) {
      problems.at(
          n,
          "type",
          "expected a whole number for " + what + ", found " + describe(s),
          s.getValue(),
          "a whole number" + range(min, max));
      return null;
    }
    if (v < min || v > max) {
      problems.at(
          n,
          "range",
          what + " must be" + range(min, max) + ", was " + v,
          s.getValue(),
          "a whole number" + range(min, max));
      return null;
    }
    return v;
  }

  private static String range(long min, long max) {
    if (max >= 1_000_000_000_000L) {
      return " of at least " + min;
    }
    return " between " + min + " and " + max;
  }

  @Nullable Double number(Node n, String what, double minExclusive, double max) {
    ScalarNode s = scalar(n, what, "a number");
    if (s == null) {
      return null;
    }
    double v;
    try {
      if (!s.getTag().equals(Tag.INT) && !s.getTag().equals(Tag.FLOAT)) {
        throw new NumberFormatException();
      }
      v = Double.parseDouble(s.getValue().replace("_", ""));
    } catch (NumberFormatException e) {
      problems.at(
          n,
          "type",
          "expected a number for " + what + ", found " + describe(s),
          s.getValue(),
          "a number");
      return null;
    }
    if (!(v > minExclusive && v <= max)) {
      problems.at(
          n,
          "range",
          what
              + " must be greater than "
              + GeoJson.round(minExclusive)
              + " and at most "
              + GeoJson.round(max)
              + ", was "
              + s.getValue(),
          s.getValue(),
          "a number in (" + GeoJson.round(minExclusive) + ", " + GeoJson.round(max) + "]");
      return null;
    }
    return v;
  }

  /** A number in the closed range [min, max]. */
  @Nullable Double between(Node n, String what, double min, double max) {
    ScalarNode s = scalar(n, what, "a number");
    if (s == null) {
      return null;
    }
    double v;
    try {
      if (!s.getTag().equals(Tag.INT) && !s.getTag().equals(Tag.FLOAT)) {
        throw new NumberFormatException();
      }
      v = Double.parseDouble(s.getValue().replace("_", ""));
    } catch (NumberFormatException e) {
      problems.at(
          n,
          "type",
          "expected a number for " + what + ", found " + describe(s),
          s.getValue(),
          "a number");
      return null;
    }
    if (!(v >= min && v <= max)) {
      problems.at(
          n,
          "range",
          what
              + " must be between "
              + GeoJson.round(min)
              + " and "
              + GeoJson.round(max)
              + ", was "
              + s.getValue(),
          s.getValue(),
          "a number from " + GeoJson.round(min) + " to " + GeoJson.round(max));
      return null;
    }
    return v;
  }

  @Nullable Boolean bool(Node n, String what) {
    ScalarNode s = scalar(n, what, "true or false");
    if (s == null) {
      return null;
    }
    return switch (s.getValue()) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        problems.at(
            n,
            "type",
            "expected true or false for " + what + ", found " + describe(s),
            s.getValue(),
            "true or false",
            Suggestions.closest(s.getValue(), List.of("true", "false")));
        yield null;
      }
    };
  }

  /** One of the {@code labels}; suggestions for near misses. */
  @Nullable String choice(Node n, String what, List<String> labels) {
    ScalarNode s = scalar(n, what, "one of " + String.join(", ", labels));
    if (s == null) {
      return null;
    }
    if (!labels.contains(s.getValue())) {
      problems.at(
          n,
          "invalid-value",
          "'" + abbreviate(s.getValue()) + "' is not a valid " + what,
          s.getValue(),
          "one of " + String.join(", ", labels),
          Suggestions.closest(s.getValue(), labels));
      return null;
    }
    return s.getValue();
  }

  @Nullable TimeSpan span(Node n, String what) {
    ScalarNode s = scalar(n, what, DURATION_HINT);
    if (s == null) {
      return null;
    }
    Optional<TimeSpan> t = TimeSpan.parse(s.getValue());
    if (t.isEmpty()) {
      problems.at(
          n,
          "duration",
          "cannot parse duration '" + abbreviate(s.getValue()) + "' for " + what,
          s.getValue(),
          DURATION_HINT);
      return null;
    }
    return t.get();
  }

  @Nullable Instant instant(Node n, String what) {
    ScalarNode s = scalar(n, what, "a UTC time such as 2026-03-01T00:00:00Z or a date");
    if (s == null) {
      return null;
    }
    String v = s.getValue().strip();
    try {
      if (v.length() == 10) {
        return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeException e) {
      problems.at(
          n,
          "time",
          "cannot parse time '" + abbreviate(v) + "' for " + what,
          v,
          "an ISO-8601 time with offset, e.g. 2026-03-01T00:00:00Z, or a date, e.g. 2026-03-01 (midnight UTC)");
      return null;
    }
  }

  @Nullable LocalDate date(Node n, String what) {
    ScalarNode s = scalar(n, what, "a date such as 2025-12-24");
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s.getValue().strip());
    } catch (DateTimeException e) {
      problems.at(
          n,
          "time",
          "cannot parse date '" + abbreviate(s.getValue()) + "' for " + what,
          s.getValue(),
          "an ISO-8601 date, e.g. 2025-12-24");
      return null;
    }
  }

  /** A single scalar or a list of scalars: ids or words. Null after an issue. */
  @Nullable List<ScalarNode> scalars(Node n, String what) {
    if (n instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
      return List.of(s);
    }
    if (n instanceof SequenceNode seq) {
      List<ScalarNode> out = new ArrayList<>();
      boolean ok = true;
      for (Node item : seq.getValue()) {
        ScalarNode s = scalar(item, "an entry of " + what, "an id");
        if (s == null) {
          ok = false;
        } else {
          out.add(s);
        }
      }
      if (out.isEmpty() && ok) {
        problems.at(
            n,
            "type",
            "expected at least one entry for " + what + ", found an empty list",
            "",
            "an id or a list of ids");
        return null;
      }
      return ok ? out : null;
    }
    problems.at(
        n,
        "type",
        "expected an id or a list of ids for " + what + ", found " + describe(n),
        value(n),
        "an id or a list of ids");
    return null;
  }

  @Nullable List<Node> sequence(Node n, String what) {
    if (n instanceof SequenceNode seq) {
      return seq.getValue();
    }
    problems.at(
        n, "type", "expected a list for " + what + ", found " + describe(n), value(n), "a list");
    return null;
  }
}
