package org.umbrella.agreement.load.internal;

import static org.umbrella.agreement.load.internal.Nodes.ID;
import static org.umbrella.agreement.load.internal.Nodes.abbreviate;
import static org.umbrella.agreement.load.internal.Nodes.describe;
import static org.umbrella.agreement.load.internal.Nodes.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.load.Keys;
import org.umbrella.agreement.load.internal.Nodes.Entry;
import org.umbrella.agreement.load.internal.Nodes.Fields;
import org.umbrella.diagnostics.Suggestions;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The key checks of YAML mappings: a clause's keys known for its kind and each given once (with a
 * hint when a key belongs elsewhere or is the tail of a number a comma split), a section's ids
 * well-formed and each given once. Each problem is recorded and the key skipped.
 *
 * <p>Only {@link Nodes} calls it, so the parsers keep one place to read from; it does not read the
 * values under the keys, which is Nodes' work.
 */
final class MappingKeys {
  private final Problems problems;

  MappingKeys(Problems problems) {
    this.problems = problems;
  }

  /**
   * Reads a mapping of kind {@code kind} (see {@code Keys}); unknown and duplicate keys are issues.
   */
  @Nullable Fields mapping(Node n, String kind, String owner) {
    List<String> keys = Keys.BY_KIND.getOrDefault(kind, List.of());
    if (!(n instanceof MappingNode m)) {
      problems.at(
          n,
          "type",
          "expected a mapping for " + owner + ", found " + describe(n),
          value(n),
          "a mapping with keys " + String.join(", ", keys));
      return null;
    }
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    NodeTuple previous = null;
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k) || k.getTag().equals(Tag.NULL)) {
        problems.at(
            t.getKeyNode(),
            "type",
            "keys in " + owner + " must be plain text, found " + describe(t.getKeyNode()),
            "",
            String.join(", ", keys));
        continue;
      }
      String key = k.getValue();
      String split = previous == null ? null : splitNumber(previous, k);
      previous = t;
      if (split != null) {
        problems.at(
            k,
            "split-number",
            "'"
                + split
                + "' was split at the comma: inside { } a comma separates entries, so YAML read '"
                + key
                + "' as a key of "
                + owner,
            key,
            "the number without a comma: "
                + split.replace(",", "")
                + " (or with '_': "
                + split.replace(",", "_")
                + ")");
        continue;
      }
      if (!keys.contains(key)) {
        String home = Keys.MISPLACED.getOrDefault(kind, Map.of()).get(key);
        String message =
            "unknown key '"
                + key
                + "' in "
                + owner
                + (home == null ? "" : "; '" + key + "' belongs under '" + home + ":'");
        problems.at(
            k,
            "unknown-key",
            message,
            key,
            "valid keys are " + String.join(", ", keys),
            home == null ? Suggestions.closest(key, keys) : List.of());
        continue;
      }
      if (entries.containsKey(key)) {
        problems.at(
            k,
            "duplicate-key",
            "duplicate key '"
                + key
                + "' in "
                + owner
                + " (first at line "
                + (entries.get(key).getKeyNode().getStartMark().getLine() + 1)
                + ")",
            key,
            "each key once");
        continue;
      }
      entries.put(key, t);
    }
    return new Fields(m, entries, owner);
  }

  /**
   * The number a comma split, when {@code key} is the digits after a comma that followed a number
   * in a flow mapping ({@code { at-most: 800,000 }} reads as {@code at-most: 800} and a key {@code
   * 000}); null otherwise.
   */
  private static @Nullable String splitNumber(NodeTuple previous, ScalarNode key) {
    if (!(previous.getValueNode() instanceof ScalarNode number)
        || key.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN
        || !key.getValue().matches("[0-9]{3}([,.][0-9]+)?")
        || !(number.getTag().equals(Tag.INT) || number.getTag().equals(Tag.FLOAT))
        || number.getEndMark().getLine() != key.getStartMark().getLine()) {
      return null;
    }
    int gap = key.getStartMark().getColumn() - number.getEndMark().getColumn();
    return gap >= 1 && gap <= 2 ? number.getValue() + "," + key.getValue() : null;
  }

  /** Reads a section of {@code id: value} entries; ids must be well-formed and unique. */
  List<Entry> entries(Node n, String section, String idKind) {
    List<Entry> out = new ArrayList<>();
    if (n instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
      return out;
    }
    if (!(n instanceof MappingNode m)) {
      problems.at(
          n,
          "type",
          "expected a mapping of " + idKind + " ids for '" + section + "', found " + describe(n),
          value(n),
          "id: { ... } entries");
      return out;
    }
    Map<String, ScalarNode> seen = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k) || k.getTag().equals(Tag.NULL)) {
        problems.at(
            t.getKeyNode(),
            "type",
            "a " + idKind + " id must be plain text, found " + describe(t.getKeyNode()),
            "",
            "an id such as " + (idKind.equals("party") ? "UA" : "front-zone"));
        continue;
      }
      String id = k.getValue();
      if (!ID.matcher(id).matches()) {
        problems.at(
            k,
            "invalid-id",
            "invalid " + idKind + " id '" + abbreviate(id) + "'",
            id,
            "a letter followed by up to 63 letters, digits, '-', '_' or '.'");
        continue;
      }
      if (seen.containsKey(id)) {
        problems.at(
            k,
            "duplicate-key",
            "duplicate "
                + idKind
                + " '"
                + id
                + "' (first at line "
                + (seen.get(id).getStartMark().getLine() + 1)
                + ")",
            id,
            "each id once");
        continue;
      }
      seen.put(id, k);
      out.add(new Entry(id, k, t.getValueNode()));
    }
    return out;
  }
}
